package io.tastemaker.engine.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * The recursive-descent parser for the grammar in the {@linkplain io.tastemaker.engine.filter package
 * documentation}: one method per rule, one token of look-ahead.
 */
final class FilterParser {

    private static final String COMPARISON_OPERATORS = "IN, NOT IN, =, !=, <, <=, > or >=";

    private final String text;
    private final Lexer lexer;
    private Token current;

    FilterParser(String text) {
        this.text = text;
        this.lexer = new Lexer(text);
    }

    /** filter = element { "|" element } end ; element = expression | quota */
    FilterExpression filter() {
        if (text.length() > FilterExpression.MAX_LENGTH) {
            throw new FilterSyntaxException("The filter expression has " + text.length()
                    + " characters; at most " + FilterExpression.MAX_LENGTH + " are allowed", FilterExpression.MAX_LENGTH);
        }
        current = lexer.next();
        List<Expression> expressions = new ArrayList<>();
        List<Quota> quotas = new ArrayList<>();
        boolean lastWasQuota = element(expressions, quotas);
        while (current.kind() == Token.Kind.PIPE) {
            advance();
            lastWasQuota = element(expressions, quotas);
        }
        if (current.kind() != Token.Kind.END) {
            throw FilterSyntaxException.expected(lastWasQuota ? "Expected | or the end of the expression after a QUOTA clause"
                    : "Expected AND, OR, IF, | or the end of the expression", current);
        }
        return new FilterExpression(text, expressions, quotas);
    }

    /** element = expression | quota; whether it was a quota. */
    private boolean element(List<Expression> expressions, List<Quota> quotas) {
        if (current.isWord("QUOTA")) {
            quotas.add(quota());
            return true;
        }
        expressions.add(expression());
        return false;
    }

    /**
     * quota = QUOTA ( AT LEAST | AT MOST ) percent PERCENT ( FROM field IN list-operand | PER field ) ;
     * percent = a whole number from 1 to 100
     */
    private Quota quota() {
        int offset = current.offset();
        advance();
        if (!current.isWord("AT")) {
            throw FilterSyntaxException.expected("Expected AT LEAST or AT MOST after QUOTA", current);
        }
        advance();
        Quota.Bound bound;
        if (current.isWord("LEAST")) {
            bound = Quota.Bound.AT_LEAST;
        } else if (current.isWord("MOST")) {
            bound = Quota.Bound.AT_MOST;
        } else {
            throw FilterSyntaxException.expected("Expected LEAST or MOST after QUOTA AT", current);
        }
        advance();
        int percent = percent(bound);
        if (!current.isWord("PERCENT")) {
            throw FilterSyntaxException.expected("Expected PERCENT after " + bound.keywords() + " " + percent, current);
        }
        advance();
        if (current.isWord("FROM")) {
            advance();
            FieldRef field = quotaField("FROM");
            if (!current.isWord("IN")) {
                throw FilterSyntaxException.expected("Expected IN after " + field + " (a quota counts the items with a value "
                        + "in a list: FROM " + field + " IN (\"value\"), IN ($PARAMETER) or IN CurrentItem." + field.name() + ")",
                        current);
            }
            advance();
            return new Quota(bound, percent, field, membershipOperand(Operator.IN), offset);
        }
        if (current.isWord("PER")) {
            if (bound == Quota.Bound.AT_LEAST) {
                throw new FilterSyntaxException("PER at column " + (current.offset() + 1) + " caps every value of a field, "
                        + "so it goes with AT MOST; AT LEAST takes FROM and the values that count, e.g. QUOTA AT LEAST "
                        + percent + " PERCENT FROM Items.GENRES IN (\"comedy\")", current.offset());
            }
            advance();
            return new Quota(bound, percent, quotaField("PER"), null, offset);
        }
        throw FilterSyntaxException.expected("Expected FROM or PER after PERCENT", current);
    }

    /** A whole number of percent from 1 to 100. */
    private int percent(Quota.Bound bound) {
        Token token = current;
        if (token.kind() != Token.Kind.NUMBER) {
            throw FilterSyntaxException.expected("Expected a whole number of percent from 1 to 100 after " + bound.keywords(),
                    token);
        }
        String digits = token.text();
        boolean whole = digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!whole || digits.length() > 3 || Integer.parseInt(digits) < Quota.MIN_PERCENT
                || Integer.parseInt(digits) > Quota.MAX_PERCENT) {
            throw new FilterSyntaxException("The percentage " + digits + " at column " + (token.offset() + 1)
                    + " must be a whole number from 1 to 100", token.offset());
        }
        advance();
        return Integer.parseInt(digits);
    }

    /** The field after FROM or PER: a qualifier, a dot and a name (the checker wants an Items field). */
    private FieldRef quotaField(String after) {
        for (FieldRef.Qualifier candidate : FieldRef.Qualifier.values()) {
            if (current.isWord(candidate.keyword())) {
                return field();
            }
        }
        throw FilterSyntaxException.expected("Expected a categorical Items field such as Items.GENRES after " + after,
                current);
    }

    /** expression = ( INCLUDE | EXCLUDE ) ( ItemID | UserID | ActionID ) WHERE disjunction [ if-clause ] */
    private Expression expression() {
        int offset = current.offset();
        Expression.Action action;
        if (current.isWord("INCLUDE")) {
            action = Expression.Action.INCLUDE;
        } else if (current.isWord("EXCLUDE")) {
            action = Expression.Action.EXCLUDE;
        } else {
            throw FilterSyntaxException.expected("Expected INCLUDE, EXCLUDE or QUOTA", current);
        }
        advance();
        Expression.Target target = null;
        for (Expression.Target candidate : Expression.Target.values()) {
            if (current.isWord(candidate.keyword())) {
                target = candidate;
            }
        }
        if (target == null) {
            throw FilterSyntaxException.expected("Expected ItemID, UserID or ActionID after " + action, current);
        }
        advance();
        if (!current.isWord("WHERE")) {
            throw FilterSyntaxException.expected("Expected WHERE after " + target.keyword(), current);
        }
        advance();
        Condition where = disjunction();
        List<Comparison> when = List.of();
        if (current.isWord("IF")) {
            when = ifClause();
        }
        return new Expression(action, target, where, when, offset);
    }

    /** disjunction = conjunction { OR conjunction } */
    private Condition disjunction() {
        List<Condition> operands = new ArrayList<>();
        operands.add(conjunction());
        while (current.isWord("OR")) {
            advance();
            operands.add(conjunction());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
    }

    /** conjunction = comparison { AND comparison } */
    private Condition conjunction() {
        List<Condition> operands = new ArrayList<>();
        operands.add(comparison());
        while (current.isWord("AND")) {
            advance();
            operands.add(comparison());
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.And(operands);
    }

    /** if-clause = IF comparison { AND comparison } */
    private List<Comparison> ifClause() {
        Token ifToken = current;
        advance();
        List<Comparison> conditions = new ArrayList<>();
        conditions.add(comparison());
        while (current.isWord("AND")) {
            advance();
            conditions.add(comparison());
        }
        if (current.isWord("IF")) {
            throw new FilterSyntaxException("IF can be used only once per expression (the first is at column "
                    + (ifToken.offset() + 1) + "); join its conditions with AND instead of a second IF at column "
                    + (current.offset() + 1), current.offset());
        }
        if (current.isWord("OR")) {
            throw FilterSyntaxException.expected("IF conditions can only be joined with AND: expected AND, | or the end "
                    + "of the expression", current);
        }
        return conditions;
    }

    /**
     * comparison = field ( ( IN | NOT IN ) membership-operand | comparison-operator scalar-operand )
     */
    private Comparison comparison() {
        FieldRef field = field();
        if (current.isWord("IN")) {
            advance();
            return new Comparison(field, Operator.IN, membershipOperand(Operator.IN));
        }
        if (current.isWord("NOT")) {
            advance();
            if (!current.isWord("IN")) {
                throw FilterSyntaxException.expected("Expected IN after NOT", current);
            }
            advance();
            return new Comparison(field, Operator.NOT_IN, membershipOperand(Operator.NOT_IN));
        }
        if (current.kind() == Token.Kind.COMPARISON) {
            Operator operator = Operator.comparison(current.text());
            advance();
            return new Comparison(field, operator, scalarOperand(operator));
        }
        throw FilterSyntaxException.expected("Expected " + COMPARISON_OPERATORS + " after " + field, current);
    }

    /** field = qualifier "." name */
    private FieldRef field() {
        Token qualifierToken = current;
        FieldRef.Qualifier qualifier = null;
        for (FieldRef.Qualifier candidate : FieldRef.Qualifier.values()) {
            if (current.isWord(candidate.keyword())) {
                qualifier = candidate;
            }
        }
        if (qualifier == null) {
            if (current.kind() == Token.Kind.OPEN) {
                throw FilterSyntaxException.expected("Expected a field such as Items.GENRE (Personalize's filters have "
                        + "no grouping parentheses; AND binds tighter than OR)", current);
            }
            throw FilterSyntaxException.expected("Expected a field such as Items.GENRE, Users.AGE, "
                    + "Interactions.EVENT_TYPE or CurrentUser.AGE", current);
        }
        advance();
        String name = fieldName(qualifier.keyword());
        return new FieldRef(qualifier, name, qualifierToken.offset());
    }

    private String fieldName(String qualifier) {
        if (current.kind() != Token.Kind.DOT) {
            throw FilterSyntaxException.expected("Expected . and a field name after " + qualifier, current);
        }
        advance();
        if (current.kind() != Token.Kind.WORD) {
            throw FilterSyntaxException.expected("Expected a field name after " + qualifier + ".", current);
        }
        String name = current.text();
        advance();
        return name;
    }

    /**
     * membership-operand = "(" ( parameter | list-value { "," list-value } ) ")" | current-item ;
     * list-value = string | "*"
     */
    private Operand membershipOperand(Operator operator) {
        if (current.isWord("CurrentItem")) {
            return currentItem();
        }
        if (current.kind() != Token.Kind.OPEN) {
            throw FilterSyntaxException.expected("Expected ( or CurrentItem after " + operator.symbol(), current);
        }
        int offset = current.offset();
        advance();
        if (current.kind() == Token.Kind.PARAMETER) {
            Operand.Parameter parameter = new Operand.Parameter(current.value(), current.offset());
            advance();
            if (current.kind() != Token.Kind.CLOSE) {
                throw FilterSyntaxException.expected("Expected ) after " + parameter
                        + " (a parameter stands for the whole list)", current);
            }
            advance();
            return parameter;
        }
        List<String> values = new ArrayList<>();
        while (true) {
            if (current.kind() == Token.Kind.STRING) {
                values.add(current.value());
            } else if (current.kind() == Token.Kind.STAR) {
                values.add(Operand.WILDCARD);
            } else {
                String what = values.isEmpty() ? "a quoted value such as \"comedy\", * or a $PARAMETER" : "a quoted value or *";
                throw FilterSyntaxException.expected("Expected " + what + " in the list after " + operator.symbol(), current);
            }
            advance();
            if (current.kind() == Token.Kind.CLOSE) {
                advance();
                return new Operand.Values(values, offset);
            }
            if (current.kind() != Token.Kind.COMMA) {
                throw FilterSyntaxException.expected("Expected , or ) in the list after " + operator.symbol(), current);
            }
            advance();
        }
    }

    /** scalar-operand = number | parameter | current-item */
    private Operand scalarOperand(Operator operator) {
        Token token = current;
        switch (token.kind()) {
            case NUMBER:
                double value = Double.parseDouble(token.text());
                if (Double.isInfinite(value)) {
                    throw new FilterSyntaxException("The number " + token.text() + " at column " + (token.offset() + 1)
                            + " is too large", token.offset());
                }
                advance();
                return new Operand.Number(value, token.text(), token.offset());
            case PARAMETER:
                advance();
                return new Operand.Parameter(token.value(), token.offset());
            default:
                if (token.isWord("CurrentItem")) {
                    return currentItem();
                }
                String hint = token.kind() == Token.Kind.STRING ? " (strings are matched with IN or NOT IN)" : "";
                throw FilterSyntaxException.expected("Expected a number, a $PARAMETER or CurrentItem.field after "
                        + operator.symbol() + hint, token);
        }
    }

    /** current-item = CurrentItem "." name */
    private Operand currentItem() {
        int offset = current.offset();
        advance();
        return new Operand.CurrentItemField(fieldName("CurrentItem"), offset);
    }

    private void advance() {
        current = lexer.next();
    }
}
