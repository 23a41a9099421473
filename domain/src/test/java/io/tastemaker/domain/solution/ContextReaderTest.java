package io.tastemaker.domain.solution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How training reads the contextual fields out of an interaction's stored attributes. */
class ContextReaderTest {

    private final TrainingDataReader.ContextReader reader = new TrainingDataReader.ContextReader(List.of("DEVICE",
            "LOCATION"));

    @Test
    void readsEachFieldIgnoringTheCaseOfTheStoredKey() {
        assertThat(reader.values("{\"DEVICE\":\"mobile\",\"location\":\"home\",\"NOTE\":\"x\"}"))
                .containsExactly("mobile", "home");
    }

    @Test
    void numbersAndBooleansAreTheirJsonTextAndMissingOrNullValuesAreNone() {
        assertThat(reader.values("{\"DEVICE\":3,\"LOCATION\":null}")).containsExactly("3", null);
        assertThat(reader.values("{\"LOCATION\":true}")).containsExactly(null, "true");
        assertThat(reader.values("{}")).containsExactly(null, null);
    }

    @Test
    void rowsWithoutAttributesOrWithoutContextualFieldsCarryNone() {
        assertThat(reader.values(null)).isNull();
        assertThat(reader.values(" ")).isNull();
        assertThat(reader.values("not json")).isNull();
        assertThat(new TrainingDataReader.ContextReader(List.of()).values("{\"DEVICE\":\"mobile\"}")).isNull();
    }
}
