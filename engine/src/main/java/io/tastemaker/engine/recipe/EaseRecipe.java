package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.IndexSort;
import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.RowGroups;
import io.tastemaker.engine.linalg.Cholesky;
import io.tastemaker.engine.linalg.Parallel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Pattern;

/**
 * {@code aws-user-personalization} (USER_PERSONALIZATION) for catalogs that fit in memory: EASE,
 * the embarrassingly shallow autoencoder of Steck (2019, "Embarrassingly Shallow Autoencoders for
 * Sparse Data"), a closed-form item-to-item linear model.
 *
 * <p>Training, on the interactions {@link TrainingConfig#select} keeps:
 *
 * <ol>
 *   <li>{@code X} is the binary user × item matrix: 1 where the user interacted with the item at
 *       least once (event types and values only select, they do not weigh). An item's popularity
 *       is its column sum, the number of distinct users. The catalog is every item with an
 *       interaction, most popular first, ties by item id ({@link String#compareTo}).</li>
 *   <li>EASE models the {@value #MAX_ITEMS} most popular items of the catalog: with {@code G} the
 *       Gram matrix {@code XᵀX} restricted to them, {@code P = (G + λI)⁻¹} (a Cholesky
 *       factorisation, {@link Cholesky}) and {@code B = I − P·diag(1/diag(P))}, so
 *       {@code B[i][j] = −P[i][j] / P[j][j]} off the diagonal and {@code diag(B) = 0}.</li>
 *   <li>{@code B} is made sparse: of its {@code N·(N − 1)} off-diagonal weights the model keeps
 *       the {@code neighbors · N} largest in absolute value (so {@value #NEIGHBORS} is the average
 *       number kept per modelled item), ties in row-major order, and stores them row-wise as
 *       float. One budget for the whole matrix rather than a fixed count per column or per row:
 *       popular items' columns carry larger weights, and a fixed count per column spends the
 *       budget on items that are rarely recommended. Measured on MovieLens ml-latest-small
 *       (bench/accuracy's test split, λ = 400, 5,000 items, 200 weights per item), nDCG@10 was
 *       0.3948 with a top-200 per column, 0.4002 per row, and 0.4084 with the global budget,
 *       against 0.4083 for the dense {@code B}.</li>
 * </ol>
 *
 * <p>A user's score for item {@code j} is {@code sum of B[i][j]} over the modelled items {@code i}
 * the user interacted with; see {@link EaseModel} for the items outside the model, unknown users,
 * and how scores are normalised.
 *
 * <p>Hyperparameters (Personalize's {@code algorithmHyperParameters}, as strings; any other name is
 * rejected):
 *
 * <ul>
 *   <li>{@value #LAMBDA}: the L2 regularisation λ added to the Gram matrix's diagonal; larger
 *       values shrink the item-to-item weights towards popularity. A number greater than 0 and at
 *       most 1,000,000; default {@value #DEFAULT_LAMBDA}. Chosen on a validation split carved from
 *       the training part of MovieLens ml-latest-small (bench/accuracy: 10% of each item's training
 *       ratings, seed 1; never the test part), as the best of {50, 100, 200, 300, 400, 500, 800}
 *       by nDCG@10 with the other defaults (200: 0.1431, 300: 0.1440, 400: 0.1384). The best λ
 *       grows with the data, so large datasets should tune it.</li>
 *   <li>{@value #MAX_ITEMS}: how many of the most popular items EASE models; the others are
 *       recommended after them, by popularity. Training holds an {@code n × n} double matrix
 *       ({@code 8·n²} bytes) and takes time growing as {@code n³}. An integer from 1 to
 *       {@value #MAX_MAX_ITEMS}; default {@value #DEFAULT_MAX_ITEMS}: 200 MB and 7–15 s on two
 *       cores, with a validation nDCG@10 of 0.1424 against 0.1431 for all 9,724 items of
 *       ml-latest-small (which take 80–100 s).</li>
 *   <li>{@value #NEIGHBORS}: the average number of weights of {@code B} kept per modelled item
 *       (see above); fewer make a smaller artifact and faster recommendations. An integer from 1
 *       to {@value #MAX_NEIGHBORS} (at least {@code N − 1} keeps every weight); default
 *       {@value #DEFAULT_NEIGHBORS}, the best of {25, 50, 100, 200, 300, 500, 1000, all} by
 *       validation nDCG@10 (0.1440, dense 0.1424; 5,000 items: 2.5 million weights, a 20 MB
 *       artifact).</li>
 * </ul>
 *
 * <p>Heavy loops run on a pool of threads named {@code tastemaker-ease-<n>}, created for each run
 * and shut down after it; the model is bit-identical whatever the number of threads.
 */
public final class EaseRecipe implements Recipe {

    /** The recipe name. */
    public static final String NAME = "aws-user-personalization";

    /** Hyperparameter: L2 regularisation λ. */
    public static final String LAMBDA = "lambda";
    /** Hyperparameter: number of most popular items EASE models. */
    public static final String MAX_ITEMS = "max_items";
    /** Hyperparameter: average number of weights of B kept per modelled item. */
    public static final String NEIGHBORS = "neighbors";

    /** Every hyperparameter name this recipe accepts, for validation at CreateSolution. */
    public static final Set<String> HYPERPARAMETER_NAMES = Set.of(LAMBDA, MAX_ITEMS, NEIGHBORS);

    /** Default of {@value #LAMBDA}. */
    public static final double DEFAULT_LAMBDA = 300;
    /** Largest accepted {@value #LAMBDA}. */
    public static final double MAX_LAMBDA = 1_000_000;
    /** Default of {@value #MAX_ITEMS}. */
    public static final int DEFAULT_MAX_ITEMS = 5_000;
    /** Largest accepted {@value #MAX_ITEMS}: 7.2 GB of heap for the Gram matrix. */
    public static final int MAX_MAX_ITEMS = 30_000;
    /** Default of {@value #NEIGHBORS}. */
    public static final int DEFAULT_NEIGHBORS = 500;
    /** Largest accepted {@value #NEIGHBORS}. */
    public static final int MAX_NEIGHBORS = MAX_MAX_ITEMS;

    /** Prefix of the names of the training threads. */
    public static final String THREAD_NAME_PREFIX = "tastemaker-ease-";

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

    private final int threads;

    /** Trains on as many threads as there are available processors. */
    public EaseRecipe() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Trains on {@code threads} threads.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public EaseRecipe(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Validated hyperparameters.
     *
     * @param lambda see {@link EaseRecipe#LAMBDA}
     * @param maxItems see {@link EaseRecipe#MAX_ITEMS}
     * @param neighbors see {@link EaseRecipe#NEIGHBORS}
     */
    public record HyperParameters(double lambda, int maxItems, int neighbors) {

        /**
         * Checks the ranges.
         *
         * @throws IllegalArgumentException naming the first parameter out of its range
         */
        public HyperParameters {
            if (!(lambda > 0 && lambda <= MAX_LAMBDA)) {
                throw new IllegalArgumentException(outOfRange(LAMBDA, "a number greater than 0 and at most "
                        + (long) MAX_LAMBDA, Double.toString(lambda)));
            }
            if (maxItems < 1 || maxItems > MAX_MAX_ITEMS) {
                throw new IllegalArgumentException(outOfRange(MAX_ITEMS, "an integer from 1 to " + MAX_MAX_ITEMS,
                        Integer.toString(maxItems)));
            }
            if (neighbors < 1 || neighbors > MAX_NEIGHBORS) {
                throw new IllegalArgumentException(outOfRange(NEIGHBORS, "an integer from 1 to " + MAX_NEIGHBORS,
                        Integer.toString(neighbors)));
            }
        }

        /** The defaults. */
        public static HyperParameters defaults() {
            return new HyperParameters(DEFAULT_LAMBDA, DEFAULT_MAX_ITEMS, DEFAULT_NEIGHBORS);
        }

        /**
         * Parses Personalize-style string hyperparameters; absent ones take their defaults.
         *
         * @throws IllegalArgumentException naming an unknown hyperparameter, or a known one whose
         *     value is not a number in its range
         */
        public static HyperParameters parse(Map<String, String> values) {
            Objects.requireNonNull(values, "values");
            new TrainingConfig(null, null, values, 0L).requireKnownHyperParameters(NAME, HYPERPARAMETER_NAMES);
            double lambda = values.containsKey(LAMBDA) ? parseDecimal(LAMBDA, values.get(LAMBDA),
                    "a number greater than 0 and at most " + (long) MAX_LAMBDA) : DEFAULT_LAMBDA;
            int maxItems = values.containsKey(MAX_ITEMS) ? parseInteger(MAX_ITEMS, values.get(MAX_ITEMS),
                    "an integer from 1 to " + MAX_MAX_ITEMS) : DEFAULT_MAX_ITEMS;
            int neighbors = values.containsKey(NEIGHBORS) ? parseInteger(NEIGHBORS, values.get(NEIGHBORS),
                    "an integer from 1 to " + MAX_NEIGHBORS) : DEFAULT_NEIGHBORS;
            return new HyperParameters(lambda, maxItems, neighbors);
        }

        private static double parseDecimal(String name, String value, String range) {
            if (value == null || !DECIMAL.matcher(value.strip()).matches()) {
                throw new IllegalArgumentException(outOfRange(name, range, value));
            }
            return Double.parseDouble(value.strip());
        }

        private static int parseInteger(String name, String value, String range) {
            if (value == null || !INTEGER.matcher(value.strip()).matches()) {
                throw new IllegalArgumentException(outOfRange(name, range, value));
            }
            return Integer.parseInt(value.strip());
        }

        private static String outOfRange(String name, String range, String value) {
            return "Hyperparameter '" + name + "' of recipe " + NAME + " must be " + range + ", was "
                    + (value == null ? "null" : "'" + value + "'");
        }
    }

    /**
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter or gives
     *     one a value out of its range
     */
    @Override
    public EaseModel train(InteractionLog log, TrainingConfig config) {
        return train(TrainingData.of(log), config, TrainingMonitor.NONE);
    }

    /**
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter or gives
     *     one a value out of its range
     */
    @Override
    public EaseModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        HyperParameters parameters = HyperParameters.parse(config.hyperParameters());
        InteractionLog selected = config.select(data.interactions());
        ForkJoinPool pool = threads == 1 ? null : Parallel.newPool(THREAD_NAME_PREFIX, threads);
        try {
            return train(selected, parameters, pool, monitor);
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /**
     * Personalize's {@code trainingMode} UPDATE for an EASE model: a new model from all the current
     * data that keeps {@code previous}'s item-to-item weights B, without the Gram matrix or its
     * inversion, which are nearly all of a full training's time.
     *
     * <ul>
     *   <li>The catalog and its popularity, and every user's history, are rebuilt from the
     *       interactions {@code config} selects, as a full training builds them: new users are
     *       known, and users with new interactions are scored from their whole current history.</li>
     *   <li>The modelled items are {@code previous}'s, with their weights; one that no longer has an
     *       interaction leaves the model with its row and column of B.</li>
     *   <li>Every other item, new ones included, is outside the model and ranked after the modelled
     *       items by its current popularity, until the next full training models the most popular
     *       ones again. A new user whose items are all outside the model gets the popularity
     *       list.</li>
     * </ul>
     *
     * <p>The hyperparameters are {@code previous}'s; {@code config}'s are checked as for
     * {@link #train} but not used, and nothing is random. The time is that of reading the
     * interactions, linear in their number (bench/ials-scale measures it).
     *
     * @param previous the model to update, from {@link #train} or an earlier update
     * @param data all the current data, not only what changed
     * @param config the event type and value threshold that select the interactions
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter or gives
     *     one a value out of its range
     */
    public EaseModel update(EaseModel previous, TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        HyperParameters.parse(config.hyperParameters());
        monitor.progress("Reading the interactions", 0);
        Catalog catalog = Catalog.of(config.select(data.interactions()));
        int newItems = 0;
        for (String item : catalog.itemIds) {
            if (!previous.knowsItem(item)) {
                newItems++;
            }
        }
        int newUsers = 0;
        for (String user : catalog.userIds) {
            if (!previous.knowsUser(user)) {
                newUsers++;
            }
        }
        monitor.progress(String.format(Locale.ROOT, "Keeping the weights of %,d modelled items; %,d new items "
                + "(outside the model until a full training), %,d new users", previous.modelledItems(), newItems,
                newUsers), 0.8);
        EaseModel updated = previous.withCatalog(catalog.itemIds, catalog.counts, catalog.userIds,
                catalog.userOffsets, catalog.userItems);
        monitor.progress("Done", 1);
        return updated;
    }

    private static EaseModel train(InteractionLog log, HyperParameters parameters, ForkJoinPool pool,
            TrainingMonitor monitor) {
        // Fractions of the work, measured on ml-latest-small with 5,000 modelled items: the
        // inversion dominates.
        monitor.progress("Counting co-occurrences", 0);
        Catalog catalog = Catalog.of(log);
        int itemCount = catalog.itemIds.length;
        int modelled = Math.min(parameters.maxItems(), itemCount);

        double[][] gram = gram(catalog, modelled, parameters.lambda(), pool);
        monitor.progress("Inverting the " + modelled + " x " + modelled + " Gram matrix", 0.1);
        Cholesky.invert(gram, pool);
        monitor.progress("Selecting neighbours", 0.9);
        Neighbors neighbors = Neighbors.ofInverse(gram, parameters.neighbors(), pool);
        monitor.progress("Done", 1);

        return new EaseModel(parameters, catalog.itemIds, catalog.counts, modelled,
                neighbors.offsets, neighbors.items, neighbors.weights,
                catalog.userIds, catalog.userOffsets, catalog.userItems);
    }

    /**
     * The lower triangle of {@code XᵀX + λI} over the first {@code modelled} catalog items: entry
     * (i, j) counts the users who interacted with both. Row by row, in parallel; counts are exact
     * in double.
     */
    private static double[][] gram(Catalog catalog, int modelled, double lambda, ForkJoinPool pool) {
        // Users of each modelled item, from the users' sorted item lists.
        int[] itemOffsets = new int[modelled + 1];
        int[] userItems = catalog.userItems;
        int[] userOffsets = catalog.userOffsets;
        for (int item : userItems) {
            if (item < modelled) {
                itemOffsets[item + 1]++;
            }
        }
        for (int i = 0; i < modelled; i++) {
            itemOffsets[i + 1] += itemOffsets[i];
        }
        int[] itemUsers = new int[itemOffsets[modelled]];
        int[] next = Arrays.copyOf(itemOffsets, modelled);
        int users = userOffsets.length - 1;
        for (int u = 0; u < users; u++) {
            for (int p = userOffsets[u]; p < userOffsets[u + 1]; p++) {
                int item = userItems[p];
                if (item >= modelled) {
                    break;
                }
                itemUsers[next[item]++] = u;
            }
        }

        double[][] gram = new double[modelled][modelled];
        int chunk = 16;
        Parallel.forEach(pool, (modelled + chunk - 1) / chunk, t -> {
            for (int i = t * chunk, end = Math.min(i + chunk, modelled); i < end; i++) {
                double[] row = gram[i];
                for (int q = itemOffsets[i]; q < itemOffsets[i + 1]; q++) {
                    int u = itemUsers[q];
                    for (int p = userOffsets[u]; p < userOffsets[u + 1]; p++) {
                        int j = userItems[p];
                        if (j > i) {
                            break;
                        }
                        row[j] += 1;
                    }
                }
                row[i] += lambda;
            }
        });
        return gram;
    }

    /**
     * The selected interactions as the model sees them: the catalog (items with an interaction,
     * most popular first) with its distinct-user counts, and each user's distinct catalog items,
     * ascending, in CSR form. Users without an interaction are left out.
     */
    private static final class Catalog {

        final String[] itemIds;
        final long[] counts;
        final String[] userIds;
        final int[] userOffsets;
        final int[] userItems;

        private Catalog(String[] itemIds, long[] counts, String[] userIds, int[] userOffsets, int[] userItems) {
            this.itemIds = itemIds;
            this.counts = counts;
            this.userIds = userIds;
            this.userOffsets = userOffsets;
            this.userItems = userItems;
        }

        static Catalog of(InteractionLog log) {
            IdDictionary items = log.items();
            RowGroups byUser = log.rowsByUser();
            int logItems = items.size();
            int logUsers = byUser.groupCount();

            // Distinct items per user, in log item indices, and distinct users per item.
            long[] counts = new long[logItems];
            int[] lastUser = new int[logItems];
            Arrays.fill(lastUser, -1);
            int[] distinct = new int[byUser.totalRows()];
            int[] distinctOffsets = new int[logUsers + 1];
            int size = 0;
            for (int u = 0; u < logUsers; u++) {
                for (int p = byUser.start(u), end = byUser.end(u); p < end; p++) {
                    int item = log.item(byUser.row(p));
                    if (lastUser[item] != u) {
                        lastUser[item] = u;
                        counts[item]++;
                        distinct[size++] = item;
                    }
                }
                distinctOffsets[u + 1] = size;
            }

            // Catalog order: count descending, then id ascending.
            int[] ranked = new int[logItems];
            int catalogSize = 0;
            for (int item = 0; item < logItems; item++) {
                if (counts[item] > 0) {
                    ranked[catalogSize++] = item;
                }
            }
            ranked = Arrays.copyOf(ranked, catalogSize);
            IndexSort.stableSort(ranked, (a, b) -> {
                int byCount = Long.compare(counts[b], counts[a]);
                return byCount != 0 ? byCount : items.idOf(a).compareTo(items.idOf(b));
            });
            int[] catalogIndex = new int[logItems];
            String[] itemIds = new String[catalogSize];
            long[] catalogCounts = new long[catalogSize];
            for (int c = 0; c < catalogSize; c++) {
                catalogIndex[ranked[c]] = c;
                itemIds[c] = items.idOf(ranked[c]);
                catalogCounts[c] = counts[ranked[c]];
            }

            // Users with an interaction, in log order, with their items in catalog indices, sorted.
            int userCount = 0;
            for (int u = 0; u < logUsers; u++) {
                if (distinctOffsets[u + 1] > distinctOffsets[u]) {
                    userCount++;
                }
            }
            String[] userIds = new String[userCount];
            int[] userOffsets = new int[userCount + 1];
            int[] userItems = new int[size];
            int v = 0;
            for (int u = 0; u < logUsers; u++) {
                int from = distinctOffsets[u];
                int to = distinctOffsets[u + 1];
                if (from == to) {
                    continue;
                }
                for (int p = from; p < to; p++) {
                    userItems[p] = catalogIndex[distinct[p]];
                }
                Arrays.sort(userItems, from, to);
                userIds[v] = log.users().idOf(u);
                userOffsets[++v] = to;
            }
            return new Catalog(itemIds, catalogCounts, userIds, userOffsets, userItems);
        }
    }

    /**
     * The kept weights of B, row-wise: row i lists (j, B[i][j]) by ascending j.
     *
     * <p>Which weights: the {@code budget} largest |B[i][j]| (as float) of the whole matrix, off
     * the diagonal; among equal magnitudes at the threshold, the first in row-major order. The
     * threshold is found exactly by a two-level radix select on the float bits (non-negative
     * floats order like their bits), in four passes over P that need no copy of B.
     */
    private static final class Neighbors {

        private static final int HIGH_SHIFT = 15;
        private static final int LOW_MASK = (1 << HIGH_SHIFT) - 1;
        private static final int ROWS_PER_TASK = 32;

        final int[] offsets;
        final int[] items;
        final float[] weights;

        private Neighbors(int[] offsets, int[] items, float[] weights) {
            this.offsets = offsets;
            this.items = items;
            this.weights = weights;
        }

        /** B[i][j] = -P[i][j] / P[j][j] for i != j, as stored. */
        private static float weight(double[] rowOfP, int j, double[] inverseDiagonal) {
            return (float) (-rowOfP[j] * inverseDiagonal[j]);
        }

        /** The float bits of |B[i][j]|: ordered like the magnitudes. */
        private static int magnitudeBits(double[] rowOfP, int j, double[] inverseDiagonal) {
            return Float.floatToRawIntBits(Math.abs(weight(rowOfP, j, inverseDiagonal)));
        }

        /**
         * Keeps the {@code perItem · n} largest weights of B, where {@code p} holds the whole
         * symmetric P = (G + λI)⁻¹ of order n.
         */
        static Neighbors ofInverse(double[][] p, int perItem, ForkJoinPool pool) {
            int n = p.length;
            long offDiagonal = (long) n * (n - 1);
            long budget = Math.min((long) perItem * n, offDiagonal);
            double[] inverseDiagonal = new double[n];
            for (int j = 0; j < n; j++) {
                inverseDiagonal[j] = 1.0 / p[j][j];
            }
            int tasks = (n + ROWS_PER_TASK - 1) / ROWS_PER_TASK;

            // The threshold: the largest bits t with at least `budget` magnitudes >= t.
            int threshold;
            if (budget == offDiagonal || budget == 0) {
                threshold = budget == 0 ? Integer.MAX_VALUE : 0;
            } else {
                long[] high = histogram(p, inverseDiagonal, tasks, pool, 1 << (31 - HIGH_SHIFT), -1);
                int highBucket = bucketHolding(high, budget);
                long above = countAbove(high, highBucket);
                long[] low = histogram(p, inverseDiagonal, tasks, pool, LOW_MASK + 1, highBucket);
                int lowBucket = bucketHolding(low, budget - above);
                threshold = highBucket << HIGH_SHIFT | lowBucket;
            }

            // Per row: how many are above the threshold and how many equal it; the ties the budget
            // leaves room for go to the first rows.
            int[] greater = new int[n];
            int[] equal = new int[n];
            int bits = threshold;
            Parallel.forEach(pool, tasks, t -> {
                for (int i = t * ROWS_PER_TASK, end = Math.min(i + ROWS_PER_TASK, n); i < end; i++) {
                    double[] row = p[i];
                    int above = 0;
                    int same = 0;
                    for (int j = 0; j < n; j++) {
                        if (j != i) {
                            int b = magnitudeBits(row, j, inverseDiagonal);
                            if (b > bits) {
                                above++;
                            } else if (b == bits) {
                                same++;
                            }
                        }
                    }
                    greater[i] = above;
                    equal[i] = same;
                }
            });
            long kept = 0;
            for (int i = 0; i < n; i++) {
                kept += greater[i];
            }
            long tiesLeft = budget - kept;
            int[] ties = new int[n];
            int[] offsets = new int[n + 1];
            for (int i = 0; i < n; i++) {
                ties[i] = (int) Math.min(equal[i], tiesLeft);
                tiesLeft -= ties[i];
                offsets[i + 1] = Math.addExact(offsets[i], greater[i] + ties[i]);
            }

            int[] items = new int[offsets[n]];
            float[] weights = new float[offsets[n]];
            Parallel.forEach(pool, tasks, t -> {
                for (int i = t * ROWS_PER_TASK, end = Math.min(i + ROWS_PER_TASK, n); i < end; i++) {
                    double[] row = p[i];
                    int slot = offsets[i];
                    int tiesToTake = ties[i];
                    for (int j = 0; j < n; j++) {
                        if (j == i) {
                            continue;
                        }
                        int b = magnitudeBits(row, j, inverseDiagonal);
                        if (b > bits || b == bits && tiesToTake-- > 0) {
                            items[slot] = j;
                            weights[slot] = weight(row, j, inverseDiagonal);
                            slot++;
                        }
                    }
                }
            });
            return new Neighbors(offsets, items, weights);
        }

        /**
         * Counts of the off-diagonal magnitudes by their high bits ({@code highBucket < 0}) or, among
         * those in {@code highBucket}, by their low bits.
         */
        private static long[] histogram(double[][] p, double[] inverseDiagonal, int tasks, ForkJoinPool pool,
                int buckets, int highBucket) {
            int n = p.length;
            long[][] partial = new long[tasks][];
            Parallel.forEach(pool, tasks, t -> {
                long[] counts = new long[buckets];
                for (int i = t * ROWS_PER_TASK, end = Math.min(i + ROWS_PER_TASK, n); i < end; i++) {
                    double[] row = p[i];
                    for (int j = 0; j < n; j++) {
                        if (j == i) {
                            continue;
                        }
                        int b = magnitudeBits(row, j, inverseDiagonal);
                        if (highBucket < 0) {
                            counts[b >>> HIGH_SHIFT]++;
                        } else if (b >>> HIGH_SHIFT == highBucket) {
                            counts[b & LOW_MASK]++;
                        }
                    }
                }
                partial[t] = counts;
            });
            long[] total = new long[buckets];
            for (long[] counts : partial) {
                for (int b = 0; b < buckets; b++) {
                    total[b] += counts[b];
                }
            }
            return total;
        }

        /** The highest bucket b with at least {@code rank} counts in buckets >= b. */
        private static int bucketHolding(long[] counts, long rank) {
            long seen = 0;
            for (int b = counts.length - 1; b > 0; b--) {
                seen += counts[b];
                if (seen >= rank) {
                    return b;
                }
            }
            return 0;
        }

        private static long countAbove(long[] counts, int bucket) {
            long above = 0;
            for (int b = bucket + 1; b < counts.length; b++) {
                above += counts[b];
            }
            return above;
        }
    }

    @Override
    public String toString() {
        return NAME + "(EASE, " + threads + " threads)";
    }
}
