package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.data.InteractionLog;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    private static final InteractionLog LOG = InteractionLog.builder()
            .add("u1", "a", 1, "click", Float.NaN)
            .add("u1", "b", 2, "purchase", 10f)
            .add("u2", "c", 3, "purchase", 3f)
            .add("u2", "d", 4, "click", 5f)
            .add("u3", "e", 5, null, 7f)
            .add("u3", "f", 6, "purchase", Float.NaN)
            .build();

    private static String items(InteractionLog log) {
        StringBuilder items = new StringBuilder();
        for (int row = 0; row < log.size(); row++) {
            items.append(log.items().idOf(log.item(row)));
        }
        return items.toString();
    }

    @Test
    void withoutEventTypeOrThresholdEverythingTrains() {
        assertThat(TrainingConfig.withSeed(1).select(LOG)).isSameAs(LOG);
    }

    @Test
    void anEventTypeKeepsOnlyThatType() {
        TrainingConfig purchases = new TrainingConfig("purchase", null, Map.of(), 1);

        assertThat(items(purchases.select(LOG))).isEqualTo("bcf");
    }

    @Test
    void anEventTypeMissingFromTheLogSelectsNothing() {
        TrainingConfig views = new TrainingConfig("view", null, Map.of(), 1);

        InteractionLog selected = views.select(LOG);

        assertThat(selected.size()).isZero();
        assertThat(selected.items()).isSameAs(LOG.items());
    }

    @Test
    void aThresholdKeepsValuesAtOrAboveItAndDropsRowsWithoutValue() {
        TrainingConfig atLeastFive = new TrainingConfig(null, 5f, Map.of(), 1);

        // a: no value, b: 10, c: 3, d: 5 (equal counts), e: 7, f: no value.
        assertThat(items(atLeastFive.select(LOG))).isEqualTo("bde");
    }

    @Test
    void eventTypeAndThresholdCombine() {
        TrainingConfig config = new TrainingConfig("purchase", 5f, Map.of(), 1);

        assertThat(items(config.select(LOG))).isEqualTo("b");
    }

    @Test
    void validatesAndCopiesItsArguments() {
        Map<String, String> hyperParameters = new HashMap<>(Map.of("k", "v"));
        TrainingConfig config = new TrainingConfig(null, null, hyperParameters, 1);
        hyperParameters.put("other", "x");

        assertThat(config.hyperParameters()).containsExactly(Map.entry("k", "v"));
        assertThat(new TrainingConfig(null, null, null, 1).hyperParameters()).isEmpty();
        assertThatThrownBy(() -> new TrainingConfig(" ", null, Map.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrainingConfig(null, Float.NaN, Map.of(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesUnknownHyperParametersAndTheAcceptedOnes() {
        TrainingConfig config = new TrainingConfig(null, null, Map.of("zeta", "1", "alpha", "2", "lambda", "3"), 1);

        assertThatThrownBy(() -> config.requireKnownHyperParameters("some-recipe", Set.of("lambda", "beta")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown hyperparameters 'alpha', 'zeta' for recipe some-recipe; it accepts 'beta', 'lambda'");
        config.requireKnownHyperParameters("some-recipe", Set.of("zeta", "alpha", "lambda"));
    }
    @Test
    void eventParametersKeepTheListedTypesFromTheirThresholdsAndRepeatByWeight() {
        TrainingConfig weighted = new TrainingConfig(null, null, Map.of(), 1, java.util.List.of(
                new EventParameter("purchase", 5.0, 1.0), new EventParameter("click", null, 0.25)));

        // a: click without value (no threshold for clicks) once; b: purchase 10 ≥ 5, four times;
        // c: purchase 3 < 5 dropped; d: click once; e: no type, dropped; f: purchase without value dropped.
        assertThat(items(weighted.select(LOG))).isEqualTo("abbbbd");
        assertThat(weighted.counts("purchase", 10f)).isTrue();
        assertThat(weighted.counts("purchase", 3f)).isFalse();
        assertThat(weighted.counts("click", null)).isTrue();
        assertThat(weighted.counts("view", 1f)).isFalse();
    }

    @Test
    void onlyTheRatioOfWeightsMattersAndWeightZeroDoesNotCount() {
        TrainingConfig half = new TrainingConfig(null, null, Map.of(), 1, java.util.List.of(
                new EventParameter("purchase", null, 0.5), new EventParameter("click", null, 0.125)));
        TrainingConfig full = new TrainingConfig(null, null, Map.of(), 1, java.util.List.of(
                new EventParameter("purchase", null, 1.0), new EventParameter("click", null, 0.25)));
        assertThat(items(half.select(LOG))).isEqualTo(items(full.select(LOG))).isEqualTo("abbbbccccdffff");

        TrainingConfig noClicks = new TrainingConfig(null, null, Map.of(), 1, java.util.List.of(
                new EventParameter("purchase", null, 1.0), new EventParameter("click", null, 0)));
        assertThat(items(noClicks.select(LOG))).isEqualTo("bbbbccccffff");
        assertThat(noClicks.counts("click", 1f)).isFalse();
    }

    @Test
    void eventParametersAreChecked() {
        assertThatThrownBy(() -> new EventParameter("click", null, 1.5)).hasMessageContaining("weight");
        assertThatThrownBy(() -> new EventParameter(" ", null, 1)).hasMessageContaining("eventType");
        assertThatThrownBy(() -> new EventParameter("click", Double.NaN, 1)).hasMessageContaining("eventValueThreshold");
    }
}
