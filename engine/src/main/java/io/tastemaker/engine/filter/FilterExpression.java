package io.tastemaker.engine.filter;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A parsed filter expression: one or more {@link Expression expressions} joined by {@code |}. Parsing
 * checks only the grammar; {@link FilterChecker} checks the expression against the dataset group's
 * schemas.
 *
 * @param text the expression as written
 * @param expressions the expressions in the order written (their order does not change the result)
 */
public record FilterExpression(String text, List<Expression> expressions) {

    /** The longest expression {@code CreateFilter} accepts. */
    public static final int MAX_LENGTH = 2500;

    public FilterExpression {
        Objects.requireNonNull(text, "text");
        expressions = List.copyOf(expressions);
    }

    /**
     * Parses {@code text} with the grammar in the {@linkplain io.tastemaker.engine.filter package
     * documentation}.
     *
     * @throws FilterSyntaxException if it does not follow the grammar, is blank or is longer than
     *     {@value #MAX_LENGTH} characters
     */
    public static FilterExpression parse(String text) {
        Objects.requireNonNull(text, "text");
        return new FilterParser(text).filter();
    }

    @Override
    public String toString() {
        return expressions.stream().map(Object::toString).collect(Collectors.joining(" | "));
    }
}
