package io.tastemaker.engine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterCheckerTest {

    static final FilterSchema SCHEMA = FilterSchema.builder()
            .field(Dataset.INTERACTIONS, "USER_ID", FieldKind.STRING)
            .field(Dataset.INTERACTIONS, "ITEM_ID", FieldKind.STRING)
            .field(Dataset.INTERACTIONS, "TIMESTAMP", FieldKind.LONG)
            .field(Dataset.INTERACTIONS, "EVENT_TYPE", FieldKind.STRING)
            .field(Dataset.INTERACTIONS, "EVENT_VALUE", FieldKind.FLOAT)
            .field(Dataset.ITEMS, "ITEM_ID", FieldKind.STRING)
            .field(Dataset.ITEMS, "GENRE", FieldKind.CATEGORICAL)
            .field(Dataset.ITEMS, "CATEGORY", FieldKind.CATEGORICAL)
            .field(Dataset.ITEMS, "CATEGORY_L1", FieldKind.CATEGORICAL)
            .field(Dataset.ITEMS, "CATEGORY_L2", FieldKind.CATEGORICAL)
            .field(Dataset.ITEMS, "Price", FieldKind.FLOAT)
            .field(Dataset.ITEMS, "CREATION_TIMESTAMP", FieldKind.LONG)
            .field(Dataset.ITEMS, "DESCRIPTION", FieldKind.TEXTUAL)
            .field(Dataset.ITEMS, "IN_STOCK", FieldKind.BOOLEAN)
            .field(Dataset.ITEMS, "TITLE", FieldKind.STRING)
            .field(Dataset.USERS, "USER_ID", FieldKind.STRING)
            .field(Dataset.USERS, "AGE", FieldKind.INT)
            .field(Dataset.USERS, "MEMBERSHIP_STATUS", FieldKind.CATEGORICAL)
            .build();

    /** The §1.16 examples, against a schema that has their fields. */
    @ParameterizedTest
    @ValueSource(strings = {
        "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\", \"stream\")",
        "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ($EVENT_TYPE)",
        "INCLUDE ItemID WHERE Items.PRICE <= $PRICE",
        "INCLUDE ItemID WHERE Items.CREATION_TIMESTAMP < $DATE",
        "INCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE AND Items.GENRE IN CurrentItem.GENRE",
        "EXCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"shoe\") AND Items.CATEGORY_L2 NOT IN (\"boot\")",
        "EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) IF CurrentUser.AGE = $AGE",
        "INCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY) | INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"favorite\")",
        "INCLUDE ItemID WHERE Items.GENRE IN ($GENRE) | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\", \"stream\")",
        "INCLUDE UserID WHERE Users.MEMBERSHIP_STATUS IN ($MEMBERSHIP)",
        "EXCLUDE UserID WHERE Interactions.EVENT_TYPE IN ($EVENT_TYPE)",
        "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"*\")",
        "INCLUDE ItemID WHERE Items.ITEM_ID IN ($ITEMS) OR Items.TITLE IN (\"Heat\")",
    })
    void acceptsTheDocumentedExamples(String text) {
        assertThat(CheckedFilter.of(text, SCHEMA).expression().text()).isEqualTo(text);
    }

    @Test
    void resolvesFieldsIgnoringCaseToTheSchemasSpelling() {
        CheckedFilter filter = CheckedFilter.of("INCLUDE ItemID WHERE items.price < currentitem.PRICE AND Items.genre "
                + "IN ($G) | EXCLUDE ItemID WHERE Interactions.event_type IN (\"Click\") IF CurrentUser.age > $AGE", SCHEMA);

        assertThat(filter.fields()).containsExactly(
                new SchemaField(Dataset.ITEMS, "Price", FieldKind.FLOAT),
                new SchemaField(Dataset.ITEMS, "GENRE", FieldKind.CATEGORICAL),
                new SchemaField(Dataset.INTERACTIONS, "EVENT_TYPE", FieldKind.STRING),
                new SchemaField(Dataset.USERS, "AGE", FieldKind.INT));
        assertThat(filter.parameters()).containsExactly("G", "AGE");
        assertThat(filter.usesCurrentItem()).isTrue();
        assertThat(filter.usesInteractions()).isTrue();
        assertThat(filter.target()).isEqualTo(Expression.Target.ITEM_ID);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '\'', value = {
        // unknown fields and fields filters can't use
        "INCLUDE ItemID WHERE Items.GENRES IN (\"x\")"
                + "~ 22 ~ Unknown field Items.GENRES at column 22: the Items schema's fields are ITEM_ID, GENRE, CATEGORY, "
                + "CATEGORY_L1, CATEGORY_L2, Price, CREATION_TIMESTAMP, DESCRIPTION, IN_STOCK, TITLE",
        "INCLUDE ItemID WHERE Items.description IN (\"x\")"
                + "~ 22 ~ Items.DESCRIPTION at column 22 is a textual field, and filters can't use textual fields. "
                + "Filter on a categorical field instead",
        "INCLUDE ItemID WHERE Items.IN_STOCK = 1"
                + "~ 22 ~ Items.IN_STOCK at column 22 is a boolean field, and filters can't use boolean fields. Use a string "
                + "field with \"True\"/\"False\" or an int field with 0/1",
        "EXCLUDE ItemID WHERE Interactions.EVENT_VALUE > 3"
                + "~ 22 ~ Interactions.EVENT_VALUE at column 22: filters on the Interactions dataset can only use EVENT_TYPE",
        // operators against field types
        "INCLUDE ItemID WHERE Items.GENRE = 3"
                + "~ 22 ~ Items.GENRE at column 22 is a categorical string field: match it with IN or NOT IN, not =",
        "INCLUDE ItemID WHERE Items.PRICE IN (\"3\")"
                + "~ 22 ~ Items.Price at column 22 is a numeric (float) field: compare it with =, !=, <, <=, > or >=, not IN",
        "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE < 3"
                + "~ 22 ~ Interactions.EVENT_TYPE at column 22 is a string field: match it with IN or NOT IN, not <",
        // operands
        "INCLUDE ItemID WHERE Items.GENRE NOT IN ($GENRE)"
                + "~ 42 ~ NOT IN can't take a parameter ($GENRE at column 42). Use IN with the opposite action: "
                + "EXCLUDE … Items.GENRE IN ($GENRE) instead of INCLUDE … NOT IN",
        "INCLUDE ItemID WHERE Items.GENRE IN (*)"
                + "~ 37 ~ * at column 37 stands for every event type; it can only be used with Interactions.EVENT_TYPE, not "
                + "Items.GENRE",
        "INCLUDE ItemID WHERE Items.PRICE < CurrentItem.GENRE"
                + "~ 22 ~ Items.Price < CurrentItem.GENRE at column 22 compares a float field with a categorical string field; "
                + "compare numbers with numbers and strings with strings",
        "INCLUDE ItemID WHERE Items.GENRE IN CurrentItem.GENRES"
                + "~ 37 ~ Unknown field CurrentItem.GENRES at column 37: the Items schema's fields are ITEM_ID, GENRE, "
                + "CATEGORY, CATEGORY_L1, CATEGORY_L2, Price, CREATION_TIMESTAMP, DESCRIPTION, IN_STOCK, TITLE",
        "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN CurrentItem.GENRE"
                + "~ 49 ~ CurrentItem.GENRE at column 49: CurrentItem can only be compared with Items fields in ItemID "
                + "expressions (related-items recommendations), not with Interactions.EVENT_TYPE",
        // where each dataset may appear
        "INCLUDE ItemID WHERE Items.GENRE IN (\"x\") AND Interactions.EVENT_TYPE IN (\"click\")"
                + "~ 47 ~ Interactions.EVENT_TYPE at column 47 can't be in the same expression as Items.GENRE at column 22: "
                + "conditions joined with AND or OR must all use the Items dataset. Put it in its own expression and join "
                + "the two with |",
        "INCLUDE ItemID WHERE Users.AGE > 3"
                + "~ 22 ~ Users.AGE at column 22: expressions that filter ItemID can't use the Users dataset; to test the "
                + "requesting user, end the expression with IF CurrentUser.AGE …",
        "INCLUDE UserID WHERE Items.GENRE IN CurrentItem.GENRE"
                + "~ 22 ~ Items.GENRE at column 22: expressions that filter UserID can't use the Items dataset",
        "INCLUDE ItemID WHERE CurrentUser.AGE > 3"
                + "~ 22 ~ CurrentUser.AGE at column 22: CurrentUser can only be used after IF, at the end of an expression, "
                + "e.g. IF CurrentUser.AGE IN (\"value\")",
        "INCLUDE ItemID WHERE CurrentItem.GENRE IN (\"x\")"
                + "~ 22 ~ CurrentItem.GENRE at column 22: CurrentItem can only stand on the right of a comparison, e.g. "
                + "Items.GENRE IN CurrentItem.GENRE",
        "INCLUDE ItemID WHERE Items.GENRE IN (\"x\") IF CurrentUser.AGE > 3 AND Items.PRICE < 3"
                + "~ 70 ~ Items.PRICE at column 70 follows IF, but only CurrentUser conditions can: IF must come last in an "
                + "expression. Move Items.PRICE before IF, or into its own expression joined with |",
        "INCLUDE ItemID WHERE Items.PRICE < 3 IF CurrentUser.AGE < CurrentItem.PRICE"
                + "~ 59 ~ CurrentItem at column 59 can't be used in an IF condition; IF compares CurrentUser fields with "
                + "values or $PARAMETERS",
        "INCLUDE ItemID WHERE Items.GENRE IN (\"x\") | INCLUDE UserID WHERE Users.AGE > 3"
                + "~ 45 ~ The expression at column 45 filters UserID but the first expression filters ItemID; all "
                + "expressions of a filter must filter the same thing",
        "INCLUDE ActionID WHERE Items.GENRE IN (\"x\")"
                + "~ 1 ~ ActionID at column 1: Tastemaker has no Actions datasets, so it filters only ItemID "
                + "(recommendations) and UserID (user segments)",
    })
    void explainsWhatIsWrongAndWhere(String text, int column, String message) {
        assertThatThrownBy(() -> CheckedFilter.of(text, SCHEMA))
                .isInstanceOfSatisfying(FilterValidationException.class, e -> {
                    assertThat(e).isNotInstanceOf(FilterSyntaxException.class);
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void refusesADatasetTheGroupDoesNotHave() {
        FilterSchema itemsOnly = FilterSchema.builder().field(Dataset.ITEMS, "GENRE", FieldKind.CATEGORICAL).build();

        assertThatThrownBy(() -> CheckedFilter.of("INCLUDE ItemID WHERE Items.GENRE IN (\"x\") IF CurrentUser.AGE > 3", itemsOnly))
                .hasMessage("CurrentUser.AGE at column 46: the dataset group has no Users dataset");
        assertThatThrownBy(() -> CheckedFilter.of("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"x\")", itemsOnly))
                .hasMessage("Interactions.EVENT_TYPE at column 22: the dataset group has no Interactions dataset");
    }

    @Test
    void countsAtMostTenDistinctFieldsAcrossExpressionsAndCurrentReferences() {
        FilterSchema.Builder builder = FilterSchema.builder();
        for (int f = 1; f <= 11; f++) {
            builder.field(Dataset.ITEMS, "F" + f, FieldKind.CATEGORICAL);
        }
        FilterSchema wide = builder.build();
        String ten = java.util.stream.IntStream.rangeClosed(1, 9).mapToObj(f -> "Items.F" + f + " IN (\"x\")")
                .collect(Collectors.joining(" AND ", "INCLUDE ItemID WHERE ", ""));

        assertThat(CheckedFilter.of(ten + " | EXCLUDE ItemID WHERE Items.F1 IN CurrentItem.F10", wide).fields()).hasSize(10);
        assertThat(CheckedFilter.of(ten + " | EXCLUDE ItemID WHERE Items.f9 IN (\"y\")", wide).fields())
                .as("the same field twice counts once").hasSize(9);
        assertThatThrownBy(() -> CheckedFilter.of(ten + " | EXCLUDE ItemID WHERE Items.F1 IN CurrentItem.F10 "
                + "| EXCLUDE ItemID WHERE Items.F11 IN (\"z\")", wide))
                .isInstanceOf(FilterValidationException.class)
                .hasMessage("The filter uses 11 distinct fields (Items.F1, Items.F2, Items.F3, Items.F4, Items.F5, Items.F6, "
                        + "Items.F7, Items.F8, Items.F9, Items.F10, Items.F11); at most 10 are allowed per filter. Split it "
                        + "into several filters")
                .satisfies(e -> assertThat(((FilterValidationException) e).column()).isEqualTo(-1));
    }

    @Test
    void syntaxErrorsAreValidationErrorsToo() {
        assertThatThrownBy(() -> CheckedFilter.of("INCLUDE ItemID WHERE Items.GENRE LIKE (\"x\")", SCHEMA))
                .isInstanceOf(FilterValidationException.class)
                .isInstanceOf(FilterSyntaxException.class);
    }
}
