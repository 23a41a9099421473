/**
 * Solutions, solution versions and training. A solution names a recipe and its configuration;
 * each solution version is one training run (the SolutionTrainingJob batch job), measured with
 * Personalize's offline protocol and stored as a model artifact in the database.
 *
 * <p>Out of scope for now: HPO, UPDATE and AUTOTRAIN training modes, StopSolutionVersionCreation,
 * automatic retraining; each is refused with a message.
 */
package io.tastemaker.domain.solution;
