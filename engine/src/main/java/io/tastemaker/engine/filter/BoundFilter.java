package io.tastemaker.engine.filter;

import java.util.List;

/**
 * A checked filter with a request's parameter values applied: the expressions that take part (an
 * EXCLUDE expression missing a parameter doesn't) and the values they use. Made by {@link
 * CheckedFilter#bind}. Two bound filters are equal when the filter and the values it uses are, so a
 * bound filter is a good cache key for its {@link CompiledFilter} (together with the catalog).
 */
public final class BoundFilter {

    private final CheckedFilter filter;
    private final List<Expression> expressions;
    private final FilterValues values;

    BoundFilter(CheckedFilter filter, List<Expression> expressions, FilterValues values) {
        this.filter = filter;
        this.expressions = List.copyOf(expressions);
        this.values = values;
    }

    /** The filter. */
    public CheckedFilter filter() {
        return filter;
    }

    /** The expressions that take part, in the order written. */
    public List<Expression> expressions() {
        return expressions;
    }

    /** The parameter values those expressions use. */
    public FilterValues values() {
        return values;
    }

    /** The strings a parameter stands for. */
    List<String> strings(String parameter) {
        return values.get(parameter);
    }

    /** The number a parameter compared with a number stands for (checked by {@link CheckedFilter#bind}). */
    double number(String parameter) {
        return Double.parseDouble(values.get(parameter).get(0).strip());
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof BoundFilter)) {
            return false;
        }
        BoundFilter that = (BoundFilter) other;
        return that.filter.equals(filter) && that.expressions.equals(expressions) && that.values.equals(values);
    }

    @Override
    public int hashCode() {
        return (filter.hashCode() * 31 + expressions.hashCode()) * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        return "BoundFilter[" + filter.expression().text() + ", " + values + ", " + expressions.size() + " of "
                + filter.expression().expressions().size() + " expressions]";
    }
}
