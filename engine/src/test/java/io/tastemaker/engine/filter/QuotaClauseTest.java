package io.tastemaker.engine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.ItemAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The QUOTA clause: its grammar, its checks against the schemas, its binding and its items per request. */
class QuotaClauseTest {

    /** i6 is a candidate without attributes; x9 is not a candidate but can be the current item. */
    private static final ItemAttributes ATTRIBUTES = ItemAttributes.builder(List.of("GENRE", "CATEGORY"), List.of(),
                    List.of("PRICE"))
            .add("i1", new String[] {"Comedy|Drama", "shoe"}, null, new double[] {10}, 100)
            .add("i2", new String[] {"Drama", "boot"}, null, new double[] {20}, 200)
            .add("i3", new String[] {"Horror", "shoe"}, null, new double[] {30}, 300)
            .add("i4", new String[] {"", "shoe"}, null, new double[] {40}, 400)
            .add("i5", new String[] {"Comedy", null}, null, new double[] {5}, 500)
            .add("x9", new String[] {"Horror|Comedy", "boot"}, null, new double[] {25}, 900)
            .build();
    private static final CatalogIndex CATALOG = CatalogIndex.of(IdDictionary.of("i1", "i2", "i3", "i4", "i5", "i6"),
            ATTRIBUTES);

    @Test
    void parsesQuotaClausesAfterBeforeAndWithoutExpressions() {
        FilterExpression filter = FilterExpression.parse("INCLUDE ItemID WHERE Items.PRICE < 100 | QUOTA AT LEAST 30 "
                + "PERCENT FROM Items.GENRE IN CurrentItem.GENRE");
        assertThat(filter.expressions()).hasSize(1);
        Quota quota = filter.quotas().get(0);
        assertThat(quota.bound()).isEqualTo(Quota.Bound.AT_LEAST);
        assertThat(quota.percent()).isEqualTo(30);
        assertThat(quota.field()).hasToString("Items.GENRE");
        assertThat(quota.selector()).isEqualTo(new Operand.CurrentItemField("GENRE", 87));
        assertThat(quota.column()).isEqualTo(42);
        assertThat(quota.perValue()).isFalse();

        FilterExpression only = FilterExpression.parse("quota at most 40 percent per Items.GENRE");
        assertThat(only.expressions()).isEmpty();
        assertThat(only.quotas()).singleElement().satisfies(q -> {
            assertThat(q.bound()).isEqualTo(Quota.Bound.AT_MOST);
            assertThat(q.perValue()).isTrue();
            assertThat(q.selector()).isNull();
        });

        FilterExpression several = FilterExpression.parse("QUOTA AT MOST 20 PERCENT FROM Items.GENRE IN (\"Horror\", \"Drama\")"
                + " | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"purchase\") | QUOTA AT LEAST 10 PERCENT FROM "
                + "Items.CATEGORY IN ($CAT) | QUOTA AT MOST 50 PERCENT PER Items.GENRE");
        assertThat(several.expressions()).hasSize(1);
        assertThat(several).hasToString("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"purchase\")"
                + " | QUOTA AT MOST 20 PERCENT FROM Items.GENRE IN (\"Horror\", \"Drama\")"
                + " | QUOTA AT LEAST 10 PERCENT FROM Items.CATEGORY IN ($CAT)"
                + " | QUOTA AT MOST 50 PERCENT PER Items.GENRE");
        assertThat(FilterExpression.parse("QUOTA AT MOST 100 PERCENT PER Items.GENRE").quotas().get(0).percent()).isEqualTo(100);
        assertThat(FilterExpression.parse("QUOTA AT LEAST 1 PERCENT FROM Items.GENRE IN (\"x\")").quotas().get(0).percent())
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '\'', value = {
        "QUOTA 30 PERCENT FROM Items.GENRE IN (\"x\")"
                + "~ 7 ~ Expected AT LEAST or AT MOST after QUOTA at column 7, found \"30\"",
        "QUOTA AT FEWEST 30 PERCENT FROM Items.GENRE IN (\"x\")"
                + "~ 10 ~ Expected LEAST or MOST after QUOTA AT at column 10, found \"FEWEST\"",
        "QUOTA AT LEAST"
                + "~ 15 ~ Expected a whole number of percent from 1 to 100 after AT LEAST at column 15, found end of expression",
        "QUOTA AT LEAST 0 PERCENT FROM Items.GENRE IN (\"x\")"
                + "~ 16 ~ The percentage 0 at column 16 must be a whole number from 1 to 100",
        "QUOTA AT MOST 101 PERCENT PER Items.GENRE"
                + "~ 15 ~ The percentage 101 at column 15 must be a whole number from 1 to 100",
        "QUOTA AT MOST 12.5 PERCENT PER Items.GENRE"
                + "~ 15 ~ The percentage 12.5 at column 15 must be a whole number from 1 to 100",
        "QUOTA AT MOST -5 PERCENT PER Items.GENRE"
                + "~ 15 ~ The percentage -5 at column 15 must be a whole number from 1 to 100",
        "QUOTA AT MOST 99999999999 PERCENT PER Items.GENRE"
                + "~ 15 ~ The percentage 99999999999 at column 15 must be a whole number from 1 to 100",
        "QUOTA AT MOST 40 % PER Items.GENRE"
                + "~ 18 ~ Unexpected character \"%\" at column 18",
        "QUOTA AT MOST 40 PER Items.GENRE"
                + "~ 18 ~ Expected PERCENT after AT MOST 40 at column 18, found \"PER\"",
        "QUOTA AT LEAST 30 PERCENT PER Items.GENRE"
                + "~ 27 ~ PER at column 27 caps every value of a field, so it goes with AT MOST; AT LEAST takes FROM and "
                + "the values that count, e.g. QUOTA AT LEAST 30 PERCENT FROM Items.GENRES IN (\"comedy\")",
        "QUOTA AT LEAST 30 PERCENT OF Items.GENRE IN (\"x\")"
                + "~ 27 ~ Expected FROM or PER after PERCENT at column 27, found \"OF\"",
        "QUOTA AT LEAST 30 PERCENT FROM Items.GENRE = CurrentItem.GENRE"
                + "~ 44 ~ Expected IN after Items.GENRE (a quota counts the items with a value in a list: FROM Items.GENRE "
                + "IN (\"value\"), IN ($PARAMETER) or IN CurrentItem.GENRE) at column 44, found \"=\"",
        "QUOTA AT LEAST 30 PERCENT FROM Items.GENRE IN ()"
                + "~ 48 ~ Expected a quoted value such as \"comedy\", * or a $PARAMETER in the list after IN at column 48, found \")\"",
        "QUOTA AT MOST 40 PERCENT PER GENRE"
                + "~ 30 ~ Expected a categorical Items field such as Items.GENRES after PER at column 30, found \"GENRE\"",
        "QUOTA AT MOST 40 PERCENT PER Items.GENRE EXCLUDE ItemID WHERE Items.GENRE IN (\"x\")"
                + "~ 42 ~ Expected | or the end of the expression after a QUOTA clause at column 42, found \"EXCLUDE\"",
        "INCLUDE ItemID WHERE Items.GENRE IN (\"x\") | QUOTA AT MOST 40 PERCENT PER Items.GENRE |"
                + "~ 87 ~ Expected INCLUDE, EXCLUDE or QUOTA at column 87, found end of expression",
    })
    void refusesMalformedQuotaClausesAtTheirPosition(String text, int column, String message) {
        assertThatThrownBy(() -> FilterExpression.parse(text))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void checksTheFieldsAgainstTheSchemasAndCountsThem() {
        CheckedFilter filter = CheckedFilter.of("EXCLUDE ItemID WHERE Items.Price > 50 | QUOTA AT LEAST 30 PERCENT FROM "
                + "items.genre IN CurrentItem.category | QUOTA AT MOST 20 PERCENT FROM Items.CATEGORY IN ($CAT)",
                FilterCheckerTest.SCHEMA);
        assertThat(filter.fields()).extracting(SchemaField::name).containsExactly("Price", "GENRE", "CATEGORY");
        assertThat(filter.parameters()).containsExactly("CAT");
        assertThat(filter.usesCurrentItem()).isTrue();
        assertThat(filter.quotas()).hasSize(2);
        assertThat(filter.field(filter.quotas().get(0).field()).name()).isEqualTo("GENRE");

        CheckedFilter only = CheckedFilter.of("QUOTA AT MOST 40 PERCENT PER Items.GENRE", FilterCheckerTest.SCHEMA);
        assertThat(only.target()).isEqualTo(Expression.Target.ITEM_ID);
        assertThat(only.usesCurrentItem()).isFalse();
        assertThat(only.parameters()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '\'', value = {
        "QUOTA AT MOST 40 PERCENT PER Items.GENRES"
                + "~ 30 ~ Unknown field Items.GENRES at column 30: the Items schema's fields are ITEM_ID, GENRE, CATEGORY, "
                + "CATEGORY_L1, CATEGORY_L2, Price, CREATION_TIMESTAMP, DESCRIPTION, IN_STOCK, TITLE",
        "QUOTA AT MOST 40 PERCENT PER Items.TITLE"
                + "~ 30 ~ Items.TITLE at column 30 is a string field; a quota counts the values of a categorical field "
                + "(\"categorical\": true in the Items schema)",
        "QUOTA AT LEAST 30 PERCENT FROM Items.price IN (\"5\")"
                + "~ 32 ~ Items.Price at column 32 is a float field; a quota counts the values of a categorical field "
                + "(\"categorical\": true in the Items schema)",
        "QUOTA AT MOST 40 PERCENT PER Items.DESCRIPTION"
                + "~ 30 ~ Items.DESCRIPTION at column 30 is a textual field, and filters can't use textual fields. "
                + "Filter on a categorical field instead",
        "QUOTA AT MOST 40 PERCENT PER Users.MEMBERSHIP_STATUS"
                + "~ 30 ~ Users.MEMBERSHIP_STATUS at column 30: a quota counts the values of an Items field of the "
                + "recommended items, e.g. Items.MEMBERSHIP_STATUS",
        "QUOTA AT MOST 40 PERCENT PER CurrentItem.GENRE"
                + "~ 30 ~ CurrentItem.GENRE at column 30: a quota counts the values of an Items field of the "
                + "recommended items, e.g. Items.GENRE",
        "QUOTA AT MOST 40 PERCENT FROM Items.GENRE IN (*)"
                + "~ 46 ~ * at column 46 stands for every event type; a quota counts the values it lists. To cap every "
                + "value of Items.GENRE, write QUOTA AT MOST 40 PERCENT PER Items.GENRE",
        "QUOTA AT LEAST 30 PERCENT FROM Items.GENRE IN CurrentItem.Price"
                + "~ 47 ~ CurrentItem.Price at column 47 is a float field; a quota on the categorical Items.GENRE takes "
                + "the values of a string field of the current item",
        "QUOTA AT LEAST 30 PERCENT FROM Items.GENRE IN CurrentItem.NOPE"
                + "~ 47 ~ Unknown field CurrentItem.NOPE at column 47: the Items schema's fields are ITEM_ID, GENRE, "
                + "CATEGORY, CATEGORY_L1, CATEGORY_L2, Price, CREATION_TIMESTAMP, DESCRIPTION, IN_STOCK, TITLE",
        "INCLUDE UserID WHERE Users.AGE > 3 | QUOTA AT MOST 40 PERCENT PER Items.GENRE"
                + "~ 38 ~ QUOTA at column 38 shares out a list of recommended items, so it can only be part of an ItemID "
                + "filter, not of a filter of UserID",
    })
    void refusesQuotaClausesThatDontFitTheSchemas(String text, int column, String message) {
        assertThatThrownBy(() -> CheckedFilter.of(text, FilterCheckerTest.SCHEMA))
                .isInstanceOfSatisfying(FilterValidationException.class, e -> {
                    assertThat(e).isNotInstanceOf(FilterSyntaxException.class);
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.column()).isEqualTo(column);
                });
    }

    @Test
    void countsQuotaFieldsTowardTheLimitOfTenFields() {
        String fields = "INCLUDE ItemID WHERE Items.GENRE IN (\"a\") AND Items.CATEGORY IN (\"b\") AND Items.CATEGORY_L1 "
                + "IN (\"c\") AND Items.CATEGORY_L2 IN (\"d\") AND Items.Price > 1 AND Items.CREATION_TIMESTAMP > 1 AND "
                + "Items.TITLE IN (\"e\") AND Items.ITEM_ID IN (\"f\") | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN "
                + "(\"x\") IF CurrentUser.AGE > 3";
        assertThat(CheckedFilter.of(fields + " | QUOTA AT MOST 40 PERCENT PER Items.GENRE", FilterCheckerTest.SCHEMA).fields())
                .hasSize(10);
        assertThatThrownBy(() -> CheckedFilter.of(fields + " | QUOTA AT MOST 40 PERCENT FROM Items.GENRE IN "
                + "CurrentUser.MEMBERSHIP_STATUS", FilterCheckerTest.SCHEMA)).isInstanceOf(FilterSyntaxException.class)
                .hasMessageContaining("Expected ( or CurrentItem after IN");
    }

    @Test
    void aQuotasParameterIsRequired() {
        CheckedFilter filter = CheckedFilter.of("EXCLUDE ItemID WHERE Items.CATEGORY IN ($CAT) | QUOTA AT LEAST 30 PERCENT "
                + "FROM Items.GENRE IN ($GENRE)", FilterCheckerTest.SCHEMA);
        assertThatThrownBy(() -> filter.bind(FilterValues.parse(Map.of("CAT", "\"boot\""))))
                .isInstanceOf(FilterRequestException.class)
                .hasMessage("The QUOTA clause at column 49 needs a value for $GENRE in filterValues (a quota's parameters "
                        + "are required)");
        BoundFilter bound = filter.bind(FilterValues.parse(Map.of("GENRE", "\"Comedy\",\"Horror\"")));
        assertThat(bound.expressions()).as("the EXCLUDE without its parameter is left out").isEmpty();
        assertThat(bound.values().get("GENRE")).containsExactly("Comedy", "Horror");
    }

    @Test
    void bindsTheItemsThatCountForEachRequest() {
        CompiledFilter compiled = compile("EXCLUDE ItemID WHERE Items.CATEGORY IN (\"boot\") | QUOTA AT LEAST 50 PERCENT "
                + "FROM Items.GENRE IN ($G) | QUOTA AT MOST 40 PERCENT FROM Items.GENRE IN CurrentItem.GENRE "
                + "| QUOTA AT MOST 30 PERCENT PER Items.GENRE", Map.of("G", "\"Comedy\""));
        assertThat(compiled.hasQuotas()).isTrue();
        FilterContext context = FilterContext.forUser(null, InteractionHistory.none()).withCurrentItem("x9");
        assertThat(compiled.allowedItems(context).itemIds()).containsExactly("i1", "i3", "i4", "i5", "i6");

        List<BoundQuota> quotas = compiled.quotas(context);
        assertThat(members(quotas.get(0))).as("Comedy").containsExactly("i1", "i5");
        assertThat(members(quotas.get(1))).as("Horror or Comedy, the values of x9").containsExactly("i1", "i3", "i5");
        BoundQuota perGenre = quotas.get(2);
        assertThat(perGenre.valueCount()).isEqualTo(3);
        assertThat(perGenre.valuesOf(0)).as("i1 counts toward Comedy and Drama").hasSize(2);
        assertThat(perGenre.valuesOf(1)).hasSize(1).doesNotContain(perGenre.valuesOf(2)[0]);
        assertThat(perGenre.valuesOf(3)).as("i4 has no genre").isEmpty();
        assertThat(perGenre.valuesOf(5)).as("i6 has no attributes").isEmpty();
        assertThat(perGenre.valuesOf(-1)).isEmpty();

        AllowedItems comedyAllowed = quotas.get(0).within(compiled.allowedItems(context));
        assertThat(comedyAllowed.itemIds()).containsExactly("i1", "i5");

        assertThat(members(compile("QUOTA AT LEAST 10 PERCENT FROM Items.GENRE IN CurrentItem.GENRE", Map.of())
                .quotas(FilterContext.forUser(null, InteractionHistory.none()).withCurrentItem("i4")).get(0)))
                .as("a current item without a value: nothing counts").isEmpty();
    }

    @Test
    void aCurrentItemQuotaNeedsAnItemAndAQuotaOnlyFilterAllowsEveryItem() {
        CompiledFilter related = compile("QUOTA AT LEAST 30 PERCENT FROM Items.GENRE IN CurrentItem.GENRE", Map.of());
        FilterContext noItem = FilterContext.forUser("u1", InteractionHistory.none());
        assertThatThrownBy(() -> related.allowedItems(noItem)).isInstanceOf(FilterRequestException.class)
                .hasMessageContaining("CurrentItem");
        assertThatThrownBy(() -> related.quotas(noItem)).isInstanceOf(FilterRequestException.class)
                .hasMessage("The QUOTA clause at column 1 uses CurrentItem, which needs an item: use it with a "
                        + "related-items recipe and an itemId in the request");

        CompiledFilter only = compile("QUOTA AT MOST 40 PERCENT PER Items.GENRE", Map.of());
        assertThat(only.allowedItems(noItem).count()).isEqualTo(6);
        assertThat(compile("EXCLUDE ItemID WHERE Items.PRICE > 1", Map.of()).hasQuotas()).isFalse();
    }

    private static CompiledFilter compile(String text, Map<String, String> values) {
        return CompiledFilter.compile(CheckedFilter.of(text, FilterCheckerTest.SCHEMA).bind(FilterValues.parse(values)),
                CATALOG);
    }

    private static List<String> members(BoundQuota quota) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CATALOG.catalog().size(); i++) {
            if (quota.counts(i)) {
                ids.add(CATALOG.catalog().idOf(i));
            }
        }
        return ids;
    }
}
