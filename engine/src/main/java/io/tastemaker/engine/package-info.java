/**
 * Tastemaker's recommendation engine: plain Java, no container, no I/O beyond the streams it is
 * handed.
 *
 * <ul>
 *   <li>{@link io.tastemaker.engine.data} holds interactions as an immutable columnar table with
 *       dense integer ids.</li>
 *   <li>{@link io.tastemaker.engine.recipe} turns a table into a trained model (one class per
 *       Personalize recipe) and reads and writes model artifacts.</li>
 *   <li>{@link io.tastemaker.engine.evaluation} reproduces Personalize's offline metrics and the
 *       project's benchmark metrics.</li>
 *   <li>{@link io.tastemaker.engine.tuning} tunes a recipe's hyperparameters on a validation
 *       split (Personalize's HPO).</li>
 *   <li>{@link io.tastemaker.engine.filter} parses, checks and evaluates Personalize's filter
 *       expressions into the set of catalog items a request may return.</li>
 *   <li>{@link io.tastemaker.engine.linalg} holds the dense linear algebra (Cholesky) and the named
 *       thread pools the heavier recipes train on.</li>
 * </ul>
 *
 * <p>Invariants: training is a pure function of (interactions, configuration, seed). Nothing here
 * reads the wall clock, an unseeded random source, the default locale or the default charset, and
 * nothing depends on Jakarta EE or on the other Tastemaker modules (enforced by
 * {@code EngineArchitectureTest}).
 *
 * <p>Out of scope: persistence, HTTP, security, scheduling and Personalize's error vocabulary. The
 * engine throws {@link java.lang.IllegalArgumentException} for bad input and
 * {@link java.io.IOException} for unreadable artifacts; the domain module translates them.
 */
package io.tastemaker.engine;
