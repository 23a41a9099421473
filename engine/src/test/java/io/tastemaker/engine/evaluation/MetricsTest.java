package io.tastemaker.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final Offset<Double> EXACT = within(1e-9);

    /*
     * Three users, catalog of 20 items. Discounts: 1/log2(2) = 1, 1/log2(3) = 0.6309298,
     * 1/log2(9) = 0.3154649.
     *
     * A: ranked [3, 1, 4, 0, 5, 9, 2, 6], truth {1, 6}: hits at positions 2 and 8.
     *    RR 1/2. IDCG (2 relevant) = 1 + 0.6309298 = 1.6309298.
     *    nDCG@5 = 0.6309298 / 1.6309298 = 0.3868528; nDCG@10 = nDCG@25 = (0.6309298 + 0.3154649) / 1.6309298
     *    = 0.5802792. P@5 = 1/5, P@10 = 2/10, P@25 = 2/25.
     * B: ranked [7, 8], truth {8}: hit at position 2. RR 1/2. IDCG = 1; nDCG@5,10,25 = 0.6309298.
     *    P@5 = 1/5, P@10 = 1/10, P@25 = 1/25.
     * C: ranked [2, 3], truth {5}: no hit, everything 0.
     * Coverage: A recommends 8 distinct items, B adds 7 and 8, C adds nothing: 10 / 20 = 0.5.
     */
    private static final int[][] RANKED = {{3, 1, 4, 0, 5, 9, 2, 6}, {7, 8}, {2, 3}};
    private static final int[][] TRUTH = {{6, 1}, {8}, {5}};

    @Test
    void computesPersonalizesMetricsOnAHandComputedCase() {
        Map<String, Double> metrics = Metrics.compute(RANKED, TRUTH, 20);

        assertThat(metrics.keySet()).containsExactlyElementsOf(Metrics.NAMES);
        assertThat(metrics.get("coverage")).isCloseTo(0.5, EXACT);
        // (1/2 + 1/2 + 0) / 3
        assertThat(metrics.get("mean_reciprocal_rank_at_25")).isCloseTo(1.0 / 3, EXACT);
        // (0.3868528 + 0.6309298 + 0) / 3 = 0.3392609
        assertThat(metrics.get("normalized_discounted_cumulative_gain_at_5")).isCloseTo(0.3392609, within(1e-7));
        // (0.5802792 + 0.6309298 + 0) / 3 = 0.4037363
        assertThat(metrics.get("normalized_discounted_cumulative_gain_at_10")).isCloseTo(0.4037363, within(1e-7));
        assertThat(metrics.get("normalized_discounted_cumulative_gain_at_25")).isCloseTo(0.4037363, within(1e-7));
        // (1/5 + 1/5 + 0) / 3 = 2/15; (2/10 + 1/10 + 0) / 3 = 1/10; (2/25 + 1/25 + 0) / 3 = 1/25
        assertThat(metrics.get("precision_at_5")).isCloseTo(2.0 / 15, EXACT);
        assertThat(metrics.get("precision_at_10")).isCloseTo(0.1, EXACT);
        assertThat(metrics.get("precision_at_25")).isCloseTo(0.04, EXACT);
    }

    @Test
    void theIdealDcgCountsAtMostKRelevantItems() {
        /*
         * ranked [0..5], truth {0..6}: the first six positions hit, seven items are relevant.
         * nDCG@5: five hits over an ideal of five = 1. nDCG@10: DCG over 6 positions = 3.3046663,
         * IDCG over min(7, 10) = 7 positions = 3.6379996, ratio 0.9083746.
         * P@5 = 5/5, P@10 = 6/10, P@25 = 6/25; RR = 1.
         */
        Map<String, Double> metrics = Metrics.compute(new int[][] {{0, 1, 2, 3, 4, 5}},
                new int[][] {{0, 1, 2, 3, 4, 5, 6}}, 10);

        assertThat(metrics.get(Metrics.NDCG_AT_5)).isCloseTo(1.0, EXACT);
        assertThat(metrics.get(Metrics.NDCG_AT_10)).isCloseTo(0.9083746, within(1e-7));
        assertThat(metrics.get(Metrics.PRECISION_AT_5)).isCloseTo(1.0, EXACT);
        assertThat(metrics.get(Metrics.PRECISION_AT_10)).isCloseTo(0.6, EXACT);
        assertThat(metrics.get(Metrics.PRECISION_AT_25)).isCloseTo(0.24, EXACT);
        assertThat(metrics.get(Metrics.MEAN_RECIPROCAL_RANK_AT_25)).isCloseTo(1.0, EXACT);
        assertThat(metrics.get(Metrics.COVERAGE)).isCloseTo(0.6, EXACT);
    }

    @Test
    void readsOnlyTheTop25() {
        int[] ranked = new int[30];
        for (int i = 0; i < ranked.length; i++) {
            ranked[i] = i;
        }

        // The only relevant item is 26th; coverage counts the 25 items read out of 40.
        Map<String, Double> metrics = Metrics.compute(new int[][] {ranked}, new int[][] {{25}}, 40);

        assertThat(metrics.get(Metrics.COVERAGE)).isCloseTo(25.0 / 40, EXACT);
        assertThat(metrics.get(Metrics.MEAN_RECIPROCAL_RANK_AT_25)).isZero();
        assertThat(metrics.get(Metrics.NDCG_AT_25)).isZero();
        assertThat(metrics.get(Metrics.PRECISION_AT_25)).isZero();
    }

    @Test
    void externalIdsGiveTheSameMetricsAsIndices() {
        List<List<String>> ranked = List.of(List.of("d", "b", "e", "a", "f", "j", "c", "g"), List.of("h", "i"),
                List.of("c", "d"));
        List<Set<String>> truth = List.of(Set.of("b", "g"), Set.of("i"), Set.of("f"));

        assertThat(Metrics.compute(ranked, truth, 20)).isEqualTo(Metrics.compute(RANKED, TRUTH, 20));
    }

    @Test
    void rejectsInputItCannotScore() {
        assertThatThrownBy(() -> Metrics.compute(new int[0][], new int[0][], 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No users");
        assertThatThrownBy(() -> Metrics.compute(new int[][] {{1}}, new int[][] {{}}, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Metrics.compute(new int[][] {{1, 2, 1}}, new int[][] {{1}}, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> Metrics.compute(new int[][] {{7}}, new int[][] {{1}}, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catalogSize");
        assertThatThrownBy(() -> Metrics.compute(new int[][] {{1}}, new int[][] {{1}, {2}}, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
