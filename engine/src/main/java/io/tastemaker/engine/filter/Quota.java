package io.tastemaker.engine.filter;

import java.util.Objects;

/**
 * A category quota clause of a filter (Tastemaker's extension of Personalize's language, see the
 * {@linkplain io.tastemaker.engine.filter package documentation}):
 * {@code QUOTA AT LEAST|AT MOST <percent> PERCENT FROM Items.F IN <list-operand>} or
 * {@code QUOTA AT MOST <percent> PERCENT PER Items.F}.
 *
 * @param bound whether the share is a floor or a cap
 * @param percent 1 to 100, of the places the filter fills
 * @param field the categorical Items field whose values are counted
 * @param selector the values that count ({@link Operand.Values}, {@link Operand.Parameter} or {@link
 *     Operand.CurrentItemField}) after {@code FROM … IN}; null for {@code PER}, where each value of
 *     the field is capped on its own
 * @param offset the 0-based offset of {@code QUOTA}
 */
public record Quota(Bound bound, int percent, FieldRef field, Operand selector, int offset) {

    /** The smallest and largest percentages a quota takes. */
    public static final int MIN_PERCENT = 1;
    public static final int MAX_PERCENT = 100;

    public Quota {
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(field, "field");
        if (percent < MIN_PERCENT || percent > MAX_PERCENT) {
            throw new IllegalArgumentException("percent must be between 1 and 100, was " + percent);
        }
        if (selector == null && bound == Bound.AT_LEAST) {
            throw new IllegalArgumentException("AT LEAST needs FROM and the values that count");
        }
    }

    /** Whether every value of the field is capped on its own ({@code PER}). */
    public boolean perValue() {
        return selector == null;
    }

    /** The 1-based column of {@code QUOTA}. */
    public int column() {
        return offset + 1;
    }

    /** A floor ({@code AT LEAST}) or a cap ({@code AT MOST}). */
    public enum Bound {
        AT_LEAST("AT LEAST"),
        AT_MOST("AT MOST");

        private final String keywords;

        Bound(String keywords) {
            this.keywords = keywords;
        }

        /** The bound as written, e.g. {@code AT LEAST}. */
        public String keywords() {
            return keywords;
        }
    }

    @Override
    public String toString() {
        return "QUOTA " + bound.keywords() + " " + percent + " PERCENT "
                + (perValue() ? "PER " + field : "FROM " + field + " IN "
                        + (selector instanceof Operand.Parameter ? "(" + selector + ")" : selector));
    }
}
