package io.tastemaker.engine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterValuesTest {

    @Test
    void decodesPersonalizesEncoding() {
        FilterValues values = FilterValues.parse(Map.of(
                "GENRES", "\"comedy\",\"drama\"",
                "SPACED", " \"a, b\" ,  \"c\" ",
                "ESCAPED", "\"say \\\"hi\\\"\",\"back\\\\slash\"",
                "PRICE", "10.5",
                "QUOTED_PRICE", "\"-3\""));

        assertThat(values.get("GENRES")).containsExactly("comedy", "drama");
        assertThat(values.get("SPACED")).containsExactly("a, b", "c");
        assertThat(values.get("ESCAPED")).containsExactly("say \"hi\"", "back\\slash");
        assertThat(values.get("PRICE")).containsExactly("10.5");
        assertThat(values.get("QUOTED_PRICE")).containsExactly("-3");
        assertThat(values.has("genres")).as("names are case-sensitive").isFalse();
        assertThat(FilterValues.parse(null)).isEqualTo(FilterValues.empty());
    }

    @Test
    void explainsMalformedValues() {
        assertThatThrownBy(() -> FilterValues.parse(Map.of("GENRES", "comedy,drama")))
                .isInstanceOf(FilterRequestException.class)
                .hasMessage("filterValues entry GENRES must be values in double quotes separated by commas, such as "
                        + "\"\\\"comedy\\\",\\\"drama\\\"\" (or a single number), but is comedy,drama");
        assertThatThrownBy(() -> FilterValues.parse(Map.of("GENRES", "\"comedy\" \"drama\"")))
                .hasMessage("filterValues entry GENRES: expected a comma between values at character 10, found \"\"\"; "
                        + "write values as \"\\\"comedy\\\",\\\"drama\\\"\"");
        assertThatThrownBy(() -> FilterValues.parse(Map.of("GENRES", "\"comedy")))
                .hasMessage("filterValues entry GENRES: expected a closing double quote at character 8, found the end; "
                        + "write values as \"\\\"comedy\\\",\\\"drama\\\"\"");
        assertThatThrownBy(() -> FilterValues.parse(Map.of("GENRES", "\"comedy\",")))
                .hasMessage("filterValues entry GENRES: expected a value in double quotes at character 10, found the end; "
                        + "write values as \"\\\"comedy\\\",\\\"drama\\\"\"");
        assertThatThrownBy(() -> FilterValues.parse(Map.of("GENRES", "")))
                .hasMessage("filterValues entry GENRES: expected a value in double quotes at character 1, found the end; "
                        + "write values as \"\\\"comedy\\\",\\\"drama\\\"\"");
    }

    @Test
    void enforcesPersonalizesLimits() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 26; i++) {
            many.put("P" + i, "\"x\"");
        }
        assertThatThrownBy(() -> FilterValues.parse(many))
                .hasMessage("filterValues has 26 entries; at most 25 are allowed");
        many.remove("P25");
        assertThat(FilterValues.parse(many).names()).hasSize(25);

        assertThatThrownBy(() -> FilterValues.parse(Map.of("MY-GENRE", "\"x\"")))
                .hasMessage("filterValues name \"MY-GENRE\" must be 1 to 50 letters, digits or underscores");
        assertThatThrownBy(() -> FilterValues.parse(Map.of("P".repeat(51), "\"x\"")))
                .hasMessage("filterValues name \"" + "P".repeat(51) + "\" must be 1 to 50 letters, digits or underscores");
        String longValue = "\"" + "x".repeat(999) + "\"";
        assertThatThrownBy(() -> FilterValues.parse(Map.of("G", longValue)))
                .hasMessage("filterValues entry G has 1001 characters; at most 1000 are allowed");
    }

    @Test
    void includeExpressionsNeedTheirParametersExcludeExpressionsWithoutThemAreLeftOut() {
        CheckedFilter filter = CheckedFilter.of("INCLUDE ItemID WHERE Items.GENRE IN ($GENRE) "
                + "| EXCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY) "
                + "| EXCLUDE ItemID WHERE Items.PRICE > $MAX IF CurrentUser.AGE < $AGE", FilterCheckerTest.SCHEMA);

        assertThatThrownBy(() -> filter.bind(FilterValues.parse(Map.of("CATEGORY", "\"x\""))))
                .isInstanceOf(FilterRequestException.class)
                .hasMessage("The INCLUDE expression at column 1 needs a value for $GENRE in filterValues (only EXCLUDE "
                        + "expressions may leave parameters out)");

        BoundFilter bound = filter.bind(FilterValues.parse(Map.of("GENRE", "\"comedy\"", "MAX", "10", "UNUSED", "\"u\"")));
        assertThat(bound.expressions()).as("the second lacks $CATEGORY, the third $AGE").hasSize(1);
        assertThat(bound.values().names()).as("only the values in use").containsExactly("GENRE");

        BoundFilter all = filter.bind(FilterValues.parse(Map.of("GENRE", "\"comedy\"", "CATEGORY", "\"x\"", "MAX", "10",
                "AGE", "\"18\"")));
        assertThat(all.expressions()).hasSize(3);
        assertThat(all.number("AGE")).isEqualTo(18.0);
    }

    @Test
    void numericParametersMustBeOneNumber() {
        CheckedFilter filter = CheckedFilter.of("INCLUDE ItemID WHERE Items.PRICE <= $PRICE", FilterCheckerTest.SCHEMA);

        assertThat(filter.bind(FilterValues.parse(Map.of("PRICE", "9.99"))).number("PRICE")).isEqualTo(9.99);
        assertThatThrownBy(() -> filter.bind(FilterValues.parse(Map.of("PRICE", "\"cheap\""))))
                .isInstanceOf(FilterRequestException.class)
                .hasMessage("filterValues entry PRICE must be one number for Items.Price <= $PRICE, but is \"cheap\"");
        assertThatThrownBy(() -> filter.bind(FilterValues.parse(Map.of("PRICE", "\"1\",\"2\""))))
                .hasMessage("filterValues entry PRICE must be one number for Items.Price <= $PRICE, but is \"1\",\"2\"");
        assertThatThrownBy(() -> filter.bind(FilterValues.parse(Map.of("PRICE", "\"NaN\""))))
                .hasMessage("filterValues entry PRICE must be one number for Items.Price <= $PRICE, but is \"NaN\"");
    }

    @Test
    void boundFiltersAreEqualWhenTheValuesTheyUseAre() {
        CheckedFilter filter = CheckedFilter.of("INCLUDE ItemID WHERE Items.GENRE IN ($GENRE)", FilterCheckerTest.SCHEMA);

        BoundFilter a = filter.bind(FilterValues.parse(Map.of("GENRE", "\"comedy\"", "OTHER", "\"x\"")));
        BoundFilter b = CheckedFilter.of("INCLUDE ItemID WHERE Items.GENRE IN ($GENRE)", FilterCheckerTest.SCHEMA)
                .bind(FilterValues.of(Map.of("GENRE", List.of("comedy"))));
        BoundFilter c = filter.bind(FilterValues.parse(Map.of("GENRE", "\"drama\"")));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }
}
