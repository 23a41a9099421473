package io.tastemaker.engine.filter;

import java.util.List;
import java.util.Objects;

/**
 * {@code <field> <operator> <operand>}, e.g. {@code Items.GENRE IN ("comedy", "drama")} or
 * {@code Items.PRICE <= $PRICE}.
 */
public record Comparison(FieldRef field, Operator operator, Operand operand) implements Condition {

    public Comparison {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operand, "operand");
    }

    @Override
    public List<Comparison> comparisons() {
        return List.of(this);
    }

    @Override
    public String toString() {
        boolean parenthesised = operator.isMembership() && operand instanceof Operand.Parameter;
        return field + " " + operator.symbol() + " " + (parenthesised ? "(" + operand + ")" : operand);
    }
}
