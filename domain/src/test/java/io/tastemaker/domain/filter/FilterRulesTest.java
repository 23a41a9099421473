package io.tastemaker.domain.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.LimitExceededException;
import io.tastemaker.domain.schema.AvroSchemaParser;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.ParsedSchema;
import io.tastemaker.engine.filter.CheckedFilter;
import io.tastemaker.engine.filter.Dataset;
import io.tastemaker.engine.filter.FieldKind;
import io.tastemaker.engine.filter.FilterSchema;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterRulesTest {

    private static final String INTERACTIONS = """
            {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                        {"name": "TIMESTAMP", "type": "long"}, {"name": "EVENT_TYPE", "type": "string"}]}""";
    private static final StringBuilder MANY_FIELDS = new StringBuilder();
    private static final String ITEMS;

    static {
        for (int f = 1; f <= 25; f++) {
            MANY_FIELDS.append(", {\"name\": \"F").append(f).append("\", \"type\": \"string\", \"categorical\": true}");
        }
        ITEMS = """
                {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
                 "fields": [{"name": "ITEM_ID", "type": "string"},
                            {"name": "GENRES", "type": ["null", "string"], "categorical": true},
                            {"name": "TITLE", "type": ["null", "string"]},
                            {"name": "DESCRIPTION", "type": ["null", "string"], "textual": true},
                            {"name": "PRICE", "type": ["null", "double"]},
                            {"name": "CREATION_TIMESTAMP", "type": "long"}""" + MANY_FIELDS + "]}";
    }

    private static FilterSchema schema() {
        AvroSchemaParser parser = new AvroSchemaParser();
        Map<DatasetType, ParsedSchema> datasets = new EnumMap<>(DatasetType.class);
        datasets.put(DatasetType.INTERACTIONS, parser.parse(INTERACTIONS));
        datasets.put(DatasetType.ITEMS, parser.parse(ITEMS));
        return FilterRules.schemaOf(datasets);
    }

    @Test
    void theSchemaHasTheGroupsDatasetsWithTheKindOfEachField() {
        FilterSchema schema = schema();
        assertThat(schema.has(Dataset.USERS)).isFalse();
        assertThat(schema.field(Dataset.ITEMS, "genres").orElseThrow().kind()).isEqualTo(FieldKind.CATEGORICAL);
        assertThat(schema.field(Dataset.ITEMS, "TITLE").orElseThrow().kind()).isEqualTo(FieldKind.STRING);
        assertThat(schema.field(Dataset.ITEMS, "DESCRIPTION").orElseThrow().kind()).isEqualTo(FieldKind.TEXTUAL);
        assertThat(schema.field(Dataset.ITEMS, "PRICE").orElseThrow().kind()).isEqualTo(FieldKind.DOUBLE);
        assertThat(schema.field(Dataset.INTERACTIONS, "EVENT_TYPE").orElseThrow().kind()).isEqualTo(FieldKind.STRING);
    }

    @Test
    void badExpressionsAreInvalidInputWithTheEnginesMessageAndColumn() {
        FilterSchema schema = schema();
        assertThatThrownBy(() -> FilterRules.check("EXCLUDE ItemID WHERE Items.COLOR IN (\"red\")", schema))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid filter expression: Unknown field Items.COLOR at column 22");
        assertThatThrownBy(() -> FilterRules.check("INCLUDE ItemID WHERE Users.AGE > 3", schema))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Users.AGE at column 22");
        assertThatThrownBy(() -> FilterRules.check("INCLUDE ItemID WHER Items.PRICE > 3", schema))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("column 16");
        assertThatThrownBy(() -> FilterRules.check(null, schema)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'filterExpression' failed to satisfy constraint: Member must not be null");
        assertThatThrownBy(() -> FilterRules.check("x".repeat(2501), schema)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("length between 1 and 2500");
        assertThat(FilterRules.check("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"purchase\")", schema).fields())
                .hasSize(1);
    }

    @Test
    void aGroupTakesThirtyFilters() {
        FilterSchema schema = schema();
        CheckedFilter one = FilterRules.check("INCLUDE ItemID WHERE Items.GENRES IN ($G)", schema);
        List<CheckedFilter> existing = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            existing.add(one);
        }
        FilterRules.checkQuotas("shop", 29, existing, one);
        existing.add(one);
        assertThatThrownBy(() -> FilterRules.checkQuotas("shop", 30, existing, one))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("at most 30");
    }

    @Test
    void theFiltersOfAGroupUseAtMostTwentyDistinctFieldsCountedIgnoringCase() {
        FilterSchema schema = schema();
        List<CheckedFilter> existing = new ArrayList<>();
        for (int f = 1; f <= 19; f += 2) {
            existing.add(FilterRules.check("INCLUDE ItemID WHERE Items.F" + f + " IN ($A) AND Items.F" + (f + 1)
                    + " IN ($B)", schema));
        }
        CheckedFilter reuse = FilterRules.check("EXCLUDE ItemID WHERE Items.f3 IN (\"x\") OR Items.F20 IN (\"y\")", schema);
        FilterRules.checkQuotas("shop", existing.size(), existing, reuse);
        CheckedFilter extra = FilterRules.check("EXCLUDE ItemID WHERE Items.F21 IN (\"x\")", schema);
        assertThatThrownBy(() -> FilterRules.checkQuotas("shop", existing.size(), existing, extra))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("would use 21 distinct fields; at most 20").hasMessageContaining("adds Items.F21");
    }
}
