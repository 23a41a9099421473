package io.tastemaker.engine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FilterExpressionTest {

    /** Every example of the reference's §1.16 (Personalize's item-recommendation filter examples). */
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
    })
    void parsesEveryDocumentedExample(String text) {
        FilterExpression filter = FilterExpression.parse(text);

        assertThat(filter.text()).isEqualTo(text);
        assertThat(FilterExpression.parse(filter.toString())).as("printing is parseable and stable")
                .hasToString(filter.toString());
    }

    @Test
    void buildsTheTreeOfAnExpressionWithIfAndCurrentItem() {
        String text = "INCLUDE ItemID WHERE Items.PRICE < CurrentItem.PRICE AND Items.GENRE IN CurrentItem.GENRE "
                + "| EXCLUDE ItemID WHERE Items.GENRE IN ($GENRE) IF CurrentUser.AGE >= 18 AND CurrentUser.TIER IN (\"gold\")";
        FilterExpression filter = FilterExpression.parse(text);

        Expression include = filter.expressions().get(0);
        assertThat(include.action()).isEqualTo(Expression.Action.INCLUDE);
        assertThat(include.target()).isEqualTo(Expression.Target.ITEM_ID);
        Condition.And and = (Condition.And) include.where();
        Comparison price = (Comparison) and.operands().get(0);
        assertThat(price.field()).isEqualTo(new FieldRef(FieldRef.Qualifier.ITEMS, "PRICE", 21));
        assertThat(price.operator()).isEqualTo(Operator.LESS);
        assertThat(price.operand()).isEqualTo(new Operand.CurrentItemField("PRICE", text.indexOf("CurrentItem")));
        assertThat(include.when()).isEmpty();

        Expression exclude = filter.expressions().get(1);
        assertThat(exclude.action()).isEqualTo(Expression.Action.EXCLUDE);
        assertThat(((Comparison) exclude.where()).operand()).isEqualTo(new Operand.Parameter("GENRE", text.indexOf("$GENRE")));
        assertThat(exclude.when()).hasSize(2);
        assertThat(exclude.when().get(0).operand()).isEqualTo(new Operand.Number(18, "18", text.indexOf("18")));
        assertThat(exclude.when().get(1).operand()).isEqualTo(new Operand.Values(List.of("gold"), text.indexOf("(\"gold")));
    }

    @Test
    void andBindsTighterThanOr() {
        Expression e = FilterExpression.parse("INCLUDE ItemID WHERE Items.A IN (\"a\") OR Items.B IN (\"b\") AND Items.C > 1 "
                + "OR Items.D < 2").expressions().get(0);

        Condition.Or or = (Condition.Or) e.where();
        assertThat(or.operands()).hasSize(3);
        assertThat(or.operands().get(0)).isInstanceOf(Comparison.class);
        assertThat(or.operands().get(1)).isInstanceOf(Condition.And.class);
        assertThat(((Condition.And) or.operands().get(1)).operands()).hasSize(2);
        assertThat(or.operands().get(2)).isInstanceOf(Comparison.class);
    }

    @Test
    void keywordsAndQualifiersIgnoreCaseButParametersDoNot() {
        Expression e = FilterExpression.parse("include itemid where items.genre not in ($Genre) if currentuser.age > -1.5e1")
                .expressions().get(0);

        assertThat(e.action()).isEqualTo(Expression.Action.INCLUDE);
        Comparison genre = (Comparison) e.where();
        assertThat(genre.field().qualifier()).isEqualTo(FieldRef.Qualifier.ITEMS);
        assertThat(genre.field().name()).as("field names are kept as written; the checker matches them").isEqualTo("genre");
        assertThat(genre.operator()).isEqualTo(Operator.NOT_IN);
        assertThat(genre.operand()).isEqualTo(new Operand.Parameter("Genre", 41));
        assertThat(((Operand.Number) e.when().get(0).operand()).value()).isEqualTo(-15.0);
    }

    @Test
    void readsEscapesAndWildcards() {
        Comparison c = (Comparison) FilterExpression.parse(
                "EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"say \\\"hi\\\"\", \"back\\\\slash\", *, \"*\")")
                .expressions().get(0).where();

        Operand.Values values = (Operand.Values) c.operand();
        assertThat(values.values()).containsExactly("say \"hi\"", "back\\slash", "*", "*");
        assertThat(values.hasWildcard()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '~', quoteCharacter = '\'', value = {
        "INCLUDE ItemID WHERE Items.GENRE LIKE (\"x\")"
                + "~ 34 ~ Expected IN, NOT IN, =, !=, <, <=, > or >= after Items.GENRE at column 34, found \"LIKE\"",
        "INCLUDE ItemID Items.GENRE IN (\"x\")"
                + "~ 16 ~ Expected WHERE after ItemID at column 16, found \"Items\"",
        "KEEP ItemID WHERE Items.GENRE IN (\"x\")"
                + "~ 1 ~ Expected INCLUDE, EXCLUDE or QUOTA at column 1, found \"KEEP\"",
        "INCLUDE Item WHERE Items.GENRE IN (\"x\")"
                + "~ 9 ~ Expected ItemID, UserID or ActionID after INCLUDE at column 9, found \"Item\"",
        "INCLUDE ItemID WHERE Item.GENRE IN (\"x\")"
                + "~ 22 ~ Expected a field such as Items.GENRE, Users.AGE, Interactions.EVENT_TYPE or CurrentUser.AGE at column 22, found \"Item\"",
        "INCLUDE ItemID WHERE Items.GENRE IN \"x\""
                + "~ 37 ~ Expected ( or CurrentItem after IN at column 37, found \"x\"",
        "INCLUDE ItemID WHERE Items.GENRE IN (\"x\" \"y\")"
                + "~ 42 ~ Expected , or ) in the list after IN at column 42, found \"y\"",
        "INCLUDE ItemID WHERE Items.GENRE IN ()"
                + "~ 38 ~ Expected a quoted value such as \"comedy\", * or a $PARAMETER in the list after IN at column 38, found \")\"",
        "INCLUDE ItemID WHERE Items.GENRE IN (1999)"
                + "~ 38 ~ Expected a quoted value such as \"comedy\", * or a $PARAMETER in the list after IN at column 38, found \"1999\"",
        "INCLUDE ItemID WHERE Items.GENRE IN ($A, $B)"
                + "~ 40 ~ Expected ) after $A (a parameter stands for the whole list) at column 40, found \",\"",
        "INCLUDE ItemID WHERE Items.PRICE > \"10\""
                + "~ 36 ~ Expected a number, a $PARAMETER or CurrentItem.field after > (strings are matched with IN or NOT IN) at column 36, found \"10\"",
        "INCLUDE ItemID WHERE Items.GENRE NOT (\"x\")"
                + "~ 38 ~ Expected IN after NOT at column 38, found \"(\"",
        "INCLUDE ItemID WHERE (Items.A IN (\"a\") OR Items.B IN (\"b\"))"
                + "~ 22 ~ Expected a field such as Items.GENRE (Personalize's filters have no grouping parentheses; AND binds tighter than OR) at column 22, found \"(\"",
        "INCLUDE ItemID WHERE Items.GENRE IN (\"x\") |"
                + "~ 44 ~ Expected INCLUDE, EXCLUDE or QUOTA at column 44, found end of expression",
        "INCLUDE ItemID WHERE Items.GENRE IN (\"x\") EXCLUDE ItemID WHERE Items.A IN (\"y\")"
                + "~ 43 ~ Expected AND, OR, IF, | or the end of the expression at column 43, found \"EXCLUDE\"",
        "INCLUDE ItemID WHERE Items.GENRE IN (\"x\") IF CurrentUser.AGE > 1 OR CurrentUser.AGE < 0"
                + "~ 66 ~ IF conditions can only be joined with AND: expected AND, | or the end of the expression at column 66, found \"OR\"",
        "INCLUDE ItemID WHERE Items.GENRE IN (\"x\") IF CurrentUser.AGE > 1 IF CurrentUser.TIER IN (\"a\")"
                + "~ 66 ~ IF can be used only once per expression (the first is at column 43); join its conditions with AND instead of a second IF at column 66",
        "INCLUDE ItemID WHERE Items.GENRE IN (\"x)"
                + "~ 38 ~ Expected \" to close the string that starts at column 38, found end of expression",
        "INCLUDE ItemID WHERE Items.PRICE ! 3"
                + "~ 34 ~ Expected != at column 34, found \"!\"",
        "INCLUDE ItemID WHERE Items.PRICE < $"
                + "~ 36 ~ Expected a parameter name (letters, digits, _) after $ at column 36, found end of expression",
        "INCLUDE ItemID WHERE Items.PRICE < 3 # comment"
                + "~ 38 ~ Unexpected character \"#\" at column 38",
        "INCLUDE ItemID WHERE Items.GENRE IN (\"x\") AND"
                + "~ 46 ~ Expected a field such as Items.GENRE, Users.AGE, Interactions.EVENT_TYPE or CurrentUser.AGE at column 46, found end of expression",
    })
    void reportsWhatWasExpectedWhereAndWhatWasFound(String text, int column, String message) {
        assertThatThrownBy(() -> FilterExpression.parse(text))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.offset()).isEqualTo(column - 1);
                });
    }

    @Test
    void refusesBlankAndOverlongExpressionsAndLongParameterNames() {
        assertThatThrownBy(() -> FilterExpression.parse("   "))
                .hasMessage("Expected INCLUDE, EXCLUDE or QUOTA at column 4, found end of expression");
        String longest = "INCLUDE ItemID WHERE Items.GENRE IN (\"" + "x".repeat(FilterExpression.MAX_LENGTH - 40) + "\")";
        assertThat(longest).hasSize(FilterExpression.MAX_LENGTH);
        assertThat(FilterExpression.parse(longest).expressions()).hasSize(1);
        assertThatThrownBy(() -> FilterExpression.parse(longest + " "))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("The filter expression has 2501 characters; at most 2500 are allowed");
        String name = "P".repeat(51);
        assertThatThrownBy(() -> FilterExpression.parse("INCLUDE ItemID WHERE Items.PRICE < $" + name))
                .hasMessage("Parameter $" + name + " at column 36 has 51 characters; parameter names have at most 50");
    }
}
