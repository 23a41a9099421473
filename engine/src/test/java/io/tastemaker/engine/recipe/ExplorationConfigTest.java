package io.tastemaker.engine.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplorationConfigTest {

    @Test
    void absentKeysTakePersonalizesDefaults() {
        ExplorationConfig config = ExplorationConfig.parse(Map.of());

        assertThat(config.weight()).isEqualTo(0.3);
        assertThat(config.ageCutOffDays()).isEqualTo(30);
        assertThat(config.toMap()).containsExactly(Map.entry("explorationWeight", "0.3"),
                Map.entry("explorationItemAgeCutOff", "30"));
    }

    @Test
    void readsBothKeysAsStrings() {
        ExplorationConfig config = ExplorationConfig.parse(Map.of("explorationWeight", "0.9",
                "explorationItemAgeCutOff", " 7.5 "));

        assertThat(config).isEqualTo(new ExplorationConfig(0.9, 7.5));
        assertThat(ExplorationConfig.parse(config.toMap())).isEqualTo(config);
    }

    @Test
    void refusesValuesOutOfRangeNamingTheKey() {
        assertThatThrownBy(() -> ExplorationConfig.parse(Map.of("explorationWeight", "1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explorationWeight")
                .hasMessageContaining("0 to 1");
        assertThatThrownBy(() -> ExplorationConfig.parse(Map.of("explorationWeight", "-0.1")))
                .hasMessageContaining("explorationWeight");
        assertThatThrownBy(() -> ExplorationConfig.parse(Map.of("explorationWeight", "lots")))
                .hasMessageContaining("explorationWeight must be a number");
        assertThatThrownBy(() -> ExplorationConfig.parse(Map.of("explorationWeight", "NaN")))
                .hasMessageContaining("explorationWeight");
        assertThatThrownBy(() -> ExplorationConfig.parse(Map.of("explorationItemAgeCutOff", "0.5")))
                .hasMessageContaining("explorationItemAgeCutOff").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ExplorationConfig.parse(Map.of("explorationAge", "3")))
                .hasMessageContaining("an unknown key 'explorationAge'");
    }

    @Test
    void theExploredShareGrowsWithTheWeightFromNone() {
        assertThat(new ExplorationConfig(0, 30).slots(25)).isZero();
        assertThat(new ExplorationConfig(0.3, 30).slots(10)).isEqualTo(2);
        assertThat(new ExplorationConfig(0.9, 30).slots(10)).isEqualTo(5);
        assertThat(new ExplorationConfig(1, 30).slots(10)).isEqualTo(5);
        int previous = 0;
        for (int w = 0; w <= 100; w++) {
            int slots = new ExplorationConfig(w / 100.0, 30).slots(25);
            assertThat(slots).as("weight %d%%", w).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(13);
            previous = slots;
        }
    }
}
