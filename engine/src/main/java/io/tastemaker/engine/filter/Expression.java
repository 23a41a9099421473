package io.tastemaker.engine.filter;

import java.util.List;
import java.util.Objects;

/**
 * One expression of a filter (the filter joins several with {@code |}):
 * {@code INCLUDE|EXCLUDE ItemID|UserID|ActionID WHERE <conditions> [IF <CurrentUser conditions>]}.
 *
 * @param action whether matching items are kept or removed
 * @param target what is filtered
 * @param where the conditions after {@code WHERE}
 * @param when the conditions after {@code IF}, joined with {@code AND}; empty without {@code IF}
 * @param offset the 0-based offset of the expression's first token
 */
public record Expression(Action action, Target target, Condition where, List<Comparison> when, int offset) {

    public Expression {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(where, "where");
        when = List.copyOf(when);
    }

    /** Keep only what matches, or remove what matches. */
    public enum Action {
        INCLUDE,
        EXCLUDE
    }

    /** What an expression filters, spelled as in the expression. */
    public enum Target {
        ITEM_ID("ItemID"),
        USER_ID("UserID"),
        ACTION_ID("ActionID");

        private final String keyword;

        Target(String keyword) {
            this.keyword = keyword;
        }

        /** The keyword as Personalize's documentation spells it. */
        public String keyword() {
            return keyword;
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(action).append(' ').append(target.keyword()).append(" WHERE ")
                .append(where);
        for (int i = 0; i < when.size(); i++) {
            s.append(i == 0 ? " IF " : " AND ").append(when.get(i));
        }
        return s.toString();
    }
}
