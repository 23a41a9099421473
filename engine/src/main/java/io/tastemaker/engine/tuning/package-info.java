/**
 * Hyperparameter optimisation: Personalize's {@code performHPO} with {@code solutionConfig.hpoConfig}.
 *
 * <ul>
 *   <li>{@link io.tastemaker.engine.tuning.HpoConfig} and its parts
 *       ({@link io.tastemaker.engine.tuning.HpoObjective},
 *       {@link io.tastemaker.engine.tuning.HpoResourceConfig},
 *       {@link io.tastemaker.engine.tuning.HyperParameterRanges} with integer, continuous and
 *       categorical ranges) mirror the API's shapes and member names, validated on construction
 *       with messages that name the offending member.</li>
 *   <li>{@link io.tastemaker.engine.tuning.HyperparameterSearch} carves disjoint validation
 *       folds of users from the data it is given, trains one model per trial and fold, scores
 *       each with Personalize's offline metrics, and returns the trials and the chosen
 *       hyperparameters ({@link io.tastemaker.engine.tuning.HpoResult}, ready for
 *       {@code tunedHPOParams}); {@link io.tastemaker.engine.tuning.HpoValidation} sets the folds
 *       and the rule that chooses among trials within noise of each other.</li>
 *   <li>{@link io.tastemaker.engine.tuning.DefaultRanges} holds the ranges searched when the
 *       configuration gives none.</li>
 * </ul>
 *
 * <p>Invariants: a search is a pure function of (recipe, data, training configuration, hpoConfig);
 * its validation folds are carved from the data passed in and from nothing else, so the caller's
 * own evaluation holdout stays unseen; trials never repeat a hyperparameter combination; a trial
 * the recipe rejects is recorded, not fatal.
 *
 * <p>Out of scope: running trials concurrently (they run one after another; proposals are made
 * in rounds of {@code maxParallelTrainingJobs} so that running a round concurrently would not
 * change the result), AutoML ({@code performAutoML}), the recipes' default ranges beyond EASE's,
 * persisting trials, and billing ({@code trainingHours}).
 */
package io.tastemaker.engine.tuning;
