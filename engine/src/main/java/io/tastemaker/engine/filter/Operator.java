package io.tastemaker.engine.filter;

/**
 * The operators of a comparison. {@code IN} and {@code NOT IN} match strings exactly (event types
 * ignoring case); the others compare numbers.
 */
public enum Operator {
    IN("IN"),
    NOT_IN("NOT IN"),
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written in an expression. */
    public String symbol() {
        return symbol;
    }

    /** Whether this is {@code IN} or {@code NOT IN}. */
    public boolean isMembership() {
        return this == IN || this == NOT_IN;
    }

    /** Whether {@code left <operator> right} holds; false when either side is NaN (a missing value). */
    public boolean holds(double left, double right) {
        switch (this) {
            case EQUAL:
                return left == right;
            case NOT_EQUAL:
                return left != right && !Double.isNaN(left) && !Double.isNaN(right);
            case LESS:
                return left < right;
            case LESS_OR_EQUAL:
                return left <= right;
            case GREATER:
                return left > right;
            case GREATER_OR_EQUAL:
                return left >= right;
            default:
                throw new IllegalStateException(this + " does not compare numbers");
        }
    }

    static Operator comparison(String symbol) {
        for (Operator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return operator;
            }
        }
        throw new IllegalArgumentException("Not a comparison operator: " + symbol);
    }
}
