package io.tastemaker.engine.filter;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A parsed filter expression: {@link Expression expressions} and {@link Quota category quota clauses},
 * at least one of either, joined by {@code |}. Parsing checks only the grammar; {@link FilterChecker}
 * checks the expression against the dataset group's schemas.
 *
 * @param text the expression as written
 * @param expressions the expressions in the order written (their order does not change the result);
 *     empty for a filter of quota clauses only
 * @param quotas the quota clauses in the order written
 */
public record FilterExpression(String text, List<Expression> expressions, List<Quota> quotas) {

    /** The longest expression {@code CreateFilter} accepts. */
    public static final int MAX_LENGTH = 2500;

    public FilterExpression {
        Objects.requireNonNull(text, "text");
        expressions = List.copyOf(expressions);
        quotas = List.copyOf(quotas);
    }

    /** A filter without quota clauses. */
    public FilterExpression(String text, List<Expression> expressions) {
        this(text, expressions, List.of());
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
        return Stream.concat(expressions.stream(), quotas.stream()).map(Object::toString).collect(Collectors.joining(" | "));
    }
}
