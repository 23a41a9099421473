package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.InteractionLog;
import io.tastemaker.engine.data.ItemAttributes;
import io.tastemaker.engine.linalg.Parallel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code aws-sims} (RELATED_ITEMS): item-to-item similarity from the co-occurrence of items in
 * users' histories, interactions only (Personalize's SIMS ignores item metadata).
 *
 * <p>Training, on the interactions {@link TrainingConfig#select} keeps:
 *
 * <ol>
 *   <li>The catalog is every item with an interaction; an item's popularity is its number of
 *       distinct users.</li>
 *   <li>The (user, item) pairs that count are capped as {@link CoOccurrence} describes:
 *       each user's newest {@code L} distinct items, {@code L} the
 *       {@value #MAX_USER_HISTORY_LENGTH_PERCENTILE} of history lengths; then each item's newest
 *       {@code C} users, {@code C} the {@value #MAX_ITEM_INTERACTION_COUNT_PERCENTILE} of the
 *       items' user counts. Event types and values only select, they do not weigh.</li>
 *   <li>For items {@code i} and {@code j}, {@code c(i, j)} is the number of users for whom both
 *       count and {@code n(i)} the number of users for whom {@code i} counts. A pair with
 *       {@code c(i, j) < max(1, min_cointeraction_count)} is not related. Otherwise {@code j}'s
 *       score as related to {@code i} is the asymmetric cosine
 *       <pre>  s(i, j) = c(i, j) / (n(i)^(1 − a) · n(j)^a),   a = popularity_discount_factor</pre>
 *       in {@code (0, 1]}: {@code a = 0} is {@code P(j | i)}, which favours popular {@code j};
 *       {@code a = 0.5} is the cosine; {@code a = 1} is {@code P(i | j)}, which favours rare
 *       {@code j}.</li>
 *   <li>Each item keeps its {@value #NEIGHBORS_PER_ITEM} best related items (ties by catalog
 *       order: the more popular first).</li>
 * </ol>
 *
 * <p>Serving ({@link NeighborListModel}): an item's stored related items, then the most popular
 * items as fill-ins (score 0) if more are asked for; an unknown item, or one whose pairs were all
 * below the minimum, gets popular items, as Personalize documents for SIMS.
 *
 * <p>Hyperparameters (Personalize's names and ranges where Personalize has them; any other name is
 * rejected). Defaults were chosen on the validation split of bench/accuracy (MovieLens
 * ml-latest-small, 10% of each item's training ratings, seed 1; never the test part) with the
 * related-items figure described there (items related to the user's most recent training item),
 * nDCG@10:
 *
 * <ul>
 *   <li>{@value #POPULARITY_DISCOUNT_FACTOR}: {@code a} above, a number from 0 to 1 (Personalize's
 *       range; 0 leans to popular items, 1 to co-interaction whatever the popularity); default
 *       {@value #DEFAULT_POPULARITY_DISCOUNT_FACTOR}. Personalize's default is 0.5 (our cosine),
 *       but on validation the discount only cost accuracy: best over {@code min_cointeraction_count}
 *       in {1, 3, 5, 10}, a = 0: 0.0846, 0.1: 0.0819, 0.25: 0.0748, 0.5: 0.0587 (0.0384 at the
 *       minimum of 3), against 0.0569 for the popular items alone. Lists at 0.5 have more niche
 *       items, which may read as "more related"; offline metrics do not reward that.</li>
 *   <li>{@value #MIN_COINTERACTION_COUNT}: the fewest users two items must share to be related, an
 *       integer from 0 to 10 (Personalize's range; 0 and 1 both keep every pair that co-occurs);
 *       default {@value #DEFAULT_MIN_COINTERACTION_COUNT}, as in Personalize. With a = 0 it hardly
 *       matters (1: 0.0843, 3: 0.0835, 5: 0.0840, 10: 0.0846); it matters with a discount
 *       (a = 0.5, 1: 0.0295, 10: 0.0587), since rare pairs then score high.</li>
 *   <li>{@value #MAX_USER_HISTORY_LENGTH_PERCENTILE}: the percentile of history lengths above which
 *       a user's older items stop counting, a number from 0 to 1 (1: no cap); default
 *       {@value #DEFAULT_MAX_USER_HISTORY_LENGTH_PERCENTILE}, as in Personalize (0.9: 0.0797, 0.99:
 *       0.0842, 0.995 and 1: 0.0846). Personalize's documentation describes leaving such users
 *       out; keeping their newest items instead bounds the work the same way (a history of
 *       length h makes h² pairs) without discarding the most active users' recent taste.</li>
 *   <li>{@value #MAX_ITEM_INTERACTION_COUNT_PERCENTILE}: the percentile of item user counts above
 *       which an item's older users stop counting, a number from 0 to 1 (1: no cap); default
 *       {@value #DEFAULT_MAX_ITEM_INTERACTION_COUNT_PERCENTILE}, no cap (0.9: 0.0815, 0.99: 0.0658,
 *       1: 0.0846). Personalize's default is 0.9; here it bounds the work for very popular items at
 *       a cost in accuracy, so it is for catalogs where training time matters.</li>
 *   <li>{@value #NEIGHBORS_PER_ITEM}: how many related items are stored per item (this recipe's
 *       own; Personalize does not say), an integer from 1 to {@value #MAX_NEIGHBORS_PER_ITEM}
 *       (Personalize's largest {@code numResults}); default {@value #DEFAULT_NEIGHBORS_PER_ITEM},
 *       four times Personalize's default {@code numResults} of 25 (25: 0.0852, 100 and 500: 0.0846;
 *       fewer stored items leave more room for popular fill-ins, which this figure rewards).</li>
 * </ul>
 *
 * <p>Not accepted: Personalize's {@code min_user_history_length_percentile} and
 * {@code min_item_interaction_count_percentile}, which drop the users and items with the least data.
 *
 * <p>Counting runs on a pool of threads named {@code tastemaker-sims-<n>}, created for each run and
 * shut down after it; the model is the same whatever the number of threads.
 */
public final class SimsRecipe implements Recipe {

    /** The recipe name. */
    public static final String NAME = "aws-sims";

    /** Hyperparameter: the exponent {@code a} of the popularity discount. */
    public static final String POPULARITY_DISCOUNT_FACTOR = "popularity_discount_factor";
    /** Hyperparameter: the fewest shared users for two items to be related. */
    public static final String MIN_COINTERACTION_COUNT = "min_cointeraction_count";
    /** Hyperparameter: the percentile of user history lengths that caps a history. */
    public static final String MAX_USER_HISTORY_LENGTH_PERCENTILE = "max_user_history_length_percentile";
    /** Hyperparameter: the percentile of item user counts that caps an item's users. */
    public static final String MAX_ITEM_INTERACTION_COUNT_PERCENTILE = "max_item_interaction_count_percentile";
    /** Hyperparameter: related items stored per item. */
    public static final String NEIGHBORS_PER_ITEM = "neighbors_per_item";

    /** Every hyperparameter name this recipe accepts, for validation at CreateSolution. */
    public static final Set<String> HYPERPARAMETER_NAMES = Set.of(POPULARITY_DISCOUNT_FACTOR, MIN_COINTERACTION_COUNT,
            MAX_USER_HISTORY_LENGTH_PERCENTILE, MAX_ITEM_INTERACTION_COUNT_PERCENTILE, NEIGHBORS_PER_ITEM);

    /** Default of {@value #POPULARITY_DISCOUNT_FACTOR}. */
    public static final double DEFAULT_POPULARITY_DISCOUNT_FACTOR = 0.0;
    /** Default of {@value #MIN_COINTERACTION_COUNT}. */
    public static final int DEFAULT_MIN_COINTERACTION_COUNT = 3;
    /** Largest accepted {@value #MIN_COINTERACTION_COUNT}. */
    public static final int MAX_MIN_COINTERACTION_COUNT = 10;
    /** Default of {@value #MAX_USER_HISTORY_LENGTH_PERCENTILE}. */
    public static final double DEFAULT_MAX_USER_HISTORY_LENGTH_PERCENTILE = 0.995;
    /** Default of {@value #MAX_ITEM_INTERACTION_COUNT_PERCENTILE}. */
    public static final double DEFAULT_MAX_ITEM_INTERACTION_COUNT_PERCENTILE = 1.0;
    /** Default of {@value #NEIGHBORS_PER_ITEM}. */
    public static final int DEFAULT_NEIGHBORS_PER_ITEM = 100;
    /** Largest accepted {@value #NEIGHBORS_PER_ITEM}: Personalize's largest {@code numResults}. */
    public static final int MAX_NEIGHBORS_PER_ITEM = 500;

    /** Prefix of the names of the training threads. */
    public static final String THREAD_NAME_PREFIX = "tastemaker-sims-";

    private final int threads;

    /** Trains on as many threads as there are available processors. */
    public SimsRecipe() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Trains on {@code threads} threads.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public SimsRecipe(int threads) {
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
     * @param popularityDiscountFactor see {@link SimsRecipe#POPULARITY_DISCOUNT_FACTOR}
     * @param minCointeractionCount see {@link SimsRecipe#MIN_COINTERACTION_COUNT}
     * @param maxUserHistoryLengthPercentile see {@link SimsRecipe#MAX_USER_HISTORY_LENGTH_PERCENTILE}
     * @param maxItemInteractionCountPercentile see {@link SimsRecipe#MAX_ITEM_INTERACTION_COUNT_PERCENTILE}
     * @param neighborsPerItem see {@link SimsRecipe#NEIGHBORS_PER_ITEM}
     */
    public record HyperParameters(double popularityDiscountFactor, int minCointeractionCount,
            double maxUserHistoryLengthPercentile, double maxItemInteractionCountPercentile, int neighborsPerItem) {

        /**
         * Checks the ranges.
         *
         * @throws IllegalArgumentException naming the first parameter out of its range
         */
        public HyperParameters {
            HyperParameterReader.requireDecimal(NAME, POPULARITY_DISCOUNT_FACTOR, popularityDiscountFactor, 0, 1);
            HyperParameterReader.requireInteger(NAME, MIN_COINTERACTION_COUNT, minCointeractionCount, 0,
                    MAX_MIN_COINTERACTION_COUNT);
            HyperParameterReader.requireDecimal(NAME, MAX_USER_HISTORY_LENGTH_PERCENTILE,
                    maxUserHistoryLengthPercentile, 0, 1);
            HyperParameterReader.requireDecimal(NAME, MAX_ITEM_INTERACTION_COUNT_PERCENTILE,
                    maxItemInteractionCountPercentile, 0, 1);
            HyperParameterReader.requireInteger(NAME, NEIGHBORS_PER_ITEM, neighborsPerItem, 1,
                    MAX_NEIGHBORS_PER_ITEM);
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
                    reader.integer(MIN_COINTERACTION_COUNT, DEFAULT_MIN_COINTERACTION_COUNT,
                            HyperParameterReader.integerRange(0, MAX_MIN_COINTERACTION_COUNT)),
                    reader.decimal(MAX_USER_HISTORY_LENGTH_PERCENTILE, DEFAULT_MAX_USER_HISTORY_LENGTH_PERCENTILE,
                            unit),
                    reader.decimal(MAX_ITEM_INTERACTION_COUNT_PERCENTILE,
                            DEFAULT_MAX_ITEM_INTERACTION_COUNT_PERCENTILE, unit),
                    reader.integer(NEIGHBORS_PER_ITEM, DEFAULT_NEIGHBORS_PER_ITEM,
                            HyperParameterReader.integerRange(1, MAX_NEIGHBORS_PER_ITEM)));
        }

        /** Every hyperparameter as Personalize-style strings, which {@link #parse} reads back to these values. */
        public Map<String, String> toMap() {
            Map<String, String> map = new LinkedHashMap<>();
            map.put(POPULARITY_DISCOUNT_FACTOR, Double.toString(popularityDiscountFactor));
            map.put(MIN_COINTERACTION_COUNT, Integer.toString(minCointeractionCount));
            map.put(MAX_USER_HISTORY_LENGTH_PERCENTILE, Double.toString(maxUserHistoryLengthPercentile));
            map.put(MAX_ITEM_INTERACTION_COUNT_PERCENTILE, Double.toString(maxItemInteractionCountPercentile));
            map.put(NEIGHBORS_PER_ITEM, Integer.toString(neighborsPerItem));
            return map;
        }
    }

    /**
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter or gives
     *     one a value out of its range
     */
    @Override
    public NeighborListModel train(InteractionLog log, TrainingConfig config) {
        return train(TrainingData.of(log), config, TrainingMonitor.NONE);
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
            ItemCatalog catalog = ItemCatalog.of(selected, ItemAttributes.empty());
            CoOccurrence pairs = CoOccurrence.of(selected, catalog, parameters.maxUserHistoryLengthPercentile(),
                    parameters.maxItemInteractionCountPercentile());
            NeighborSearch.Scorer scorer = scorer(pairs, catalog.size(), parameters.popularityDiscountFactor(),
                    Math.max(1, parameters.minCointeractionCount()));
            NeighborListModel.Lists lists = NeighborSearch.run(catalog.size(), parameters.neighborsPerItem(), scorer,
                    pool, monitor.part(0.1, 1), "Counting co-occurrences");
            return new NeighborListModel(NAME, parameters.toMap(), catalog.ids, catalog.counts, lists,
                    parameters.neighborsPerItem());
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /**
     * Scores {@code s(i, j) = c(i, j) / (n(i)^(1 − a) · n(j)^a)} for the items sharing at least
     * {@code minCount} users with {@code i}.
     */
    static NeighborSearch.Scorer scorer(CoOccurrence pairs, int items, double a, int minCount) {
        double[] discountAsRelated = new double[items];
        double[] discountAsQuery = new double[items];
        for (int i = 0; i < items; i++) {
            discountAsRelated[i] = Math.pow(pairs.users(i), a);
            discountAsQuery[i] = Math.pow(pairs.users(i), 1 - a);
        }
        return (item, scratch) -> {
            double[] counts = scratch.first;
            int listed = pairs.count(item, counts, scratch.listed, 0, scratch.stamp, item + 1);
            int kept = 0;
            for (int c = 0; c < listed; c++) {
                int j = scratch.listed[c];
                double count = counts[j];
                counts[j] = 0;
                if (count >= minCount) {
                    scratch.scores[j] = count / (discountAsQuery[item] * discountAsRelated[j]);
                    scratch.listed[kept++] = j;
                }
            }
            return kept;
        };
    }

    @Override
    public String toString() {
        return NAME + "(co-occurrence, " + threads + " threads)";
    }
}
