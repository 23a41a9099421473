package io.tastemaker.engine.evaluation;

import io.tastemaker.engine.data.IdDictionary;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics {@code GetSolutionMetrics} returns for a user-personalization solution version,
 * under Personalize's names, computed from each evaluated user's ranked recommendations and truth
 * set and averaged over those users:
 *
 * <ul>
 *   <li>{@value #COVERAGE}: distinct items across all users' top-25 lists, divided by the catalog
 *       size;</li>
 *   <li>{@value #MEAN_RECIPROCAL_RANK_AT_25}: 1 / (position of the first relevant item in the top
 *       25), 0 if there is none;</li>
 *   <li>{@code normalized_discounted_cumulative_gain_at_K}, K = 5, 10, 25: binary relevance,
 *       discount {@code 1 / log2(position + 1)}, ideal DCG over {@code min(|truth|, K)} hits;</li>
 *   <li>{@code precision_at_K}, K = 5, 10, 25: hits in the top K divided by K.</li>
 * </ul>
 *
 * <p>Only the first 25 entries of a list are read; they must not repeat an item. A truth set must
 * not be empty.
 */
public final class Metrics {

    /** The longest list Personalize scores. */
    public static final int CUTOFF = 25;

    /** Share of the catalog that appears in some user's top 25. */
    public static final String COVERAGE = "coverage";
    /** Mean reciprocal rank at 25. */
    public static final String MEAN_RECIPROCAL_RANK_AT_25 = "mean_reciprocal_rank_at_25";
    /** nDCG at 5. */
    public static final String NDCG_AT_5 = "normalized_discounted_cumulative_gain_at_5";
    /** nDCG at 10. */
    public static final String NDCG_AT_10 = "normalized_discounted_cumulative_gain_at_10";
    /** nDCG at 25. */
    public static final String NDCG_AT_25 = "normalized_discounted_cumulative_gain_at_25";
    /** Precision at 5. */
    public static final String PRECISION_AT_5 = "precision_at_5";
    /** Precision at 10. */
    public static final String PRECISION_AT_10 = "precision_at_10";
    /** Precision at 25. */
    public static final String PRECISION_AT_25 = "precision_at_25";

    /** Every key of {@link #compute(int[][], int[][], int)}'s result, in the result's order. */
    public static final List<String> NAMES = List.of(COVERAGE, MEAN_RECIPROCAL_RANK_AT_25,
            NDCG_AT_5, NDCG_AT_10, NDCG_AT_25, PRECISION_AT_5, PRECISION_AT_10, PRECISION_AT_25);

    private Metrics() {
    }

    /**
     * Computes the metrics for users {@code 0 .. rankedItems.length - 1}.
     *
     * @param rankedItems per user, recommended item indices, best first
     * @param truthItems per user, the relevant item indices, not empty
     * @param catalogSize the number of items that could be recommended; every item index must be
     *     below it
     * @return an unmodifiable map with exactly the keys of {@link #NAMES}, in that order
     * @throws IllegalArgumentException if there are no users, the arrays differ in length, a truth
     *     set is empty, an index is out of range or a list repeats an item
     */
    public static Map<String, Double> compute(int[][] rankedItems, int[][] truthItems, int catalogSize) {
        Objects.requireNonNull(rankedItems, "rankedItems");
        Objects.requireNonNull(truthItems, "truthItems");
        int users = rankedItems.length;
        if (users != truthItems.length) {
            throw new IllegalArgumentException(users + " ranked lists but " + truthItems.length + " truth sets");
        }
        if (users == 0) {
            throw new IllegalArgumentException("No users to evaluate");
        }
        if (catalogSize < 1) {
            throw new IllegalArgumentException("catalogSize must be >= 1, was " + catalogSize);
        }
        boolean[] recommended = new boolean[catalogSize];
        int distinctRecommended = 0;
        boolean[] hits = new boolean[CUTOFF];
        double reciprocalRank = 0;
        double ndcg5 = 0;
        double ndcg10 = 0;
        double ndcg25 = 0;
        int hits5 = 0;
        int hits10 = 0;
        int hits25 = 0;
        for (int u = 0; u < users; u++) {
            int[] ranked = rankedItems[u];
            int[] truth = RankingMetrics.sortedDistinct(truthItems[u]);
            if (truth[truth.length - 1] >= catalogSize) {
                throw new IllegalArgumentException("Truth item " + truth[truth.length - 1] + " of user " + u
                        + " is not below catalogSize " + catalogSize);
            }
            int depth = Math.min(CUTOFF, ranked.length);
            RankingMetrics.requireDistinct(ranked, depth);
            for (int i = 0; i < depth; i++) {
                int item = ranked[i];
                if (item >= catalogSize) {
                    throw new IllegalArgumentException("Recommended item " + item + " of user " + u
                            + " is not below catalogSize " + catalogSize);
                }
                if (!recommended[item]) {
                    recommended[item] = true;
                    distinctRecommended++;
                }
            }
            RankingMetrics.markHits(ranked, depth, truth, hits);
            for (int i = 0; i < depth; i++) {
                if (hits[i]) {
                    reciprocalRank += 1.0 / (i + 1);
                    break;
                }
            }
            ndcg5 += RankingMetrics.ndcg(hits, depth, 5, truth.length);
            ndcg10 += RankingMetrics.ndcg(hits, depth, 10, truth.length);
            ndcg25 += RankingMetrics.ndcg(hits, depth, 25, truth.length);
            for (int i = 0; i < depth; i++) {
                if (hits[i]) {
                    hits25++;
                    if (i < 10) {
                        hits10++;
                    }
                    if (i < 5) {
                        hits5++;
                    }
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(COVERAGE, (double) distinctRecommended / catalogSize);
        metrics.put(MEAN_RECIPROCAL_RANK_AT_25, reciprocalRank / users);
        metrics.put(NDCG_AT_5, ndcg5 / users);
        metrics.put(NDCG_AT_10, ndcg10 / users);
        metrics.put(NDCG_AT_25, ndcg25 / users);
        metrics.put(PRECISION_AT_5, hits5 / (5.0 * users));
        metrics.put(PRECISION_AT_10, hits10 / (10.0 * users));
        metrics.put(PRECISION_AT_25, hits25 / (25.0 * users));
        return Collections.unmodifiableMap(metrics);
    }

    /**
     * Computes the metrics from external item ids; see {@link #compute(int[][], int[][], int)}.
     *
     * @param catalogSize the number of items that could be recommended, at least the number of
     *     distinct ids in the ranked lists and truth sets
     */
    public static Map<String, Double> compute(List<? extends List<String>> rankedItems,
            List<? extends Collection<String>> truthItems, int catalogSize) {
        Objects.requireNonNull(rankedItems, "rankedItems");
        Objects.requireNonNull(truthItems, "truthItems");
        if (rankedItems.size() != truthItems.size()) {
            throw new IllegalArgumentException(rankedItems.size() + " ranked lists but " + truthItems.size()
                    + " truth sets");
        }
        IdDictionary.Builder ids = new IdDictionary.Builder();
        int[][] ranked = new int[rankedItems.size()][];
        int[][] truth = new int[truthItems.size()][];
        for (int u = 0; u < ranked.length; u++) {
            List<String> list = rankedItems.get(u);
            int[] indices = new int[Math.min(CUTOFF, list.size())];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = ids.intern(list.get(i));
            }
            ranked[u] = indices;
            int[] relevant = new int[truthItems.get(u).size()];
            int i = 0;
            for (String id : truthItems.get(u)) {
                relevant[i++] = ids.intern(id);
            }
            truth[u] = relevant;
        }
        if (ids.size() > catalogSize) {
            throw new IllegalArgumentException("The lists name " + ids.size()
                    + " distinct items, more than catalogSize " + catalogSize);
        }
        return compute(ranked, truth, catalogSize);
    }
}
