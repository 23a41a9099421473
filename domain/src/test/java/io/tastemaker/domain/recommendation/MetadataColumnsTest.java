package io.tastemaker.domain.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.engine.data.ItemAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** metadataColumns is checked against Personalize's limits, and resolved against the Items schema, with messages that say what to fix. */
class MetadataColumnsTest {

    private static final String GROUP = "arn:aws:personalize:us-east-1:000000000000:dataset-group/shop";

    @Test
    void noColumnsIsNoMetadataAndAnyResultCountIsFine() {
        assertThat(MetadataColumns.of(null).requested()).isFalse();
        assertThat(MetadataColumns.of(Map.of()).requested()).isFalse();
        assertThat(MetadataColumns.of(Map.of("ITEMS", List.of())).requested()).isFalse();
        MetadataColumns.NONE.checkResults("numResults", 500);
    }

    @Test
    void upToTenColumnsOfItemsAreKeptInTheRequestsOrderAndSpelling() {
        List<String> ten = IntStream.range(0, 10).mapToObj(i -> "COL_" + i).toList();
        assertThat(MetadataColumns.of(Map.of("ITEMS", ten)).itemColumns()).isEqualTo(ten);
        assertThat(MetadataColumns.of(Map.of("ITEMS", List.of("title", "GENRES"))).itemColumns())
                .containsExactly("title", "GENRES");
    }

    @Test
    void elevenColumnsAreTooMany() {
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "COL_" + i).toList();
        assertThatThrownBy(() -> MetadataColumns.of(Map.of("ITEMS", eleven)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("11 columns").hasMessageContaining("at most 10");
    }

    @Test
    void theOnlyKeyIsItems() {
        assertThatThrownBy(() -> MetadataColumns.of(Map.of("USERS", List.of("AGE"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("one key, ITEMS").hasMessageContaining("USERS");
        Map<String, List<String>> two = new LinkedHashMap<>();
        two.put("ITEMS", List.of("GENRES"));
        two.put("ACTIONS", List.of("VALUE"));
        assertThatThrownBy(() -> MetadataColumns.of(two))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("one key, ITEMS").hasMessageContaining("ACTIONS");
    }

    @Test
    void blankOrRepeatedColumnsAreRefused() {
        assertThatThrownBy(() -> MetadataColumns.of(Map.of("ITEMS", List.of("GENRES", " "))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 150 characters");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> MetadataColumns.of(Map.of("ITEMS", withNull)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("got null");
        assertThatThrownBy(() -> MetadataColumns.of(Map.of("ITEMS", List.of("GENRES", "genres"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("genres twice");
    }

    @Test
    void withMetadataAtMostFiftyResults() {
        MetadataColumns columns = MetadataColumns.of(Map.of("ITEMS", List.of("GENRES")));
        columns.checkResults("numResults", 50);
        assertThatThrownBy(() -> columns.checkResults("numResults", 51))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("numResults may be at most 50")
                .hasMessageContaining("got 51");
        assertThatThrownBy(() -> columns.checkResults("inputList", 120))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inputList may be at most 50");
    }

    @Test
    void columnsResolveIgnoringCaseAndReturnTheValuesAsStored() {
        ItemAttributes items = ItemAttributes.builder(List.of(), List.of("GENRES", "TITLE", "PRICE"), List.of())
                .add("i1", new String[0], new String[] {"Comedy|Drama", "Heat", "12.5"}, new double[0], ItemAttributes.UNKNOWN_TIME)
                .add("i2", new String[0], new String[] {"Action", null, "3"}, new double[0], ItemAttributes.UNKNOWN_TIME)
                .build();
        ItemMetadata.Columns columns = ItemMetadata.Columns.resolve(items, List.of("title", "GENRES"), GROUP);
        Map<String, Map<String, String>> metadata = columns.of(List.of("i1", "i2", "unknown"));
        assertThat(metadata.get("i1")).containsExactly(Map.entry("title", "Heat"), Map.entry("GENRES", "Comedy|Drama"));
        assertThat(metadata.get("i2")).containsExactly(Map.entry("GENRES", "Action"));
        assertThat(metadata.get("unknown")).isEmpty();
        assertThat(metadata.keySet()).containsExactly("i1", "i2", "unknown");
    }

    @Test
    void anUnknownColumnIsNamedWithTheColumnsTheSchemaHas() {
        ItemAttributes items = ItemAttributes.builder(List.of(), List.of("GENRES", "TITLE"), List.of()).build();
        assertThatThrownBy(() -> ItemMetadata.Columns.resolve(items, List.of("GENRES", "COLOR"), GROUP))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("column COLOR").hasMessageContaining(GROUP)
                .hasMessageContaining("its columns are GENRES, TITLE");
    }
}
