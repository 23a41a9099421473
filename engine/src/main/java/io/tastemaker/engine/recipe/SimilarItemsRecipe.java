package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.linalg.Parallel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code aws-similar-items} (RELATED_ITEMS): related items from the co-occurrence of items in
 * users' histories blended with the similarity of their metadata (the Items dataset's categorical
 * and textual fields), so that an item with few or no interactions still has related items.
 *
 * <p>Training, on the interactions {@link TrainingConfig#select} keeps and the Items dataset:
 *
 * <ol>
 *   <li>The catalog is every item with an interaction (most popular first) and every item of the
 *       Items dataset (then, by id).</li>
 *   <li>Co-occurrence: with {@code c(i, j)} the number of users who interacted with both items and
 *       {@code n(i)} with {@code i} (every distinct pair counts), {@code co(i, j) = c(i, j) /
 *       (n(i)^(1 − a) · n(j)^a)}, {@code a = popularity_discount_factor}, the asymmetric cosine of
 *       {@link SimsRecipe}, in {@code [0, 1]}.</li>
 *   <li>Metadata: {@code meta(i, j)}, the mean over the dataset's categorical fields and its
 *       textual fields (analysed together by Lucene's English analyzer) of the cosine of BM25
 *       weighted values or terms, in {@code [0, 1]}; see {@link ItemFeatures}. Numerical fields and
 *       the creation time are not used. It is weighted by a popularity prior
 *       {@code q(j) = ((1 + n(j)) / (1 + max n))^(1 − a)}, the same lean to popular items that
 *       {@code a} gives co-occurrence (no prior at {@code a = 1}); without it, metadata-only
 *       related items were far worse than popular items (validation, a = 0, metadata only:
 *       0.0082 without the prior, 0.0592 with it).</li>
 *   <li>{@code s(i, j) = (1 − w) · co(i, j) + w · meta(i, j) · q(j)}, {@code w = metadata_weight};
 *       each item keeps its {@value #NEIGHBORS_PER_ITEM} best items with {@code s > 0} (ties by
 *       catalog order).</li>
 * </ol>
 *
 * <p>So an item without interactions (only in the Items dataset) is related by metadata alone, to
 * items with or without interactions, and a popular item mostly by co-occurrence. Serving is
 * {@link NeighborListModel}'s: fill-ins and unknown items get popular items, as Personalize
 * documents for Similar-Items. Without an Items dataset (or with only numerical fields) the recipe
 * is co-occurrence alone.
 *
 * <p>Hyperparameters (any other name is rejected). Defaults were chosen on the validation split of
 * bench/accuracy (MovieLens ml-latest-small with genres and titles from movies.csv and tags from
 * tags.csv; 10% of each item's training ratings, seed 1; never the test part) with the related-items
 * figure described there, nDCG@10:
 *
 * <ul>
 *   <li>{@value #POPULARITY_DISCOUNT_FACTOR}: {@code a} above, a number from 0 to 1 (Personalize's
 *       name and range: "closer to zero to include more popular items"); default
 *       {@value #DEFAULT_POPULARITY_DISCOUNT_FACTOR}, as in Personalize (w = 0.1; a = 0: 0.0816,
 *       0.25: 0.0595; with a = 0.5 and more the co-occurrence part falls as in
 *       {@link SimsRecipe}).</li>
 *   <li>{@value #METADATA_WEIGHT}: {@code w} above, a number from 0 to 1 (0: co-occurrence only, so
 *       items without interactions get popular items; 1: metadata only); default
 *       {@value #DEFAULT_METADATA_WEIGHT} (a = 0; w = 0: 0.0851, 0.01: 0.0819, 0.1: 0.0816, 0.3:
 *       0.0802, 0.5: 0.0806, 1: 0.0592). Metadata costs a little on items with interactions and
 *       is what relates items without any: the smallest weight lets co-occurrence decide wherever
 *       it has evidence, and 0.1 keeps metadata ahead of the popular fill-ins for cold items at the
 *       same cost as 0.01. On MovieLens, for items stripped of their interactions ("cold last
 *       item" on validation), metadata neighbours scored 0.0382 against 0.0569 for popular items:
 *       genres, titles and tags predict ratings less well than popularity does. This recipe's
 *       own: Personalize's neural Similar-Items has embedding sizes instead
 *       ({@code item_id_hidden_dim}, {@code item_metadata_hidden_dim}), which mean nothing here
 *       and are rejected.</li>
 *   <li>{@value #NEIGHBORS_PER_ITEM}: related items stored per item, an integer from 1 to
 *       {@value SimsRecipe#MAX_NEIGHBORS_PER_ITEM}; default {@value #DEFAULT_NEIGHBORS_PER_ITEM}, as
 *       {@link SimsRecipe}.</li>
 * </ul>
 *
 * <p>Scoring runs on a pool of threads named {@code tastemaker-similar-items-<n>}, created for each
 * run and shut down after it; the model is the same whatever the number of threads.
 */
public final class SimilarItemsRecipe implements Recipe {

    /** The recipe name. */
    public static final String NAME = "aws-similar-items";

    /** Hyperparameter: the exponent {@code a} of the co-occurrence's popularity discount. */
    public static final String POPULARITY_DISCOUNT_FACTOR = "popularity_discount_factor";
    /** Hyperparameter: the weight of metadata similarity in the blend. */
    public static final String METADATA_WEIGHT = "metadata_weight";
    /** Hyperparameter: related items stored per item. */
    public static final String NEIGHBORS_PER_ITEM = "neighbors_per_item";

    /** Every hyperparameter name this recipe accepts, for validation at CreateSolution. */
    public static final Set<String> HYPERPARAMETER_NAMES = Set.of(POPULARITY_DISCOUNT_FACTOR, METADATA_WEIGHT,
            NEIGHBORS_PER_ITEM);

    /** Default of {@value #POPULARITY_DISCOUNT_FACTOR}. */
    public static final double DEFAULT_POPULARITY_DISCOUNT_FACTOR = 0.0;
    /** Default of {@value #METADATA_WEIGHT}. */
    public static final double DEFAULT_METADATA_WEIGHT = 0.1;
    /** Default of {@value #NEIGHBORS_PER_ITEM}. */
    public static final int DEFAULT_NEIGHBORS_PER_ITEM = SimsRecipe.DEFAULT_NEIGHBORS_PER_ITEM;

    /** Prefix of the names of the training threads. */
    public static final String THREAD_NAME_PREFIX = "tastemaker-similar-items-";

    private final int threads;

    /** Trains on as many threads as there are available processors. */
    public SimilarItemsRecipe() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Trains on {@code threads} threads.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public SimilarItemsRecipe(int threads) {
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
     * Validated hyperparameters; see the class comment.
     *
     * @param popularityDiscountFactor see {@link SimilarItemsRecipe#POPULARITY_DISCOUNT_FACTOR}
     * @param metadataWeight see {@link SimilarItemsRecipe#METADATA_WEIGHT}
     * @param neighborsPerItem see {@link SimilarItemsRecipe#NEIGHBORS_PER_ITEM}
     */
    public record HyperParameters(double popularityDiscountFactor, double metadataWeight, int neighborsPerItem) {

        /**
         * Checks the ranges.
         *
         * @throws IllegalArgumentException naming the first parameter out of its range
         */
        public HyperParameters {
            HyperParameterReader.requireDecimal(NAME, POPULARITY_DISCOUNT_FACTOR, popularityDiscountFactor, 0, 1);
            HyperParameterReader.requireDecimal(NAME, METADATA_WEIGHT, metadataWeight, 0, 1);
            HyperParameterReader.requireInteger(NAME, NEIGHBORS_PER_ITEM, neighborsPerItem, 1,
                    SimsRecipe.MAX_NEIGHBORS_PER_ITEM);
        }

        /** The defaults. */
        public static HyperParameters defaults() {
            return parse(Map.of());
        }

        /**
         * Parses Personalize-style string hyperparameters; absent ones take their defaults.
         *
         * @throws IllegalArgumentException naming an unknown hyperparameter, or a known one whose
         *     value is not a number in its range
         */
        public static HyperParameters parse(Map<String, String> values) {
            Objects.requireNonNull(values, "values");
            HyperParameterReader reader = new HyperParameterReader(NAME, values, HYPERPARAMETER_NAMES);
            String unit = HyperParameterReader.decimalRange(0, 1);
            return new HyperParameters(
                    reader.decimal(POPULARITY_DISCOUNT_FACTOR, DEFAULT_POPULARITY_DISCOUNT_FACTOR, unit),
                    reader.decimal(METADATA_WEIGHT, DEFAULT_METADATA_WEIGHT, unit),
                    reader.integer(NEIGHBORS_PER_ITEM, DEFAULT_NEIGHBORS_PER_ITEM,
                            HyperParameterReader.integerRange(1, SimsRecipe.MAX_NEIGHBORS_PER_ITEM)));
        }

        /** Every hyperparameter as Personalize-style strings, which {@link #parse} reads back to these values. */
        public Map<String, String> toMap() {
            Map<String, String> map = new LinkedHashMap<>();
            map.put(POPULARITY_DISCOUNT_FACTOR, Double.toString(popularityDiscountFactor));
            map.put(METADATA_WEIGHT, Double.toString(metadataWeight));
            map.put(NEIGHBORS_PER_ITEM, Integer.toString(neighborsPerItem));
            return map;
        }
    }

    /**
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter or gives
     *     one a value out of its range
     */
    @Override
    public NeighborListModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        HyperParameters parameters = HyperParameters.parse(config.hyperParameters());
        InteractionLog selected = config.select(data.interactions());
        ForkJoinPool pool = threads == 1 ? null : Parallel.newPool(THREAD_NAME_PREFIX, threads);
        try {
            monitor.progress("Collecting histories", 0);
            ItemCatalog catalog = ItemCatalog.of(selected, data.items());
            CoOccurrence pairs = CoOccurrence.of(selected, catalog, 1, 1);
            monitor.progress("Analysing item metadata", 0.05);
            ItemFeatures features = ItemFeatures.of(data.items(), catalog, true, true);
            NeighborSearch.Scorer scorer = scorer(pairs, features, catalog.size(),
                    parameters.popularityDiscountFactor(), parameters.metadataWeight());
            NeighborListModel.Lists lists = NeighborSearch.run(catalog.size(), parameters.neighborsPerItem(), scorer,
                    pool, monitor.part(0.15, 1), "Scoring co-occurrence and metadata");
            return new NeighborListModel(NAME, parameters.toMap(), catalog.ids, catalog.counts, lists,
                    parameters.neighborsPerItem());
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /** Scores {@code s(i, j) = (1 − w) · co(i, j) + w · meta(i, j)} for the items that share a user or a feature with i. */
    private static NeighborSearch.Scorer scorer(CoOccurrence pairs, ItemFeatures features, int items, double a,
            double w) {
        double[] discountAsRelated = new double[items];
        double[] discountAsQuery = new double[items];
        double[] prior = new double[items];
        int most = 0;
        for (int i = 0; i < items; i++) {
            discountAsRelated[i] = Math.pow(pairs.users(i), a);
            discountAsQuery[i] = Math.pow(pairs.users(i), 1 - a);
            most = Math.max(most, pairs.users(i));
        }
        for (int i = 0; i < items; i++) {
            prior[i] = Math.pow((1.0 + pairs.users(i)) / (1.0 + most), 1 - a);
        }
        boolean useCounts = w < 1;
        boolean useFeatures = w > 0;
        return (item, scratch) -> {
            double[] counts = scratch.first;
            double[] dots = scratch.second;
            int listed = 0;
            if (useCounts) {
                listed = pairs.count(item, counts, scratch.listed, listed, scratch.stamp, item + 1);
            }
            if (useFeatures) {
                listed = features.dot(item, dots, scratch.listed, listed, scratch.stamp, item + 1);
            }
            int kept = 0;
            for (int c = 0; c < listed; c++) {
                int j = scratch.listed[c];
                double co = counts[j] > 0 ? counts[j] / (discountAsQuery[item] * discountAsRelated[j]) : 0;
                double score = (1 - w) * co + w * dots[j] * prior[j];
                counts[j] = 0;
                dots[j] = 0;
                if (score > 0) {
                    scratch.scores[j] = score;
                    scratch.listed[kept++] = j;
                }
            }
            return kept;
        };
    }

    @Override
    public String toString() {
        return NAME + "(co-occurrence and metadata, " + threads + " threads)";
    }
}
