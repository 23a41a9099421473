package io.tastemaker.domain.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request's context is checked against Personalize's {@code Context} shape, with messages that say what to fix. */
class RequestContextTest {

    @Test
    void aValidContextPassesAndNoContextIsEmpty() {
        assertThat(RecommendationService.checkContext(null)).isEmpty();
        assertThat(RecommendationService.checkContext(Map.of())).isEmpty();
        assertThat(RecommendationService.checkContext(Map.of("DEVICE", "mobile", "Location_2", "")))
                .containsEntry("DEVICE", "mobile").hasSize(2);
        assertThat(RecommendationService.checkContext(Map.of("K", "v".repeat(1000)))).hasSize(1);
        assertThat(RecommendationService.checkContext(Map.of("K".repeat(150), "v"))).hasSize(1);
    }

    @Test
    void keysMustBeShortNamesOfLettersDigitsAndUnderscores() {
        for (String key : new String[] {"", "DE-VICE", "device type", "K".repeat(151), "ä"}) {
            assertThatThrownBy(() -> RecommendationService.checkContext(Map.of(key, "x")))
                    .as(key).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("letters, digits or underscores").hasMessageContaining("DEVICE");
        }
    }

    @Test
    void valuesMustBeStringsOfAtMostAThousandCharactersAndAreNeverEchoed() {
        assertThatThrownBy(() -> RecommendationService.checkContext(Map.of("DEVICE", "secret".repeat(200))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("DEVICE")
                .hasMessageContaining("1200 characters").hasMessageNotContaining("secret");
        Map<String, String> withNull = new HashMap<>();
        withNull.put("DEVICE", null);
        assertThatThrownBy(() -> RecommendationService.checkContext(withNull))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be a string");
    }

    @Test
    void atMostOneHundredFiftyEntriesAndNoTwoKeysForOneField() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 151; i++) {
            many.put("F" + i, "v");
        }
        assertThatThrownBy(() -> RecommendationService.checkContext(many))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 150 entries, got 151");
        many.remove("F150");
        assertThat(RecommendationService.checkContext(many)).hasSize(150);

        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("DEVICE", "mobile");
        twice.put("device", "desktop");
        assertThatThrownBy(() -> RecommendationService.checkContext(twice))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("DEVICE and device");
    }
}
