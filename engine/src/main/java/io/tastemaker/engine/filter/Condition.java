package io.tastemaker.engine.filter;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A condition after {@code WHERE}: one {@link Comparison}, or conditions joined with {@code AND}
 * or {@code OR}. {@code AND} binds tighter than {@code OR}, so {@code a OR b AND c} is
 * {@code Or[a, And[b, c]]}.
 */
public sealed interface Condition permits Comparison, Condition.And, Condition.Or {

    /** Every comparison in this condition, left to right. */
    List<Comparison> comparisons();

    /** Conditions that must all hold; at least two. */
    record And(List<Condition> operands) implements Condition {

        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public List<Comparison> comparisons() {
            return operands.stream().flatMap(c -> c.comparisons().stream()).collect(Collectors.toUnmodifiableList());
        }

        @Override
        public String toString() {
            return operands.stream().map(Object::toString).collect(Collectors.joining(" AND "));
        }
    }

    /** Conditions of which at least one must hold; at least two. */
    record Or(List<Condition> operands) implements Condition {

        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public List<Comparison> comparisons() {
            return operands.stream().flatMap(c -> c.comparisons().stream()).collect(Collectors.toUnmodifiableList());
        }

        @Override
        public String toString() {
            return operands.stream().map(Object::toString).collect(Collectors.joining(" OR "));
        }
    }
}
