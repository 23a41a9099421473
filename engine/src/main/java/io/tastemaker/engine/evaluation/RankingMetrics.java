package io.tastemaker.engine.evaluation;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Top-k accuracy metrics of the project's benchmark protocol (shared/data/README.md), accumulated
 * user by user and averaged over the users added:
 *
 * <ul>
 *   <li>nDCG@k: binary gains, discount {@code 1 / log2(position + 1)} (position 1 = top), divided
 *       by the ideal DCG of {@code min(|relevant|, k)} hits;</li>
 *   <li>Precision@k: hits in the top k, divided by k (also when fewer than k were recommended);</li>
 *   <li>Recall@k: hits in the top k, divided by {@code |relevant|};</li>
 *   <li>MAP@k: per user, the sum of Precision@i over the positions {@code i <= k} that hit, divided
 *       by {@code min(|relevant|, k)}.</li>
 * </ul>
 *
 * <p>Items are non-negative {@code int} indices. A ranked list must not repeat an item within its
 * top k; only its first k entries are read. The relevant set must not be empty; duplicates in it
 * are ignored. Not thread-safe.
 */
public final class RankingMetrics {

    private static final double LN_2 = Math.log(2);
    private static final double[] DISCOUNTS = new double[1024];

    static {
        for (int i = 0; i < DISCOUNTS.length; i++) {
            DISCOUNTS[i] = LN_2 / Math.log(i + 2);
        }
    }

    private final int k;
    private final boolean[] hits;
    private int users;
    private double ndcgSum;
    private double precisionSum;
    private double recallSum;
    private double averagePrecisionSum;

    /**
     * An empty accumulator for cut-off {@code k}.
     *
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public RankingMetrics(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        this.k = k;
        this.hits = new boolean[k];
    }

    /**
     * Adds one user.
     *
     * @param ranked recommended items, best first
     * @param relevant the user's relevant items, in any order, not empty
     * @throws IllegalArgumentException if {@code relevant} is empty, an item is negative, or the top
     *     k of {@code ranked} repeat an item
     */
    public void add(int[] ranked, int[] relevant) {
        int[] truth = sortedDistinct(relevant);
        int depth = Math.min(k, ranked.length);
        requireDistinct(ranked, depth);
        int hitCount = markHits(ranked, depth, truth, hits);
        double averagePrecision = 0;
        int seen = 0;
        for (int i = 0; i < depth; i++) {
            if (hits[i]) {
                seen++;
                averagePrecision += (double) seen / (i + 1);
            }
        }
        users++;
        ndcgSum += ndcg(hits, depth, k, truth.length);
        precisionSum += (double) hitCount / k;
        recallSum += (double) hitCount / truth.length;
        averagePrecisionSum += averagePrecision / Math.min(truth.length, k);
    }

    /** The cut-off. */
    public int k() {
        return k;
    }

    /** The number of users added. */
    public int users() {
        return users;
    }

    /** Mean nDCG@k. */
    public double ndcg() {
        return mean(ndcgSum);
    }

    /** Mean Precision@k. */
    public double precision() {
        return mean(precisionSum);
    }

    /** Mean Recall@k. */
    public double recall() {
        return mean(recallSum);
    }

    /** MAP@k. */
    public double meanAveragePrecision() {
        return mean(averagePrecisionSum);
    }

    /**
     * The four means keyed {@code ndcg@k}, {@code precision@k}, {@code recall@k}, {@code map@k}
     * (with k's value), in that order.
     */
    public Map<String, Double> toMap() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("ndcg@" + k, ndcg());
        metrics.put("precision@" + k, precision());
        metrics.put("recall@" + k, recall());
        metrics.put("map@" + k, meanAveragePrecision());
        return Collections.unmodifiableMap(metrics);
    }

    private double mean(double sum) {
        if (users == 0) {
            throw new IllegalStateException("No users were added");
        }
        return sum / users;
    }

    /** A sorted copy of {@code items} without duplicates. */
    static int[] sortedDistinct(int[] items) {
        if (items.length == 0) {
            throw new IllegalArgumentException("The set of relevant items must not be empty");
        }
        int[] sorted = items.clone();
        Arrays.sort(sorted);
        if (sorted[0] < 0) {
            throw new IllegalArgumentException("Item indices must be >= 0, got " + sorted[0]);
        }
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
    }

    /** Rejects negative items and repeats among {@code ranked[0, depth)}. */
    static void requireDistinct(int[] ranked, int depth) {
        int[] top = Arrays.copyOf(ranked, depth);
        Arrays.sort(top);
        for (int i = 0; i < depth; i++) {
            if (top[i] < 0) {
                throw new IllegalArgumentException("Item indices must be >= 0, got " + top[i]);
            }
            if (i > 0 && top[i] == top[i - 1]) {
                throw new IllegalArgumentException("Item " + top[i] + " is recommended twice in the top " + depth);
            }
        }
    }

    /** Sets {@code hits[i]} for {@code i < depth} and returns the number of hits. */
    static int markHits(int[] ranked, int depth, int[] sortedRelevant, boolean[] hits) {
        int count = 0;
        for (int i = 0; i < depth; i++) {
            hits[i] = Arrays.binarySearch(sortedRelevant, ranked[i]) >= 0;
            if (hits[i]) {
                count++;
            }
        }
        return count;
    }

    /** nDCG at cut-off {@code k} of the first {@code min(depth, k)} hit flags. */
    static double ndcg(boolean[] hits, int depth, int k, int relevantCount) {
        double dcg = 0;
        for (int i = 0, n = Math.min(depth, k); i < n; i++) {
            if (hits[i]) {
                dcg += discount(i);
            }
        }
        double ideal = 0;
        for (int i = 0, n = Math.min(relevantCount, k); i < n; i++) {
            ideal += discount(i);
        }
        return dcg / ideal;
    }

    /** {@code 1 / log2(i + 2)}: the discount of 0-based position {@code i}. */
    static double discount(int i) {
        return i < DISCOUNTS.length ? DISCOUNTS[i] : LN_2 / Math.log(i + 2);
    }
}
