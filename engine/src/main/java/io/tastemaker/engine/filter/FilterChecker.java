package io.tastemaker.engine.filter;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a parsed filter against the dataset group's schemas, as {@code CreateFilter} does, and
 * resolves each field to the schema's spelling. The rules are listed in the {@linkplain
 * io.tastemaker.engine.filter package documentation}; each failure is a {@link
 * FilterValidationException} that names the field and its column and says what to do instead.
 */
public final class FilterChecker {

    /** At most this many distinct fields per filter, counting all its expressions (Personalize's limit). */
    public static final int MAX_DISTINCT_FIELDS = 10;

    private final FilterExpression expression;
    private final FilterSchema schema;
    private final Map<Integer, SchemaField> resolved = new HashMap<>();
    private final Set<SchemaField> distinct = new LinkedHashSet<>();

    private FilterChecker(FilterExpression expression, FilterSchema schema) {
        this.expression = expression;
        this.schema = schema;
    }

    /**
     * Checks {@code expression} against {@code schema}.
     *
     * @throws FilterValidationException if Personalize would refuse the filter
     */
    public static CheckedFilter check(FilterExpression expression, FilterSchema schema) {
        FilterChecker checker = new FilterChecker(expression, schema);
        checker.checkAll();
        return new CheckedFilter(expression, checker.resolved, checker.distinct);
    }

    private void checkAll() {
        List<Expression> expressions = expression.expressions();
        for (Expression e : expressions) {
            Expression first = expressions.get(0);
            if (e.target() == Expression.Target.ACTION_ID) {
                throw invalid("ActionID at column " + (e.offset() + 1) + ": Tastemaker has no Actions datasets, so it "
                        + "filters only ItemID (recommendations) and UserID (user segments)", e.offset());
            }
            if (e.target() != first.target()) {
                throw invalid("The expression at column " + (e.offset() + 1) + " filters " + e.target().keyword()
                        + " but the first expression filters " + first.target().keyword()
                        + "; all expressions of a filter must filter the same thing", e.offset());
            }
            checkWhere(e);
            for (Comparison c : e.when()) {
                checkIf(c);
            }
        }
        for (Quota quota : expression.quotas()) {
            checkQuota(quota);
        }
        if (distinct.size() > MAX_DISTINCT_FIELDS) {
            throw new FilterValidationException("The filter uses " + distinct.size() + " distinct fields ("
                    + distinct.stream().map(SchemaField::toString).collect(Collectors.joining(", ")) + "); at most "
                    + MAX_DISTINCT_FIELDS + " are allowed per filter. Split it into several filters");
        }
    }

    private void checkWhere(Expression e) {
        List<Comparison> comparisons = e.where().comparisons();
        FieldRef firstField = comparisons.get(0).field();
        for (Comparison c : comparisons) {
            FieldRef ref = c.field();
            switch (ref.qualifier()) {
                case CURRENT_USER:
                    throw invalid(ref + " at column " + ref.column() + ": CurrentUser can only be used after IF, "
                            + "at the end of an expression, e.g. IF CurrentUser." + ref.name() + " IN (\"value\")", ref.offset());
                case CURRENT_ITEM:
                    throw invalid(ref + " at column " + ref.column() + ": CurrentItem can only stand on the right of a "
                            + "comparison, e.g. Items." + ref.name() + " IN CurrentItem." + ref.name(), ref.offset());
                default:
                    break;
            }
            Dataset dataset = ref.qualifier().dataset();
            Dataset other = e.target() == Expression.Target.ITEM_ID ? Dataset.USERS : Dataset.ITEMS;
            if (dataset == other) {
                String hint = dataset == Dataset.USERS ? "; to test the requesting user, end the expression with IF CurrentUser."
                        + ref.name() + " …" : "";
                throw invalid(ref + " at column " + ref.column() + ": expressions that filter " + e.target().keyword()
                        + " can't use the " + dataset.keyword() + " dataset" + hint, ref.offset());
            }
            if (dataset != firstField.qualifier().dataset()) {
                throw invalid(ref + " at column " + ref.column() + " can't be in the same expression as " + firstField
                        + " at column " + firstField.column() + ": conditions joined with AND or OR must all use the "
                        + firstField.qualifier().dataset().keyword() + " dataset. Put it in its own expression and join the "
                        + "two with |", ref.offset());
            }
            SchemaField field = resolve(ref.qualifier(), ref.name(), ref.offset());
            checkComparison(c, field);
            resolved.put(ref.offset(), field);
            distinct.add(field);
        }
    }

    /**
     * A quota counts the values of a categorical Items field in an ItemID filter; its values come
     * from a list of strings, a parameter or a string field of the current item.
     */
    private void checkQuota(Quota quota) {
        if (!expression.expressions().isEmpty()
                && expression.expressions().get(0).target() != Expression.Target.ITEM_ID) {
            throw invalid("QUOTA at column " + quota.column() + " shares out a list of recommended items, so it can only "
                    + "be part of an ItemID filter, not of a filter of " + expression.expressions().get(0).target().keyword(),
                    quota.offset());
        }
        FieldRef ref = quota.field();
        if (ref.qualifier() != FieldRef.Qualifier.ITEMS) {
            throw invalid(ref + " at column " + ref.column() + ": a quota counts the values of an Items field of the "
                    + "recommended items, e.g. Items." + ref.name(), ref.offset());
        }
        SchemaField field = resolve(ref.qualifier(), ref.name(), ref.offset());
        if (field.kind() != FieldKind.CATEGORICAL) {
            throw invalid("Items." + field.name() + " at column " + ref.column() + " is a " + field.kind().description()
                    + " field; a quota counts the values of a categorical field (\"categorical\": true in the Items "
                    + "schema)", ref.offset());
        }
        resolved.put(ref.offset(), field);
        distinct.add(field);
        Operand selector = quota.selector();
        if (selector instanceof Operand.Values && ((Operand.Values) selector).hasWildcard()) {
            throw invalid("* at column " + (selector.offset() + 1) + " stands for every event type; a quota counts the "
                    + "values it lists. To cap every value of " + ref + ", write QUOTA AT MOST " + quota.percent()
                    + " PERCENT PER " + ref, selector.offset());
        }
        if (selector instanceof Operand.CurrentItemField) {
            Operand.CurrentItemField current = (Operand.CurrentItemField) selector;
            SchemaField right = resolve(FieldRef.Qualifier.CURRENT_ITEM, current.name(), current.offset());
            if (!right.kind().isString()) {
                throw invalid(current + " at column " + (current.offset() + 1) + " is a " + right.kind().description()
                        + " field; a quota on the categorical " + ref + " takes the values of a string field of the "
                        + "current item", current.offset());
            }
            resolved.put(current.offset(), right);
            distinct.add(right);
        }
    }

    private void checkIf(Comparison c) {
        FieldRef ref = c.field();
        if (ref.qualifier() != FieldRef.Qualifier.CURRENT_USER) {
            throw invalid(ref + " at column " + ref.column() + " follows IF, but only CurrentUser conditions can: IF must "
                    + "come last in an expression. Move " + ref + " before IF, or into its own expression joined with |",
                    ref.offset());
        }
        if (c.operand() instanceof Operand.CurrentItemField) {
            throw invalid("CurrentItem at column " + (c.operand().offset() + 1) + " can't be used in an IF condition; "
                    + "IF compares CurrentUser fields with values or $PARAMETERS", c.operand().offset());
        }
        SchemaField field = resolve(ref.qualifier(), ref.name(), ref.offset());
        checkComparison(c, field);
        resolved.put(ref.offset(), field);
        distinct.add(field);
    }

    private void checkComparison(Comparison c, SchemaField field) {
        FieldRef ref = c.field();
        Operator operator = c.operator();
        String display = ref.qualifier().keyword() + "." + field.name();
        String where = display + " at column " + ref.column();
        if (operator.isMembership() && !field.kind().isString()) {
            throw invalid(where + " is a numeric (" + field.kind().description() + ") field: compare it with =, !=, <, <=, "
                    + "> or >=, not " + operator.symbol(), ref.offset());
        }
        if (!operator.isMembership() && field.kind().isString()) {
            throw invalid(where + " is a " + field.kind().description() + " field: match it with IN or NOT IN, not "
                    + operator.symbol(), ref.offset());
        }
        Operand operand = c.operand();
        if (operand instanceof Operand.Parameter && operator == Operator.NOT_IN) {
            throw invalid("NOT IN can't take a parameter (" + operand + " at column " + (operand.offset() + 1)
                    + "). Use IN with the opposite action: EXCLUDE … " + display + " IN (" + operand + ") instead of INCLUDE … NOT IN",
                    operand.offset());
        }
        if (operand instanceof Operand.Values && ((Operand.Values) operand).hasWildcard() && !field.isEventType()) {
            throw invalid("* at column " + (operand.offset() + 1) + " stands for every event type; it can only be used with "
                    + "Interactions.EVENT_TYPE, not " + field, operand.offset());
        }
        if (operand instanceof Operand.CurrentItemField) {
            Operand.CurrentItemField current = (Operand.CurrentItemField) operand;
            if (field.dataset() != Dataset.ITEMS) {
                throw invalid(current + " at column " + (current.offset() + 1) + ": CurrentItem can only be compared "
                        + "with Items fields in ItemID expressions (related-items recommendations), not with " + field,
                        current.offset());
            }
            SchemaField right = resolve(FieldRef.Qualifier.CURRENT_ITEM, current.name(), current.offset());
            if (right.kind().isNumeric() != field.kind().isNumeric()) {
                throw invalid(field + " " + operator.symbol() + " " + current + " at column " + ref.column() + " compares a "
                        + field.kind().description() + " field with a " + right.kind().description()
                        + " field; compare numbers with numbers and strings with strings", ref.offset());
            }
            resolved.put(current.offset(), right);
            distinct.add(right);
        }
    }

    /** The schema field {@code qualifier.name} refers to, or a message saying why it can't be used. */
    private SchemaField resolve(FieldRef.Qualifier qualifier, String name, int offset) {
        Dataset dataset = qualifier.dataset();
        String written = qualifier.keyword() + "." + name;
        if (!schema.has(dataset)) {
            throw invalid(written + " at column " + (offset + 1) + ": the dataset group has no " + dataset.keyword()
                    + " dataset", offset);
        }
        SchemaField field = schema.field(dataset, name).orElseThrow(() -> invalid("Unknown field " + written
                + " at column " + (offset + 1) + ": the " + dataset.keyword() + " schema's fields are "
                + schema.fields(dataset).stream().map(SchemaField::name).collect(Collectors.joining(", ")), offset));
        String display = qualifier.keyword() + "." + field.name();
        if (dataset == Dataset.INTERACTIONS && !field.isEventType()) {
            throw invalid(display + " at column " + (offset + 1) + ": filters on the Interactions dataset can only use "
                    + "EVENT_TYPE", offset);
        }
        if (field.kind() == FieldKind.TEXTUAL) {
            throw invalid(display + " at column " + (offset + 1) + " is a textual field, and filters can't use textual "
                    + "fields. Filter on a categorical field instead", offset);
        }
        if (field.kind() == FieldKind.BOOLEAN) {
            throw invalid(display + " at column " + (offset + 1) + " is a boolean field, and filters can't use boolean "
                    + "fields. Use a string field with \"True\"/\"False\" or an int field with 0/1", offset);
        }
        return field;
    }

    private static FilterValidationException invalid(String message, int offset) {
        return new FilterValidationException(message, offset);
    }
}
