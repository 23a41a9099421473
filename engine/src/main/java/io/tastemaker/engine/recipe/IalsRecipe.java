package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.linalg.Cholesky;
import io.tastemaker.engine.linalg.Parallel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Pattern;

/**
 * Implicit-feedback matrix factorisation, iALS (Hu, Koren and Volinsky 2008, "Collaborative
 * Filtering for Implicit Feedback Datasets"), the algorithm {@link UserPersonalizationRecipe} uses
 * for catalogs too large for EASE. Registered under the name given to the constructor
 * ({@code aws-user-personalization} by default), which the model reports as its recipe.
 *
 * <p>The model: every user {@code u} and catalog item {@code i} get a vector of {@value #FACTORS}
 * numbers, {@code x_u} and {@code y_i}, that minimise
 *
 * <pre>
 *   sum over all (u, i) of c_ui · (p_ui − x_u·y_i)²
 *     + regularization · (sum over u of n_u^e · |x_u|²  +  sum over i of n_i^e · |y_i|²)
 * </pre>
 *
 * where {@code p_ui} is 1 if the user interacted with the item and 0 otherwise, and the confidence
 * {@code c_ui = 1 + alpha · r_ui} grows with {@code r_ui}, the number of the user's interactions
 * with the item (1 for an item seen once; {@code c_ui = 1} for the pairs without interaction). The
 * sum runs over every pair, observed or not; event types and values only select the interactions
 * ({@link TrainingConfig#select}), they do not weigh them. The L2 penalty of a user (item) grows
 * with {@code n}, its number of distinct items (users), raised to {@code e} =
 * {@value #REGULARIZATION_EXPONENT}: {@code e = 0} is Hu et al.'s plain penalty, {@code e = 1} the
 * weighted-λ regularisation of Zhou et al. (2008, ALS-WR; Spark MLlib's), and Rendle et al. (2022,
 * "Revisiting the Performance of iALS on Item Recommendation Benchmarks") found frequency scaling
 * in between to help.
 *
 * <p>Training alternates: all users' vectors given the items', then all items' given the users',
 * {@value #ITERATIONS} times. Each vector is the solution of a {@code factors × factors} linear
 * system {@code (YᵀY + regularization·n^e·I + sum over the user's items of (c − 1)·y yᵀ) x = sum of c·y}.
 * {@code YᵀY} is computed once per half-step for all rows (Hu et al.'s trick), so a row costs time
 * in proportion to its own interactions. The system is not solved exactly: {@value #CG_STEPS}
 * steps of the conjugate gradient method start from the vector's previous value (Takács, Pilászy
 * and Tikk 2011, "Applications of the conjugate gradient method for implicit feedback collaborative
 * filtering"; also the {@code implicit} library's default), which costs
 * {@code O(cg_steps · (factors² + factors · interactions))} per row instead of
 * {@code O(factors³)}. Vectors start uniformly random in {@code [−0.5, 0.5) · 0.1 / √factors},
 * drawn from the configuration's seed.
 *
 * <p>Vectors are {@code float}, one array per row while training, and every inner loop is written
 * so that the JIT turns it into SIMD instructions ({@code IalsHalfStep} says how: rows with 16 or
 * more interactions copy their fixed vectors into a transposed buffer once per half-step, so that
 * their projections are vector loops too). Rows are solved in parallel on a pool of threads named
 * {@code tastemaker-ials-<n>}, created for each run, in chunks of about equal numbers of
 * interactions; a row's result does not depend on which thread solves it, and {@code YᵀY} is summed
 * over fixed blocks of rows in a fixed order, so the model is bit-identical whatever the number of
 * threads.
 *
 * <p>Speed (bench/spark-vs-ials, three runs, rank 64, 10 iterations, two cores shared with other
 * jobs, load average 21–33): Spark MLlib's implicit ALS took 16.5–21.3 times our wall time per
 * iteration on ml-latest-small and 19.8–26.3 times on 2 million synthetic interactions (23–31 times
 * our CPU time), at lower accuracy (nDCG@10 0.3813 against 0.3913); ADR 0011 has the figures. An
 * earlier run whose bench did not warm our JIT gave 4.8× on ml-latest-small: on a loaded machine
 * that small data set's wall-time ratio is noisy, its CPU-time ratio much less so.
 *
 * <p>The monitor hears {@code "Iteration i of n"} before each iteration, so a stop takes effect
 * within one iteration.
 *
 * <p>Hyperparameters (strings; any other name is rejected). The defaults were chosen on a
 * validation split carved from the training part of MovieLens ml-latest-small (bench/accuracy
 * {@code --sweep-ials}: 10% of each item's training ratings, seed 1; never the test part), by
 * nDCG@10 over the held-out 10%, with {@value #FACTORS} 64, {@value #ITERATIONS} 10 and
 * {@value #CG_STEPS} 3 while the others were searched:
 *
 * <ul>
 *   <li>{@value #FACTORS}: the length of the user and item vectors. More factors fit more
 *       structure and cost time as {@code factors²}. An integer from 1 to {@value #MAX_FACTORS};
 *       default {@value #DEFAULT_FACTORS}. On validation factors hardly matter (32: 0.1474, 64:
 *       0.1498, 128: 0.1510); on the test split 128 factors and 15 iterations gain more (see
 *       bench/accuracy), but 64 keeps large catalogs twice as fast.</li>
 *   <li>{@value #ITERATIONS}: alternations of the user and item half-steps. An integer from 1 to
 *       {@value #MAX_ITERATIONS}; default {@value #DEFAULT_ITERATIONS}. Accuracy still creeps up
 *       after 10 (5: 0.1454, 10: 0.1498, 15: 0.1509, 20: 0.1518, 30: 0.1529) while the cost grows
 *       linearly.</li>
 *   <li>{@value #REGULARIZATION}: the L2 penalty λ on the vectors; larger values shrink scores
 *       towards popularity. A number from 0 to 1,000,000; default
 *       {@value #DEFAULT_REGULARIZATION}. As for EASE's λ, the best value grows with the data, so
 *       large data sets should tune it.</li>
 *   <li>{@value #REGULARIZATION_EXPONENT}: {@code e}, how the penalty of a row grows with its
 *       number of interactions ({@code λ·n^e}, see above). A number from 0 to 1; default
 *       {@value #DEFAULT_REGULARIZATION_EXPONENT}. For each e in {0, 0.25, 0.5, 0.75, 1} λ and
 *       {@value #ALPHA} were searched on {0.01, 0.02, 0.05, …, 100, 200} × {1, 2, 5, 10, 20, 40}; the
 *       best of each: e = 0 0.1436 (λ 50, α 10), 0.25 0.1460 (20, 10), 0.5 0.1498 (5, 5), 0.75
 *       0.1493 (2, 5), 1 0.1463 (0.2, 2). EASE's defaults score 0.1440 on the same split.</li>
 *   <li>{@value #ALPHA}: how much more an observed pair weighs than an unobserved one. A number
 *       from 0 to 1,000,000; default {@value #DEFAULT_ALPHA}, chosen with λ and e (above). Every
 *       pair of ml-latest-small is seen once, so this choice says nothing about repeats; the
 *       confidence is linear in them, and logs where a few users repeat an item thousands of times
 *       may want a smaller alpha.</li>
 *   <li>{@value #CG_STEPS}: conjugate gradient steps per vector and half-step. An integer from 1
 *       to {@value #MAX_CG_STEPS}; default {@value #DEFAULT_CG_STEPS}: 1 step 0.1351, 2: 0.1490, 3:
 *       0.1498, 4: 0.1506, 6: 0.1502, 10: 0.1501. Each step is one more pass over the interactions;
 *       past 3 the gain is noise.</li>
 * </ul>
 */
public final class IalsRecipe implements Recipe {

    /** Hyperparameter: the length of the user and item vectors. */
    public static final String FACTORS = "factors";
    /** Hyperparameter: the number of alternations. */
    public static final String ITERATIONS = "iterations";
    /** Hyperparameter: the L2 penalty. */
    public static final String REGULARIZATION = "regularization";
    /** Hyperparameter: how the L2 penalty grows with a row's number of interactions. */
    public static final String REGULARIZATION_EXPONENT = "regularization_exponent";
    /** Hyperparameter: the confidence slope. */
    public static final String ALPHA = "alpha";
    /** Hyperparameter: conjugate gradient steps per vector. */
    public static final String CG_STEPS = "cg_steps";

    /** Every hyperparameter name this recipe accepts. */
    public static final Set<String> HYPERPARAMETER_NAMES = Set.of(FACTORS, ITERATIONS, REGULARIZATION,
            REGULARIZATION_EXPONENT, ALPHA, CG_STEPS);

    /** Default of {@value #FACTORS}. */
    public static final int DEFAULT_FACTORS = 64;
    /** Largest accepted {@value #FACTORS}. */
    public static final int MAX_FACTORS = 1024;
    /** Default of {@value #ITERATIONS}. */
    public static final int DEFAULT_ITERATIONS = 10;
    /** Largest accepted {@value #ITERATIONS}. */
    public static final int MAX_ITERATIONS = 200;
    /** Default of {@value #REGULARIZATION}. */
    public static final double DEFAULT_REGULARIZATION = 5;
    /** Default of {@value #REGULARIZATION_EXPONENT}. */
    public static final double DEFAULT_REGULARIZATION_EXPONENT = 0.5;
    /** Default of {@value #ALPHA}. */
    public static final double DEFAULT_ALPHA = 5;
    /** Largest accepted {@value #REGULARIZATION} and {@value #ALPHA}. */
    public static final double MAX_WEIGHT = 1_000_000;
    /** Default of {@value #CG_STEPS}. */
    public static final int DEFAULT_CG_STEPS = 3;
    /** Largest accepted {@value #CG_STEPS}. */
    public static final int MAX_CG_STEPS = 64;

    /** Prefix of the names of the training threads. */
    public static final String THREAD_NAME_PREFIX = "tastemaker-ials-";

    /** The fraction of the monitor's range spent building the matrix, before the first iteration. */
    private static final double PREPARATION = 0.02;
    /** Rows per parallel task: enough work to amortise a task, small enough to balance skewed rows. */
    private static final int ROWS_PER_TASK = 64;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

    private final String name;
    private final int threads;

    /** Registered as {@value UserPersonalizationRecipe#NAME}, on every available processor. */
    public IalsRecipe() {
        this(UserPersonalizationRecipe.NAME, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Registered as {@code name}, training on {@code threads} threads.
     *
     * @throws IllegalArgumentException if the name is blank or {@code threads < 1}
     */
    public IalsRecipe(String name, int threads) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.name = name;
        this.threads = threads;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Validated iALS hyperparameters.
     *
     * @param factors see {@link IalsRecipe#FACTORS}
     * @param iterations see {@link IalsRecipe#ITERATIONS}
     * @param regularization see {@link IalsRecipe#REGULARIZATION}
     * @param regularizationExponent see {@link IalsRecipe#REGULARIZATION_EXPONENT}
     * @param alpha see {@link IalsRecipe#ALPHA}
     * @param cgSteps see {@link IalsRecipe#CG_STEPS}
     */
    public record HyperParameters(int factors, int iterations, double regularization, double regularizationExponent,
            double alpha, int cgSteps) {

        private static final String FACTORS_RANGE = "an integer from 1 to " + MAX_FACTORS;
        private static final String ITERATIONS_RANGE = "an integer from 1 to " + MAX_ITERATIONS;
        private static final String WEIGHT_RANGE = "a number from 0 to " + (long) MAX_WEIGHT;
        private static final String EXPONENT_RANGE = "a number from 0 to 1";
        private static final String CG_STEPS_RANGE = "an integer from 1 to " + MAX_CG_STEPS;

        /**
         * Checks the ranges.
         *
         * @throws IllegalArgumentException naming the first parameter out of its range
         */
        public HyperParameters {
            if (factors < 1 || factors > MAX_FACTORS) {
                throw new IllegalArgumentException(outOfRange(FACTORS, FACTORS_RANGE, Integer.toString(factors)));
            }
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException(outOfRange(ITERATIONS, ITERATIONS_RANGE,
                        Integer.toString(iterations)));
            }
            if (!(regularization >= 0 && regularization <= MAX_WEIGHT)) {
                throw new IllegalArgumentException(outOfRange(REGULARIZATION, WEIGHT_RANGE,
                        Double.toString(regularization)));
            }
            if (!(regularizationExponent >= 0 && regularizationExponent <= 1)) {
                throw new IllegalArgumentException(outOfRange(REGULARIZATION_EXPONENT, EXPONENT_RANGE,
                        Double.toString(regularizationExponent)));
            }
            if (!(alpha >= 0 && alpha <= MAX_WEIGHT)) {
                throw new IllegalArgumentException(outOfRange(ALPHA, WEIGHT_RANGE, Double.toString(alpha)));
            }
            if (cgSteps < 1 || cgSteps > MAX_CG_STEPS) {
                throw new IllegalArgumentException(outOfRange(CG_STEPS, CG_STEPS_RANGE, Integer.toString(cgSteps)));
            }
        }

        /** The defaults. */
        public static HyperParameters defaults() {
            return new HyperParameters(DEFAULT_FACTORS, DEFAULT_ITERATIONS, DEFAULT_REGULARIZATION,
                    DEFAULT_REGULARIZATION_EXPONENT, DEFAULT_ALPHA, DEFAULT_CG_STEPS);
        }

        /**
         * Parses string hyperparameters for the recipe named {@code recipe}; absent ones take their
         * defaults.
         *
         * @throws IllegalArgumentException naming an unknown hyperparameter (and {@code recipe}), or
         *     a known one whose value is not a number in its range
         */
        public static HyperParameters parse(String recipe, Map<String, String> values) {
            Objects.requireNonNull(recipe, "recipe");
            Objects.requireNonNull(values, "values");
            new TrainingConfig(null, null, values, 0L).requireKnownHyperParameters(recipe, HYPERPARAMETER_NAMES);
            return new HyperParameters(
                    integer(values, FACTORS, FACTORS_RANGE, DEFAULT_FACTORS),
                    integer(values, ITERATIONS, ITERATIONS_RANGE, DEFAULT_ITERATIONS),
                    decimal(values, REGULARIZATION, WEIGHT_RANGE, DEFAULT_REGULARIZATION),
                    decimal(values, REGULARIZATION_EXPONENT, EXPONENT_RANGE, DEFAULT_REGULARIZATION_EXPONENT),
                    decimal(values, ALPHA, WEIGHT_RANGE, DEFAULT_ALPHA),
                    integer(values, CG_STEPS, CG_STEPS_RANGE, DEFAULT_CG_STEPS));
        }

        private static int integer(Map<String, String> values, String name, String range, int fallback) {
            if (!values.containsKey(name)) {
                return fallback;
            }
            String value = values.get(name);
            if (value == null || !INTEGER.matcher(value.strip()).matches()) {
                throw new IllegalArgumentException(outOfRange(name, range, value));
            }
            return Integer.parseInt(value.strip());
        }

        private static double decimal(Map<String, String> values, String name, String range, double fallback) {
            if (!values.containsKey(name)) {
                return fallback;
            }
            String value = values.get(name);
            if (value == null || !DECIMAL.matcher(value.strip()).matches()) {
                throw new IllegalArgumentException(outOfRange(name, range, value));
            }
            return Double.parseDouble(value.strip());
        }

        private static String outOfRange(String name, String range, String value) {
            return "Hyperparameter '" + name + "' (iALS) must be " + range + ", was "
                    + (value == null ? "null" : "'" + value + "'");
        }
    }

    /**
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter or gives
     *     one a value out of its range
     */
    @Override
    public IalsModel train(InteractionLog log, TrainingConfig config) {
        return train(TrainingData.of(log), config, TrainingMonitor.NONE);
    }

    /**
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter or gives
     *     one a value out of its range
     */
    @Override
    public IalsModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        HyperParameters parameters = HyperParameters.parse(name, config.hyperParameters());
        monitor.progress("Building the interaction matrix", 0);
        InteractionMatrix matrix = InteractionMatrix.of(config.select(data.interactions()));
        return train(matrix, parameters, config.seed(), monitor);
    }

    /** Trains on a matrix already built (by {@link UserPersonalizationRecipe}, which needed it to choose). */
    IalsModel train(InteractionMatrix matrix, HyperParameters parameters, long seed, TrainingMonitor monitor) {
        int k = parameters.factors();
        int users = matrix.userCount();
        int items = matrix.itemCount();
        float[][] itemFactors = new float[items][k];
        float[][] userFactors = new float[users][k];
        SplittableRandom random = new SplittableRandom(seed);
        float scale = (float) (0.1 / Math.sqrt(k));
        for (float[] vector : itemFactors) {
            for (int f = 0; f < k; f++) {
                vector[f] = (float) (random.nextDouble() - 0.5) * scale;
            }
        }
        for (float[] vector : userFactors) {
            for (int f = 0; f < k; f++) {
                vector[f] = (float) (random.nextDouble() - 0.5) * scale;
            }
        }

        ForkJoinPool pool = threads == 1 ? null : Parallel.newPool(THREAD_NAME_PREFIX, threads);
        IalsHalfStep.Scratch scratch = new IalsHalfStep.Scratch();
        try {
            int n = parameters.iterations();
            for (int iteration = 0; iteration < n; iteration++) {
                monitor.progress("Iteration " + (iteration + 1) + " of " + n,
                        PREPARATION + (1 - PREPARATION) * iteration / n);
                IalsHalfStep.solve(userFactors, null, matrix.userOffsets, matrix.userItems, matrix.userRepeats,
                        itemFactors, parameters, pool, scratch);
                IalsHalfStep.solve(itemFactors, null, matrix.itemOffsets, matrix.itemUsers, matrix.itemRepeats,
                        userFactors, parameters, pool, scratch);
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        monitor.progress("Done", 1);
        return new IalsModel(name, parameters, matrix.itemIds, matrix.itemCounts, matrix.userIds,
                matrix.userOffsets, matrix.userItems, IalsHalfStep.flat(userFactors, k),
                IalsHalfStep.flat(itemFactors, k));
    }

    /**
     * Personalize's {@code trainingMode} UPDATE for an iALS model: a new model from all the current
     * data that keeps {@code previous}'s vectors where nothing changed and solves the others, without
     * a full training's alternations over every row.
     *
     * <p>The matrix is rebuilt from the interactions {@code config} selects, as {@link #train} builds
     * it. Then, comparing with {@code previous}:
     *
     * <ul>
     *   <li>known items keep their vectors; new items (absent from {@code previous}) start at zero;</li>
     *   <li>users whose distinct items did not change keep their vectors; new users, and users with an
     *       item {@code previous} did not record for them, are <em>changed</em>;</li>
     *   <li>three half-steps over those rows only, each row's system being that of {@link #train}
     *       with the other side fixed: the new users, from the items they share with the old catalog;
     *       the new items, given every user; then the new and changed users, now with the new items.
     *       New users and items are then first-class: they are scored by their own vectors, not by
     *       popularity.</li>
     * </ul>
     *
     * <p>How the rows are solved. The changed users of the last step start from their previous
     * vectors (the new users from the first step's), as every row of a full training starts from
     * the last iteration's, so {@value #CG_STEPS} conjugate gradient steps do for them what they do
     * there. New users and items start from nothing, so their first solve is exact, a Cholesky
     * factorisation of the row's system in double (its {@code factors³ / 3} scalar operations cost
     * more than the vectorised conjugate gradient steps of a full training's half-step, and building
     * the system {@code factors² / 2} per interaction), but only for the new rows. Everything else is {@code previous}'s, so the time is that
     * of rebuilding the matrix, two Gram matrices ({@code users · factors²} for the item step), and
     * the new and changed rows' interactions; bench/update measures it against a full training.
     *
     * <p>What waits for the next full training: known items' vectors do not move, however many new
     * users they gained; a user whose only change is more interactions with the same items (the
     * confidence of a pair) keeps their vector; and a new cluster of users and items that shares no
     * item with the old catalog stays at zero (popularity order). The hyperparameters are
     * {@code previous}'s; {@code config}'s are checked as for {@link #train} but not used, and
     * nothing is random. The model is bit-identical whatever the number of threads.
     *
     * @param previous the model to update, from {@link #train} or an earlier update
     * @param data all the current data, not only what changed
     * @param config the event type and value threshold that select the interactions
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter or gives
     *     one a value out of its range
     */
    public IalsModel update(IalsModel previous, TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        HyperParameters.parse(name, config.hyperParameters());
        monitor.progress("Building the interaction matrix", 0);
        InteractionMatrix matrix = InteractionMatrix.of(config.select(data.interactions()));
        return update(previous, matrix, monitor);
    }

    /** {@link #update(IalsModel, TrainingData, TrainingConfig, TrainingMonitor)} on a matrix already built. */
    IalsModel update(IalsModel previous, InteractionMatrix matrix, TrainingMonitor monitor) {
        HyperParameters parameters = previous.hyperParameters();
        int k = parameters.factors();
        int items = matrix.itemCount();
        int users = matrix.userCount();
        float[][] itemFactors = new float[items][k];
        float[][] userFactors = new float[users][k];

        int[] previousItem = new int[items];
        int[] newItems = new int[items];
        int newItemCount = 0;
        for (int c = 0; c < items; c++) {
            previousItem[c] = previous.itemIndex(matrix.itemIds[c]);
            if (previousItem[c] >= 0) {
                previous.copyItemVector(previousItem[c], itemFactors[c], 0);
            } else {
                newItems[newItemCount++] = c;
            }
        }
        int[] changedUsers = new int[users];
        int changedCount = 0;
        int[] newUsers = new int[users];
        int newUserCount = 0;
        for (int u = 0; u < users; u++) {
            int old = previous.userIndex(matrix.userIds[u]);
            if (old < 0) {
                newUsers[newUserCount++] = u;
                changedUsers[changedCount++] = u;
                continue;
            }
            previous.copyUserVector(old, userFactors[u], 0);
            boolean same = previous.historyLength(old) == matrix.userOffsets[u + 1] - matrix.userOffsets[u];
            for (int p = matrix.userOffsets[u]; same && p < matrix.userOffsets[u + 1]; p++) {
                int item = previousItem[matrix.userItems[p]];
                same = item >= 0 && previous.historyContains(old, item);
            }
            if (!same) {
                changedUsers[changedCount++] = u;
            }
        }
        newItems = Arrays.copyOf(newItems, newItemCount);
        newUsers = Arrays.copyOf(newUsers, newUserCount);
        changedUsers = Arrays.copyOf(changedUsers, changedCount);
        monitor.progress(String.format(Locale.ROOT, "%,d new items, %,d new users, %,d users whose items changed; "
                + "keeping %,d item and %,d user vectors", newItemCount, newUserCount, changedCount - newUserCount,
                items - newItemCount, users - changedCount), PREPARATION);

        ForkJoinPool pool = threads == 1 ? null : Parallel.newPool(THREAD_NAME_PREFIX, threads);
        IalsHalfStep.Scratch scratch = new IalsHalfStep.Scratch();
        try {
            if (newUserCount > 0) {
                monitor.progress(String.format(Locale.ROOT, "Solving %,d new users", newUserCount), 0.1);
                ExactStep.solve(userFactors, newUsers, matrix.userOffsets, matrix.userItems, matrix.userRepeats,
                        itemFactors, parameters, pool);
            }
            if (newItemCount > 0) {
                monitor.progress(String.format(Locale.ROOT, "Solving %,d new items", newItemCount), 0.4);
                ExactStep.solve(itemFactors, newItems, matrix.itemOffsets, matrix.itemUsers, matrix.itemRepeats,
                        userFactors, parameters, pool);
            }
            if (changedCount > 0) {
                monitor.progress(String.format(Locale.ROOT, "Solving %,d new and changed users", changedCount), 0.6);
                IalsHalfStep.solve(userFactors, changedUsers, matrix.userOffsets, matrix.userItems,
                        matrix.userRepeats, itemFactors, parameters, pool, scratch);
            }
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
        monitor.progress("Done", 1);
        return new IalsModel(previous.recipe(), parameters, matrix.itemIds, matrix.itemCounts, matrix.userIds,
                matrix.userOffsets, matrix.userItems, IalsHalfStep.flat(userFactors, k),
                IalsHalfStep.flat(itemFactors, k));
    }

    /**
     * A half-step over some rows only, each solved exactly:
     * {@code (FᵀF + λ·n^e·I + Σ (c − 1) f fᵀ) x = Σ c f} by a Cholesky factorisation in double.
     */
    private static final class ExactStep {

        private ExactStep() {
        }

        static void solve(float[][] target, int[] rows, int[] offsets, int[] columns, int[] repeats,
                float[][] fixed, HyperParameters parameters, ForkJoinPool pool) {
            int k = parameters.factors();
            float[][] gram = IalsHalfStep.gram(fixed, k, pool);
            double lambda = parameters.regularization();
            double exponent = parameters.regularizationExponent();
            double alpha = parameters.alpha();
            Parallel.forEach(pool, (rows.length + ROWS_PER_TASK - 1) / ROWS_PER_TASK, t -> {
                double[][] a = new double[k][k];
                double[] b = new double[k];
                for (int i = t * ROWS_PER_TASK, end = Math.min(i + ROWS_PER_TASK, rows.length); i < end; i++) {
                    int row = rows[i];
                    double penalty = Math.max(lambda * Math.pow(offsets[row + 1] - offsets[row], exponent), 1e-9);
                    for (int r = 0; r < k; r++) {
                        double[] ar = a[r];
                        for (int c = 0; c <= r; c++) {
                            ar[c] = gram[r][c];
                        }
                        ar[r] += penalty;
                    }
                    Arrays.fill(b, 0);
                    for (int e = offsets[row]; e < offsets[row + 1]; e++) {
                        float[] f = fixed[columns[e]];
                        double c1 = alpha * repeats[e];
                        for (int r = 0; r < k; r++) {
                            double fr = f[r];
                            b[r] += (1 + c1) * fr;
                            double scaled = c1 * fr;
                            double[] ar = a[r];
                            for (int c = 0; c <= r; c++) {
                                ar[c] += scaled * f[c];
                            }
                        }
                    }
                    double[] x = Cholesky.solve(a, b);
                    float[] vector = target[row];
                    for (int r = 0; r < k; r++) {
                        vector[r] = (float) x[r];
                    }
                }
            });
        }
    }

    /** {@code u[uo .. uo + k) · v[vo .. vo + k)}, in four interleaved partial sums (a fixed order). */
    static float dot(float[] u, int uo, float[] v, int vo, int k) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < k; i += 4) {
            s0 += u[uo + i] * v[vo + i];
            s1 += u[uo + i + 1] * v[vo + i + 1];
            s2 += u[uo + i + 2] * v[vo + i + 2];
            s3 += u[uo + i + 3] * v[vo + i + 3];
        }
        for (; i < k; i++) {
            s0 += u[uo + i] * v[vo + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
