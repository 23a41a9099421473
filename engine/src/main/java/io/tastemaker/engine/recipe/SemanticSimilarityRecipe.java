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
 * {@code aws-semantic-similarity} (RELATED_ITEMS): items related by the text of the Items dataset
 * alone. No interactions are needed; where there are some, they only provide the popular items
 * that answer unknown items and fill short lists.
 *
 * <p>Personalize embeds each item's text with a language model. This recipe uses lexical
 * similarity instead: each item's textual fields are analysed together by Lucene's
 * {@link org.apache.lucene.analysis.en.EnglishAnalyzer} (standard tokenizer, possessive removal,
 * lowercasing, English stop words, Porter stemming); each term gets a BM25 weight (Lucene's
 * {@code BM25Similarity} formula and defaults, {@code k1 = 1.2}, {@code b = 0.75}, over the items
 * that have text); and {@code s(i, j)} is the cosine of the two items' weight vectors, in
 * {@code (0, 1]} for items that share a term (see {@link ItemFeatures}). So it finds items that
 * use the same (stemmed) words, not paraphrases. Categorical and numerical fields are not used.
 *
 * <p>The catalog is every item of the Items dataset and every item with an interaction; an item
 * without text has no related items of its own (it gets popular items). Each item keeps its
 * {@value #NEIGHBORS_PER_ITEM} best items with {@code s > 0}, ties by catalog order. Serving is
 * {@link NeighborListModel}'s.
 *
 * <p>Hyperparameters (Personalize exposes none; any other name is rejected):
 *
 * <ul>
 *   <li>{@value #NEIGHBORS_PER_ITEM}: related items stored per item, an integer from 1 to
 *       {@value SimsRecipe#MAX_NEIGHBORS_PER_ITEM}; default {@value #DEFAULT_NEIGHBORS_PER_ITEM}, as
 *       {@link SimsRecipe}.</li>
 * </ul>
 *
 * <p>Not reproduced: the campaign's popularity and freshness influence
 * ({@code campaignConfig.rankingInfluence}) and incremental training.
 *
 * <p>Scoring runs on a pool of threads named {@code tastemaker-semantic-similarity-<n>}, created
 * for each run and shut down after it; the model is the same whatever the number of threads.
 */
public final class SemanticSimilarityRecipe implements Recipe {

    /** The recipe name. */
    public static final String NAME = "aws-semantic-similarity";

    /** Hyperparameter: related items stored per item. */
    public static final String NEIGHBORS_PER_ITEM = "neighbors_per_item";

    /** Every hyperparameter name this recipe accepts, for validation at CreateSolution. */
    public static final Set<String> HYPERPARAMETER_NAMES = Set.of(NEIGHBORS_PER_ITEM);

    /** Default of {@value #NEIGHBORS_PER_ITEM}. */
    public static final int DEFAULT_NEIGHBORS_PER_ITEM = SimsRecipe.DEFAULT_NEIGHBORS_PER_ITEM;

    /** Prefix of the names of the training threads. */
    public static final String THREAD_NAME_PREFIX = "tastemaker-semantic-similarity-";

    private final int threads;

    /** Trains on as many threads as there are available processors. */
    public SemanticSimilarityRecipe() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Trains on {@code threads} threads.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public SemanticSimilarityRecipe(int threads) {
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
     * @param neighborsPerItem see {@link SemanticSimilarityRecipe#NEIGHBORS_PER_ITEM}
     */
    public record HyperParameters(int neighborsPerItem) {

        /**
         * Checks the range.
         *
         * @throws IllegalArgumentException naming the parameter if it is out of its range
         */
        public HyperParameters {
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
            return new HyperParameters(reader.integer(NEIGHBORS_PER_ITEM, DEFAULT_NEIGHBORS_PER_ITEM,
                    HyperParameterReader.integerRange(1, SimsRecipe.MAX_NEIGHBORS_PER_ITEM)));
        }

        /** Every hyperparameter as Personalize-style strings, which {@link #parse} reads back to these values. */
        public Map<String, String> toMap() {
            Map<String, String> map = new LinkedHashMap<>();
            map.put(NEIGHBORS_PER_ITEM, Integer.toString(neighborsPerItem));
            return map;
        }
    }

    /**
     * @throws IllegalArgumentException if the configuration names an unknown hyperparameter or gives
     *     one a value out of its range, or the Items dataset has no textual field or no item with
     *     text
     */
    @Override
    public NeighborListModel train(TrainingData data, TrainingConfig config, TrainingMonitor monitor) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(monitor, "monitor");
        HyperParameters parameters = HyperParameters.parse(config.hyperParameters());
        ItemAttributes attributes = data.items();
        if (attributes.textualFields().isEmpty()) {
            throw new IllegalArgumentException("Recipe " + NAME + " relates items by their text, but the Items dataset "
                    + (attributes.size() == 0 ? "is empty or missing" : "has no textual field") + ". Add a string "
                    + "field marked \"textual\": true (for example a DESCRIPTION) to the Items schema, import the "
                    + "items with their text, and train again; or choose aws-similar-items or aws-sims.");
        }
        InteractionLog selected = config.select(data.interactions());
        ForkJoinPool pool = threads == 1 ? null : Parallel.newPool(THREAD_NAME_PREFIX, threads);
        try {
            monitor.progress("Analysing item text", 0);
            ItemCatalog catalog = ItemCatalog.of(selected, attributes);
            ItemFeatures features = ItemFeatures.of(attributes, catalog, false, true);
            if (features.itemsWithFeatures == 0) {
                throw new IllegalArgumentException("Recipe " + NAME + " relates items by their text, but none of the "
                        + attributes.size() + " items has any words in its textual fields "
                        + attributes.textualFields() + " (after removing stop words). Import the items with their "
                        + "text and train again.");
            }
            NeighborSearch.Scorer scorer = (item, scratch) -> {
                double[] dots = scratch.second;
                int listed = features.dot(item, dots, scratch.listed, 0, scratch.stamp, item + 1);
                for (int c = 0; c < listed; c++) {
                    int j = scratch.listed[c];
                    scratch.scores[j] = dots[j];
                    dots[j] = 0;
                }
                return listed;
            };
            NeighborListModel.Lists lists = NeighborSearch.run(catalog.size(), parameters.neighborsPerItem(), scorer,
                    pool, monitor.part(0.2, 1), "Comparing item text");
            return new NeighborListModel(NAME, parameters.toMap(), catalog.ids, catalog.counts, lists,
                    parameters.neighborsPerItem());
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    @Override
    public String toString() {
        return NAME + "(BM25 text cosine, " + threads + " threads)";
    }
}
