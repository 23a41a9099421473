/**
 * Automatic training: solutions with {@code performAutoTraining} retrain on their
 * {@code rate(N days)} schedule when interactions arrived, and the deployed versions of
 * aws-user-personalization (and the other recipes that train in UPDATE mode) are updated every two
 * hours when items or interactions arrived, so that new items enter recommendations without a
 * person asking. {@link io.tastemaker.domain.autotraining.AutoTrainingSchedule} decides (pure);
 * {@link io.tastemaker.domain.autotraining.AutoTraining} is the EJB timer that gathers the facts
 * and creates the versions, which train as JSR-352 jobs like any other.
 *
 * <p>Invariants: never a second version while one trains; versions it creates say
 * {@code trainingType AUTOMATIC}; an automatic update replaces the version it was built from in
 * every campaign serving it, as Personalize updates a deployed model. Left out: coordination
 * between the nodes of a cluster beyond refusing a second training of one solution.
 */
package io.tastemaker.domain.autotraining;
