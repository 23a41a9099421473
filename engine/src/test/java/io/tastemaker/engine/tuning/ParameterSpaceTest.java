package io.tastemaker.engine.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParameterSpaceTest {

    private static final long SEED = 10L;

    private static ParameterSpace space(IntegerHyperParameterRange integer, ContinuousHyperParameterRange continuous,
            CategoricalHyperParameterRange categorical) {
        return new ParameterSpace(new HyperParameterRanges(integer == null ? null : List.of(integer),
                continuous == null ? null : List.of(continuous), categorical == null ? null : List.of(categorical)));
    }

    private static String decode(ParameterSpace space, String name, double u) {
        return space.decode(new double[] {u}).get(name);
    }

    @Test
    void wideRangesOfPositiveNumbersAreSampledOnALogScale() {
        ParameterSpace lambda = space(null, new ContinuousHyperParameterRange("lambda", 1, 10_000), null);
        assertThat(decode(lambda, "lambda", 0)).isEqualTo("1");
        assertThat(decode(lambda, "lambda", 0.5)).isEqualTo("100");
        assertThat(decode(lambda, "lambda", 0.25)).isEqualTo("10");
        assertThat(decode(lambda, "lambda", 1)).isEqualTo("10000");

        // Exactly a factor of 10, or a range touching 0: uniform.
        ParameterSpace narrow = space(null, new ContinuousHyperParameterRange("rate", 0.1, 1), null);
        assertThat(decode(narrow, "rate", 0.5)).isEqualTo("0.55");
        ParameterSpace fromZero = space(null, new ContinuousHyperParameterRange("rate", 0, 1000), null);
        assertThat(decode(fromZero, "rate", 0.5)).isEqualTo("500");

        // Integers 1..1000 on a log scale: about a third of the draws below 10, a third at least 100.
        ParameterSpace integers = space(new IntegerHyperParameterRange("n", 1, 1000), null, null);
        SplittableRandom random = new SplittableRandom(SEED);
        int below10 = 0;
        int from100 = 0;
        int draws = 30_000;
        for (int i = 0; i < draws; i++) {
            int value = Integer.parseInt(decode(integers, "n", random.nextDouble()));
            assertThat(value).isBetween(1, 1000);
            below10 += value < 10 ? 1 : 0;
            from100 += value >= 100 ? 1 : 0;
        }
        assertThat(below10 / (double) draws).as("seed %d", SEED).isBetween(0.31, 0.36);
        assertThat(from100 / (double) draws).as("seed %d", SEED).isBetween(0.31, 0.36);
    }

    @Test
    void uniformIntegersGiveEveryValueAnEqualShare() {
        ParameterSpace dice = space(new IntegerHyperParameterRange("d", 1, 6), null, null);

        assertThat(decode(dice, "d", 0)).isEqualTo("1");
        assertThat(decode(dice, "d", 1 / 6.0 - 1e-9)).isEqualTo("1");
        assertThat(decode(dice, "d", 1 / 6.0 + 1e-9)).isEqualTo("2");
        assertThat(decode(dice, "d", 1)).isEqualTo("6");
        assertThat(space(new IntegerHyperParameterRange("n", -5, 3), null, null).decode(new double[] {0.5}))
                .containsEntry("n", "-1");
    }

    @Test
    void continuousValuesKeepFiveSignificantDigitsWithinTheRange() {
        ParameterSpace lambda = space(null, new ContinuousHyperParameterRange("lambda", 50, 2000), null);

        String value = decode(lambda, "lambda", 0.37);
        assertThat(value).matches("\\d{3}\\.\\d{2}");
        assertThat(Double.parseDouble(value)).isCloseTo(50 * Math.pow(40, 0.37), within(0.01));
        ParameterSpace tight = space(null, new ContinuousHyperParameterRange("x", 1.000001, 1.000002), null);
        assertThat(Double.parseDouble(decode(tight, "x", 0.5))).isBetween(1.000001, 1.000002);
        assertThat(decode(space(null, new ContinuousHyperParameterRange("x", -1, 1), null), "x", 0.5)).isEqualTo("0");
    }

    @Test
    void pointsDecodeInRangeOrderAndFiniteSpacesCountTheirCombinations() {
        ParameterSpace mixed = space(new IntegerHyperParameterRange("n", 1, 3), new ContinuousHyperParameterRange("x", 2, 2),
                new CategoricalHyperParameterRange("mode", List.of("a", "b")));

        Map<String, String> values = mixed.decode(new double[] {0.9, 0.3, 0.6});

        assertThat(values).containsExactly(Map.entry("n", "3"), Map.entry("x", "2"), Map.entry("mode", "b"));
        assertThat(mixed.combinations()).isEqualTo(6);
        assertThat(mixed.categories(2)).isEqualTo(2);
        assertThat(mixed.categories(0)).isZero();
        assertThat(space(null, new ContinuousHyperParameterRange("x", 1, 2), null).combinations())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aLatinHypercubeHitsEveryStratumOfEveryCoordinate() {
        ParameterSpace space = space(new IntegerHyperParameterRange("n", 1, 100), new ContinuousHyperParameterRange("x", 0, 1),
                null);
        double[][] points = new TreeParzenProposer(space, new SplittableRandom(SEED)).latinHypercube(5);

        for (int c = 0; c < 2; c++) {
            boolean[] hit = new boolean[5];
            for (double[] point : points) {
                hit[(int) (point[c] * 5)] = true;
            }
            assertThat(hit).as("coordinate %d, seed %d", c, SEED).containsOnly(true);
        }
    }
}
