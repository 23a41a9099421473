package io.tastemaker.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's filter inputs: the caret under a refused expression, and the test panel's filter
 * values, context and metadata columns.
 */
class FilterInputsTest {

    @Test
    void theCaretStandsUnderTheColumnOnOneLine() {
        ExpressionProblem problem = ExpressionProblem.of("bad", "EXCLUDE ItemID\nWHERE Items.X IN (\"a\")", 22);
        assertThat(problem.getPointer()).isEqualTo("EXCLUDE ItemID WHERE Items.X IN (\"a\")\n" + " ".repeat(21) + "^");
        assertThat(ExpressionProblem.of("too long", "abc", -1).isPlaced()).isFalse();
        assertThat(ExpressionProblem.of("at the end", "abc", 9).getCaret()).as("past the end: after the last character")
                .isEqualTo("   ^");
    }

    @Test
    void filterValuesGoOnePerLine() {
        assertThat(GroupPage.parseFilterValues("CATEGORY=\"shoes\",\"hats\"\r\n\n MAX = 10 ")).isEqualTo(
                Map.of("CATEGORY", "\"shoes\",\"hats\"", "MAX", "10"));
        assertThat(GroupPage.parseFilterValues(null)).isEmpty();
        assertThatThrownBy(() -> GroupPage.parseFilterValues("\"shoes\"")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("NAME=");
    }

    @Test
    void contextGoesOneKeyValuePerLine() {
        assertThat(GroupPage.parseContext("DEVICE=mobile\r\n\n LOCATION = home \nEMPTY=")).containsExactly(
                Map.entry("DEVICE", "mobile"), Map.entry("LOCATION", "home"), Map.entry("EMPTY", ""));
        assertThat(GroupPage.parseContext(null)).isEmpty();
        assertThat(GroupPage.parseContext(" \n")).isEmpty();
        assertThatThrownBy(() -> GroupPage.parseContext("mobile")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("KEY=value");
        assertThatThrownBy(() -> GroupPage.parseContext(" =mobile")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void metadataColumnsAreSeparatedByCommasOrSpacesAndCheckedAsTheApiChecksThem() {
        assertThat(GroupPage.parseMetadataColumns(" GENRES, TITLE  PRICE ").itemColumns())
                .containsExactly("GENRES", "TITLE", "PRICE");
        assertThat(GroupPage.parseMetadataColumns(" ").requested()).isFalse();
        assertThat(GroupPage.parseMetadataColumns(null).requested()).isFalse();
        assertThatThrownBy(() -> GroupPage.parseMetadataColumns("A B C D E F G H I J K"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 10");
    }
}
