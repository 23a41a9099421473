package io.tastemaker.engine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.ItemAttributes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledFilterTest {

    private static final double NONE = Double.NaN;

    /** i6 is in the catalog but has no attributes; x9 has attributes but is not a candidate. */
    private static final ItemAttributes ATTRIBUTES = ItemAttributes.builder(List.of("GENRE", "CATEGORY"), List.of(),
                    List.of("PRICE"))
            .add("i1", new String[] {"Comedy|Drama", "shoe"}, null, new double[] {10}, 100)
            .add("i2", new String[] {"Drama", "boot"}, null, new double[] {20}, 200)
            .add("i3", new String[] {"Horror", "shoe"}, null, new double[] {30}, ItemAttributes.UNKNOWN_TIME)
            .add("i4", new String[] {"", "shoe"}, null, new double[] {NONE}, 400)
            .add("i5", new String[] {"Comedy", null}, null, new double[] {5}, 500)
            .add("x9", new String[] {"Horror|Comedy", "boot"}, null, new double[] {25}, 900)
            .build();
    private static final CatalogIndex CATALOG = CatalogIndex.of(IdDictionary.of("i1", "i2", "i3", "i4", "i5", "i6"),
            ATTRIBUTES);

    private static final MapHistory HISTORY = new MapHistory()
            .add("u1", "Click", "i1", "i2", "i1", "gone")
            .add("u1", "stream", "i3")
            .add("u1", "purchase", "i5");

    private static List<String> allowed(String filter, Map<String, String> values, FilterContext context) {
        BoundFilter bound = CheckedFilter.of(filter, FilterCheckerTest.SCHEMA).bind(FilterValues.parse(values));
        return CompiledFilter.compile(bound, CATALOG).allowedItems(context).itemIds();
    }

    private static List<String> allowed(String filter) {
        return allowed(filter, Map.of(), FilterContext.forUser("u1", HISTORY));
    }

    @Test
    void includesUniteExcludesUniteAndExcludesWin() {
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRE IN (\"Drama\") | INCLUDE ItemID WHERE Items.GENRE IN (\"Horror\")"))
                .containsExactly("i1", "i2", "i3");
        assertThat(allowed("EXCLUDE ItemID WHERE Items.GENRE IN (\"Drama\") | EXCLUDE ItemID WHERE Items.GENRE IN (\"Horror\")"))
                .as("no INCLUDE: every catalog item, less the excluded").containsExactly("i4", "i5", "i6");
        String mixed = "EXCLUDE ItemID WHERE Items.CATEGORY IN (\"boot\") | INCLUDE ItemID WHERE Items.GENRE IN (\"Drama\") "
                + "| EXCLUDE ItemID WHERE Items.PRICE < 15 | INCLUDE ItemID WHERE Items.GENRE IN (\"Comedy\", \"Horror\")";
        assertThat(allowed(mixed)).as("(Drama ∪ Comedy/Horror) − (boot ∪ price < 15), in any order").containsExactly("i3");
    }

    @Test
    void andBindsTighterThanOrInEvaluation() {
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRE IN (\"Horror\") OR Items.GENRE IN (\"Comedy\") AND Items.PRICE > 7"))
                .as("Horror, or (Comedy and price > 7)").containsExactly("i1", "i3");
    }

    @Test
    void multiValuedCategoricalFieldsMatchOnAnyValueAndMissingValuesNeverMatch() {
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRE IN (\"Comedy\")")).containsExactly("i1", "i5");
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRE NOT IN (\"Comedy\")"))
                .as("i1 is Comedy|Drama; i4 and i6 have no genre").containsExactly("i2", "i3");
        assertThat(allowed("EXCLUDE ItemID WHERE Items.GENRE NOT IN (\"Comedy\")"))
                .as("so an EXCLUDE keeps items without a value").containsExactly("i1", "i4", "i5", "i6");
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRE IN (\"comedy\")")).as("values match exactly").isEmpty();
        assertThat(allowed("EXCLUDE ItemID WHERE Items.CATEGORY_L1 IN (\"shoe\")"))
                .as("a schema field the attributes lack has no values").hasSize(6);
    }

    @Test
    void comparesNumbersAndCreationTimesLeavingOutMissingValues() {
        assertThat(allowed("INCLUDE ItemID WHERE Items.PRICE < 20")).containsExactly("i1", "i5");
        assertThat(allowed("INCLUDE ItemID WHERE Items.PRICE <= 20")).containsExactly("i1", "i2", "i5");
        assertThat(allowed("INCLUDE ItemID WHERE Items.PRICE > 20")).containsExactly("i3");
        assertThat(allowed("INCLUDE ItemID WHERE Items.PRICE >= 20")).containsExactly("i2", "i3");
        assertThat(allowed("INCLUDE ItemID WHERE Items.PRICE = 20")).containsExactly("i2");
        assertThat(allowed("INCLUDE ItemID WHERE Items.PRICE != 20")).containsExactly("i1", "i3", "i5");
        assertThat(allowed("INCLUDE ItemID WHERE Items.PRICE > -1e3")).as("i4 and i6 have no price")
                .containsExactly("i1", "i2", "i3", "i5");
        assertThat(allowed("INCLUDE ItemID WHERE Items.CREATION_TIMESTAMP < $DATE", Map.of("DATE", "400"),
                FilterContext.forUser("u1", HISTORY))).as("i3's time is unknown").containsExactly("i1", "i2");
    }

    @Test
    void matchesItemIds() {
        assertThat(allowed("INCLUDE ItemID WHERE Items.ITEM_ID IN ($IDS)", Map.of("IDS", "\"i2\",\"i6\",\"x9\""),
                FilterContext.forUser("u1", HISTORY))).containsExactly("i2", "i6");
        assertThat(allowed("EXCLUDE ItemID WHERE Items.ITEM_ID NOT IN (\"i2\")")).containsExactly("i2");
    }

    @Test
    void readsTheUsersInteractionsIgnoringTheCaseOfEventTypes() {
        assertThat(allowed("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\", \"STREAM\")"))
                .containsExactly("i4", "i5", "i6");
        assertThat(allowed("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"Purchase\")")).containsExactly("i5");
        assertThat(allowed("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (*)")).containsExactly("i1", "i2", "i3", "i5");
        assertThat(allowed("INCLUDE ItemID WHERE Interactions.EVENT_TYPE NOT IN (\"click\")"))
                .as("items with an interaction of another type").containsExactly("i3", "i5");
        assertThat(allowed("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN ($TYPES)", Map.of("TYPES", "\"*\""),
                FilterContext.forUser("u1", HISTORY))).containsExactly("i4", "i6");
        assertThat(allowed("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\") AND Interactions.EVENT_TYPE "
                + "IN (\"stream\") OR Interactions.EVENT_TYPE IN (\"purchase\")")).containsExactly("i5");
        assertThat(allowed("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (*)", Map.of(),
                FilterContext.forUser("stranger", HISTORY))).hasSize(6);
        assertThat(allowed("INCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (*)", Map.of(),
                new FilterContext(null, HISTORY, Map.of(), "i1"))).as("no user, no interactions").isEmpty();
    }

    @Test
    void considersOnlyTheNewestHundredInteractionsPerEventType() {
        MapHistory history = new MapHistory();
        String[] items = new String[101];
        for (int k = 0; k < items.length; k++) {
            items[k] = k == 100 ? "i6" : "i1";
        }
        history.add("u", "view", items).add("u", "like", "i2");

        assertThat(allowed("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (*)", Map.of(), FilterContext.forUser("u", history)))
                .as("i6 is the 101st newest view").containsExactly("i3", "i4", "i5", "i6");
    }

    @Test
    void appliesAnExpressionOnlyWhenItsIfConditionsHoldForTheRequestingUser() {
        String filter = "EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) IF CurrentUser.AGE < $AGE AND "
                + "CurrentUser.MEMBERSHIP_STATUS IN (\"free\")";
        Map<String, String> values = Map.of("GENRE", "\"Horror\"", "AGE", "18");
        FilterContext user = FilterContext.forUser("u1", HISTORY);

        assertThat(allowed(filter, values, user.withCurrentUser(Map.of("AGE", "12", "MEMBERSHIP_STATUS", "trial|free"))))
                .doesNotContain("i3").hasSize(5);
        assertThat(allowed(filter, values, user.withCurrentUser(Map.of("age", "12", "membership_status", "free"))))
                .as("attribute names match ignoring case").doesNotContain("i3");
        assertThat(allowed(filter, values, user.withCurrentUser(Map.of("AGE", "30", "MEMBERSHIP_STATUS", "free"))))
                .hasSize(6);
        assertThat(allowed(filter, values, user.withCurrentUser(Map.of("AGE", "12", "MEMBERSHIP_STATUS", "paid"))))
                .hasSize(6);
        assertThat(allowed(filter, values, user.withCurrentUser(Map.of("MEMBERSHIP_STATUS", "free"))))
                .as("a missing attribute makes the condition false").hasSize(6);
        assertThat(allowed("INCLUDE ItemID WHERE Items.GENRE IN (\"Horror\") IF CurrentUser.AGE >= 18", Map.of(),
                user.withCurrentUser(Map.of("AGE", "12"))))
                .as("an INCLUDE that doesn't apply restricts nothing").hasSize(6);
    }

    @Test
    void leavesOutExcludeExpressionsWhoseParametersAreMissing() {
        String filter = "INCLUDE ItemID WHERE Items.GENRE IN ($GENRE) | EXCLUDE ItemID WHERE Items.PRICE > $MAX";
        FilterContext user = FilterContext.forUser("u1", HISTORY);

        assertThat(allowed(filter, Map.of("GENRE", "\"Comedy\",\"Horror\"", "MAX", "9"), user)).containsExactly("i5");
        assertThat(allowed(filter, Map.of("GENRE", "\"Comedy\",\"Horror\""), user)).containsExactly("i1", "i3", "i5");
        assertThatThrownBy(() -> allowed(filter, Map.of("MAX", "9"), user))
                .isInstanceOf(FilterRequestException.class)
                .hasMessageContaining("needs a value for $GENRE");
    }

    @Test
    void comparesWithTheCurrentItemOfARelatedItemsRequest() {
        String filter = "INCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE AND Items.GENRE IN CurrentItem.GENRE";
        FilterContext user = FilterContext.forUser("u1", HISTORY);

        assertThat(allowed(filter, Map.of(), user.withCurrentItem("i2"))).as("cheaper than 20 and a Drama")
                .containsExactly("i1");
        assertThat(allowed(filter, Map.of(), user.withCurrentItem("x9"))).as("the item need not be a candidate")
                .containsExactly("i1", "i5");
        assertThat(allowed(filter, Map.of(), user.withCurrentItem("i4"))).as("i4 has neither price nor genre").isEmpty();
        assertThat(allowed(filter, Map.of(), user.withCurrentItem("unknown"))).isEmpty();
        assertThat(allowed("EXCLUDE ItemID WHERE Items.GENRE NOT IN CurrentItem.GENRE", Map.of(),
                user.withCurrentItem("i5"))).as("keep items sharing a genre, and those without").containsExactly("i1", "i4", "i5", "i6");
        assertThatThrownBy(() -> allowed(filter, Map.of(), user))
                .isInstanceOf(FilterRequestException.class)
                .hasMessage("The filter uses CurrentItem, which needs an item: use it with a related-items recipe and an "
                        + "itemId in the request");
    }

    @Test
    void returnsAFreshBitsetOverTheCatalogEachTime() {
        CompiledFilter filter = CompiledFilter.compile(CheckedFilter.of("INCLUDE ItemID WHERE Items.GENRE IN (\"Drama\")",
                FilterCheckerTest.SCHEMA).bind(FilterValues.empty()), CATALOG);
        AllowedItems first = filter.allowedItems(FilterContext.forUser("u1", HISTORY));
        first.words()[0] = -1L;
        AllowedItems second = filter.allowedItems(FilterContext.forUser("u1", HISTORY));

        assertThat(second.count()).isEqualTo(2);
        assertThat(second.contains("i1")).isTrue();
        assertThat(second.contains(CATALOG.catalog().indexOf("i3"))).isFalse();
        assertThat(second.contains("x9")).isFalse();
        assertThat(second.words()).hasSize(1);
    }

    @Test
    void evaluatesOnlyItemIdFilters() {
        BoundFilter segments = CheckedFilter.of("INCLUDE UserID WHERE Users.MEMBERSHIP_STATUS IN (\"gold\")",
                FilterCheckerTest.SCHEMA).bind(FilterValues.empty());

        assertThatThrownBy(() -> CompiledFilter.compile(segments, CATALOG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CompiledFilter evaluates ItemID filters; UserID filters (user segments) are not supported yet");
    }
}
