package io.tastemaker.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.evaluation.Metrics;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HpoConfigTest {

    @Test
    void absentMembersTakeTheirDefaults() {
        HpoConfig config = new HpoConfig(null, null, null);

        assertThat(config.hpoObjective()).isEqualTo(new HpoObjective(HpoObjective.Type.MAXIMIZE,
                "normalized_discounted_cumulative_gain_at_10", null));
        assertThat(config.hpoResourceConfig()).isEqualTo(new HpoResourceConfig(10, 1));
        assertThat(config.algorithmHyperParameterRanges().isEmpty()).isTrue();
        assertThat(HpoObjective.of(null, null, null)).isEqualTo(HpoObjective.DEFAULT);
        assertThat(HpoResourceConfig.of(null, null)).isEqualTo(HpoResourceConfig.DEFAULT);
    }

    @Test
    void theObjectiveNamesAMetricTheEvaluationComputes() {
        assertThat(HpoObjective.of("Minimize", "precision_at_25", "precision_at_25=(\\S+)"))
                .isEqualTo(new HpoObjective(HpoObjective.Type.MINIMIZE, Metrics.PRECISION_AT_25, "precision_at_25=(\\S+)"));

        assertThatThrownBy(() -> HpoObjective.of("maximize", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpoObjective.type must be 'Maximize' or 'Minimize', was 'maximize'");
        assertThatThrownBy(() -> HpoObjective.of("Maximize", "recall_at_10", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpoObjective.metricName must be one of coverage, mean_reciprocal_rank_at_25, "
                        + "normalized_discounted_cumulative_gain_at_5, normalized_discounted_cumulative_gain_at_10, "
                        + "normalized_discounted_cumulative_gain_at_25, precision_at_5, precision_at_10, "
                        + "precision_at_25, was 'recall_at_10'");
        assertThatThrownBy(() -> HpoObjective.of(null, null, "ndcg=(["))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("hpoObjective.metricRegex is not a valid regular expression");
        assertThatThrownBy(() -> HpoObjective.of(null, null, "x".repeat(257)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpoObjective.metricRegex must be at most 256 characters, was 257");
        assertThat(HpoObjective.DEFAULT.isBetter(0.3, 0.2)).isTrue();
        assertThat(HpoObjective.of("Minimize", null, null).isBetter(0.3, 0.2)).isFalse();
    }

    @Test
    void resourcesAreWithinPersonalizesLimits() {
        assertThat(HpoResourceConfig.of("40", " 10 ")).isEqualTo(new HpoResourceConfig(40, 10));

        assertThatThrownBy(() -> new HpoResourceConfig(41, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpoResourceConfig.maxNumberOfTrainingJobs must be an integer from 1 to 40, was 41");
        assertThatThrownBy(() -> new HpoResourceConfig(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpoResourceConfig.maxNumberOfTrainingJobs must be an integer from 1 to 40, was 0");
        assertThatThrownBy(() -> HpoResourceConfig.of("8", "11"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpoResourceConfig.maxParallelTrainingJobs must be an integer from 1 to 10, was 11");
        assertThatThrownBy(() -> HpoResourceConfig.of("eight", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hpoResourceConfig.maxNumberOfTrainingJobs must be an integer from 1 to 40, was 'eight'");
    }

    @Test
    void rangesNameTheirMemberWhenInvalid() {
        assertThatThrownBy(() -> new IntegerHyperParameterRange("max_items", 10, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IntegerHyperParameterRange 'max_items': minValue 10 must not exceed maxValue 5");
        assertThatThrownBy(() -> new IntegerHyperParameterRange("n", -1_000_001, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IntegerHyperParameterRange 'n': minValue must be at least -1000000, was -1000001");
        assertThatThrownBy(() -> new IntegerHyperParameterRange("n", 1, 1_000_001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("IntegerHyperParameterRange 'n': maxValue must be at most 1000000, was 1000001");
        assertThatThrownBy(() -> new ContinuousHyperParameterRange("lambda", 2000, 50))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ContinuousHyperParameterRange 'lambda': minValue 2000.0 must not exceed maxValue 50.0");
        assertThatThrownBy(() -> new ContinuousHyperParameterRange("lambda", 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ContinuousHyperParameterRange 'lambda': maxValue must be a finite number, was Infinity");
        assertThatThrownBy(() -> new ContinuousHyperParameterRange("lambda", Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ContinuousHyperParameterRange 'lambda': minValue must be a finite number");
        assertThatThrownBy(() -> new ContinuousHyperParameterRange(" ", 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ContinuousHyperParameterRange.name must not be blank, was ' '");
        assertThatThrownBy(() -> new CategoricalHyperParameterRange("mode", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CategoricalHyperParameterRange 'mode': values must list at least one value");
        assertThatThrownBy(() -> new CategoricalHyperParameterRange("mode", List.of("a", "b", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CategoricalHyperParameterRange 'mode': values[2] repeats 'a'");
        assertThatThrownBy(() -> new CategoricalHyperParameterRange("mode", Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CategoricalHyperParameterRange 'mode': values[1] is null");
        assertThatThrownBy(() -> new CategoricalHyperParameterRange("mode",
                IntStream.range(0, 101).mapToObj(i -> "v" + i).toList()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CategoricalHyperParameterRange 'mode': values must list at most 100 values, listed 101");
    }

    @Test
    void aHyperparameterHasOneRange() {
        IntegerHyperParameterRange integer = new IntegerHyperParameterRange("lambda", 50, 2000);
        ContinuousHyperParameterRange continuous = new ContinuousHyperParameterRange("lambda", 50, 2000);

        assertThatThrownBy(() -> new HyperParameterRanges(List.of(integer), List.of(continuous), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hyperparameter 'lambda' has two ranges in algorithmHyperParameterRanges "
                        + "(integerHyperParameterRanges and continuousHyperParameterRanges); give each hyperparameter "
                        + "one range");
        assertThatThrownBy(() -> new HyperParameterRanges(null, List.of(continuous, continuous), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Hyperparameter 'lambda' has two ranges in algorithmHyperParameterRanges "
                        + "(continuousHyperParameterRanges)");
        assertThatThrownBy(() -> new HyperParameterRanges(Arrays.asList(integer, null), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("algorithmHyperParameterRanges.integerHyperParameterRanges[1] is null");

        HyperParameterRanges ranges = new HyperParameterRanges(List.of(new IntegerHyperParameterRange("b", 1, 2)),
                List.of(new ContinuousHyperParameterRange("a", 0, 1)),
                List.of(new CategoricalHyperParameterRange("c", List.of("x"))));
        assertThat(ranges.names()).containsExactly("b", "a", "c");
        assertThat(DefaultRanges.ease().names()).containsExactly("lambda");
        assertThat(DefaultRanges.forRecipe("aws-trending-now")).isEmpty();
    }
}
