package io.tastemaker.engine.filter;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The right-hand side of a comparison. */
public sealed interface Operand permits Operand.Values, Operand.Number, Operand.Parameter, Operand.CurrentItemField {

    /** The value that stands for every event type, written {@code *} or {@code "*"}. */
    String WILDCARD = "*";

    /** The 0-based offset of the operand in the expression. */
    int offset();

    /**
     * A parenthesised list of strings after {@code IN} / {@code NOT IN}; {@link #WILDCARD} stands for
     * a {@code *} (quoted or not).
     */
    record Values(List<String> values, int offset) implements Operand {

        public Values {
            values = List.copyOf(values);
        }

        /** Whether the list contains {@code *}. */
        public boolean hasWildcard() {
            return values.contains(WILDCARD);
        }

        @Override
        public String toString() {
            return values.stream().map(v -> WILDCARD.equals(v) ? v : '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                    .collect(Collectors.joining(", ", "(", ")"));
        }
    }

    /** A number literal after a comparison operator. */
    record Number(double value, String text, int offset) implements Operand {

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * {@code $NAME}, replaced by the request's {@code filterValues} entry {@code NAME} (case-sensitive).
     * After {@code IN} it is written in parentheses, {@code IN ($GENRE)}, and stands for a list.
     */
    record Parameter(String name, int offset) implements Operand {

        public Parameter {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "$" + name;
        }
    }

    /** {@code CurrentItem.<name>}: the value(s) of the request's item (related-items requests). */
    record CurrentItemField(String name, int offset) implements Operand {

        public CurrentItemField {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "CurrentItem." + name;
        }
    }
}
