package io.tastemaker.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void computesTheBenchmarkMetricsOnAHandComputedCase() {
        RankingMetrics metrics = new RankingMetrics(3);

        /*
         * User 1: top 3 of [5, 2, 7, 1] is [5, 2, 7]; relevant {2, 1, 9}: one hit, at position 2.
         *   nDCG = (1/log2 3) / (1 + 1/log2 3 + 1/log2 4) = 0.6309298 / 2.1309298 = 0.2960819.
         *   P = 1/3, R = 1/3, AP = (1/2) / min(3, 3) = 1/6.
         * User 2: [4, 6], relevant {4}: hit at position 1. nDCG = 1, P = 1/3, R = 1, AP = 1/1 = 1.
         * Means: nDCG (0.2960819 + 1) / 2 = 0.6480410, P 1/3, R 2/3, MAP (1/6 + 1) / 2 = 7/12.
         */
        metrics.add(new int[] {5, 2, 7, 1}, new int[] {2, 1, 9});
        metrics.add(new int[] {4, 6}, new int[] {4, 4});

        assertThat(metrics.users()).isEqualTo(2);
        assertThat(metrics.ndcg()).isCloseTo(0.6480410, within(1e-7));
        assertThat(metrics.precision()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(metrics.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(metrics.meanAveragePrecision()).isCloseTo(7.0 / 12, within(1e-12));
        assertThat(metrics.toMap()).containsOnlyKeys("ndcg@3", "precision@3", "recall@3", "map@3");
    }

    @Test
    void averagePrecisionIsNormalisedByAtMostK() {
        RankingMetrics metrics = new RankingMetrics(2);

        // Top 2 [1, 2] both relevant out of {1, 2, 3, 4}: AP = (1/1 + 2/2) / min(4, 2) = 1; recall 2/4.
        metrics.add(new int[] {1, 2, 3}, new int[] {1, 2, 3, 4});

        assertThat(metrics.meanAveragePrecision()).isCloseTo(1.0, within(1e-12));
        assertThat(metrics.ndcg()).isCloseTo(1.0, within(1e-12));
        assertThat(metrics.recall()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void usesTheProtocolsKeys() {
        RankingMetrics metrics = new RankingMetrics(10);
        metrics.add(new int[] {0}, new int[] {1});

        Map<String, Double> map = metrics.toMap();

        assertThat(map.keySet()).containsExactly("ndcg@10", "precision@10", "recall@10", "map@10");
        assertThat(map.values()).containsOnly(0.0);
    }

    @Test
    void rejectsWhatItCannotScore() {
        RankingMetrics metrics = new RankingMetrics(10);

        assertThatThrownBy(metrics::ndcg).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> metrics.add(new int[] {1}, new int[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.add(new int[] {1, 1}, new int[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RankingMetrics(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(metrics.users()).isZero();
    }
}
