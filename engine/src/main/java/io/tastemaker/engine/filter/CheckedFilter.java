package io.tastemaker.engine.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A filter that passed {@link FilterChecker}: its expression, and each field reference resolved to
 * the schema's field. This is what {@code CreateFilter} accepts; {@link #bind(FilterValues)} applies
 * a request's parameter values to it. Immutable and thread-safe; equal when built from the same text
 * against the same fields.
 */
public final class CheckedFilter {

    private final FilterExpression expression;
    /** Field references and CurrentItem operands by their offset, which is unique in the expression. */
    private final Map<Integer, SchemaField> fields;
    private final Set<SchemaField> distinct;

    CheckedFilter(FilterExpression expression, Map<Integer, SchemaField> fields, Set<SchemaField> distinct) {
        this.expression = expression;
        this.fields = Map.copyOf(fields);
        this.distinct = Collections.unmodifiableSet(new LinkedHashSet<>(distinct));
    }

    /**
     * Parses and checks {@code text}: what {@code CreateFilter} does with its {@code filterExpression}.
     *
     * @throws FilterSyntaxException if the text does not follow the grammar
     * @throws FilterValidationException if it does not fit the schemas
     */
    public static CheckedFilter of(String text, FilterSchema schema) {
        return FilterChecker.check(FilterExpression.parse(text), schema);
    }

    /** The parsed expression. */
    public FilterExpression expression() {
        return expression;
    }

    /** What the filter filters: {@code ItemID} (recommendations) or {@code UserID} (user segments). */
    public Expression.Target target() {
        return expression.expressions().isEmpty() ? Expression.Target.ITEM_ID : expression.expressions().get(0).target();
    }

    /** The schema field that {@code ref}, a reference in this filter, stands for. */
    public SchemaField field(FieldRef ref) {
        return lookup(ref.offset(), ref);
    }

    /** The Items field that {@code operand}, a CurrentItem operand in this filter, stands for. */
    public SchemaField field(Operand.CurrentItemField operand) {
        return lookup(operand.offset(), operand);
    }

    /** The distinct schema fields the filter uses (CurrentUser fields as Users fields, CurrentItem fields as Items fields). */
    public Set<SchemaField> fields() {
        return distinct;
    }

    /** Every parameter name, in order of first use. */
    public Set<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        expression.expressions().forEach(e -> names.addAll(parameters(e).keySet()));
        expression.quotas().forEach(q -> names.addAll(parameters(q)));
        return Collections.unmodifiableSet(names);
    }

    /** Whether a request needs an item (a related-items request) to apply the filter. */
    public boolean usesCurrentItem() {
        return expression.expressions().stream().flatMap(e -> e.where().comparisons().stream())
                .anyMatch(c -> c.operand() instanceof Operand.CurrentItemField)
                || expression.quotas().stream().anyMatch(q -> q.selector() instanceof Operand.CurrentItemField);
    }

    /** The category quota clauses, in the order written; empty for most filters. */
    public List<Quota> quotas() {
        return expression.quotas();
    }

    /** Whether the filter reads the user's interactions (Interactions.EVENT_TYPE). */
    public boolean usesInteractions() {
        return distinct.stream().anyMatch(SchemaField::isEventType);
    }

    /**
     * Applies a request's parameter values: every parameter of an {@code INCLUDE} expression must
     * have a value; an {@code EXCLUDE} expression with a parameter that has none is left out ("Amazon
     * Personalize doesn't use that portion of the expression"). Values for parameters the filter
     * doesn't use are ignored.
     *
     * @throws FilterRequestException if an INCLUDE expression misses a parameter, or a parameter
     *     compared with a number is not exactly one number
     */
    public BoundFilter bind(FilterValues values) {
        Objects.requireNonNull(values, "values");
        List<Expression> active = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Expression e : expression.expressions()) {
            Map<String, Comparison> parameters = parameters(e);
            List<String> missing = parameters.keySet().stream().filter(name -> !values.has(name)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                if (e.action() == Expression.Action.INCLUDE) {
                    throw new FilterRequestException("The INCLUDE expression at column " + (e.offset() + 1) + " needs "
                            + (missing.size() == 1 ? "a value" : "values") + " for " + missing.stream().map(n -> "$" + n)
                                    .collect(Collectors.joining(", ")) + " in filterValues (only EXCLUDE expressions may leave "
                            + "parameters out)");
                }
                continue;
            }
            for (Comparison c : e.where().comparisons()) {
                checkNumber(c, values);
            }
            for (Comparison c : e.when()) {
                checkNumber(c, values);
            }
            active.add(e);
            used.addAll(parameters.keySet());
        }
        for (Quota q : expression.quotas()) {
            for (String name : parameters(q)) {
                if (!values.has(name)) {
                    throw new FilterRequestException("The QUOTA clause at column " + q.column() + " needs a value for $"
                            + name + " in filterValues (a quota's parameters are required)");
                }
                used.add(name);
            }
        }
        return new BoundFilter(this, active, values.only(used));
    }

    private void checkNumber(Comparison c, FilterValues values) {
        if (c.operator().isMembership() || !(c.operand() instanceof Operand.Parameter)) {
            return;
        }
        String name = ((Operand.Parameter) c.operand()).name();
        List<String> given = values.get(name);
        if (given.size() != 1 || !FilterValues.isNumber(given.get(0))) {
            throw new FilterRequestException("filterValues entry " + name + " must be one number for " + field(c.field())
                    + " " + c.operator().symbol() + " $" + name + ", but is " + given.stream().map(v -> '"' + v + '"')
                            .collect(Collectors.joining(",")));
        }
    }

    /** The parameters of {@code e} (WHERE and IF), each with its first comparison. */
    static Map<String, Comparison> parameters(Expression e) {
        Map<String, Comparison> names = new LinkedHashMap<>();
        List<Comparison> all = new ArrayList<>(e.where().comparisons());
        all.addAll(e.when());
        for (Comparison c : all) {
            if (c.operand() instanceof Operand.Parameter) {
                names.putIfAbsent(((Operand.Parameter) c.operand()).name(), c);
            }
        }
        return names;
    }

    /** The parameter of a quota's values, if it has one. */
    static List<String> parameters(Quota q) {
        return q.selector() instanceof Operand.Parameter ? List.of(((Operand.Parameter) q.selector()).name()) : List.of();
    }

    private SchemaField lookup(int offset, Object what) {
        SchemaField field = fields.get(offset);
        if (field == null) {
            throw new IllegalArgumentException(what + " at offset " + offset + " is not a field of this filter");
        }
        return field;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CheckedFilter && ((CheckedFilter) other).expression.equals(expression)
                && ((CheckedFilter) other).fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return expression.hashCode() * 31 + fields.hashCode();
    }

    @Override
    public String toString() {
        return "CheckedFilter[" + expression.text() + "]";
    }
}
