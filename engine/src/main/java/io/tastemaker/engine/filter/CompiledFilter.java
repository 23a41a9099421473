package io.tastemaker.engine.filter;

import io.tastemaker.engine.data.IdDictionary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A bound ItemID filter prepared for one catalog: every condition on item attributes that doesn't
 * involve {@code CurrentItem} is evaluated once, here, into a bitset; what depends on the request
 * (the user's interactions, {@code IF CurrentUser} conditions, {@code CurrentItem}) is evaluated by
 * {@link #allowedItems} with bitset operations.
 *
 * <p>Result: (union of the INCLUDE expressions that apply, or every catalog item if none does) minus
 * (union of the EXCLUDE expressions that apply). An expression applies when its IF conditions hold
 * for the requesting user (or it has none). Immutable and thread-safe; cache it by ({@link
 * BoundFilter}, catalog).
 */
public final class CompiledFilter {

    private final CatalogIndex index;
    private final List<Part> includes;
    private final List<Part> excludes;
    private final boolean usesCurrentItem;
    private final List<Quota> quotas;
    /** Per quota: the items that count when they don't depend on the request; null for PER and CurrentItem. */
    private final List<long[]> quotaMembers;
    private final BoundFilter bound;

    private CompiledFilter(CatalogIndex index, List<Part> includes, List<Part> excludes, boolean usesCurrentItem,
            BoundFilter bound, List<long[]> quotaMembers) {
        this.index = index;
        this.includes = includes;
        this.excludes = excludes;
        this.usesCurrentItem = usesCurrentItem;
        this.bound = bound;
        this.quotas = bound.filter().quotas();
        this.quotaMembers = quotaMembers;
    }

    /**
     * Prepares {@code bound} for the items of {@code index}.
     *
     * @throws IllegalArgumentException if the filter filters UserID (user segments), which this class
     *     does not evaluate
     */
    public static CompiledFilter compile(BoundFilter bound, CatalogIndex index) {
        CheckedFilter filter = bound.filter();
        if (filter.target() != Expression.Target.ITEM_ID) {
            throw new IllegalArgumentException("CompiledFilter evaluates ItemID filters; " + filter.target().keyword()
                    + " filters (user segments) are not supported yet");
        }
        Compiler compiler = new Compiler(bound, index);
        List<Part> includes = new ArrayList<>();
        List<Part> excludes = new ArrayList<>();
        boolean usesCurrentItem = false;
        for (Expression e : bound.expressions()) {
            Part part = new Part(compiler.condition(e.where()), compiler.userTests(e.when()));
            (e.action() == Expression.Action.INCLUDE ? includes : excludes).add(part);
            usesCurrentItem |= e.where().comparisons().stream().anyMatch(c -> c.operand() instanceof Operand.CurrentItemField);
        }
        List<long[]> quotaMembers = new ArrayList<>();
        for (Quota quota : filter.quotas()) {
            Operand selector = quota.selector();
            quotaMembers.add(selector == null || selector instanceof Operand.CurrentItemField ? null
                    : index.strings(filter.field(quota.field()).name()).matching(compiler.strings(selector), false));
        }
        return new CompiledFilter(index, List.copyOf(includes), List.copyOf(excludes),
                usesCurrentItem || filter.usesCurrentItem(), bound, quotaMembers);
    }

    /** Whether the filter has category quota clauses ({@link #quotas}). */
    public boolean hasQuotas() {
        return !quotas.isEmpty();
    }

    /**
     * The filter's category quota clauses for one request, in the order written: each {@code FROM}
     * clause with the catalog items that count (for {@code CurrentItem}, those sharing a value with
     * the request's item; none if it has no value), each {@code PER} clause with the field's values.
     *
     * @throws FilterRequestException if a clause uses CurrentItem and the context has no item
     */
    public List<BoundQuota> quotas(FilterContext context) {
        List<BoundQuota> bound = new ArrayList<>(quotas.size());
        for (int q = 0; q < quotas.size(); q++) {
            Quota quota = quotas.get(q);
            CatalogIndex.StringColumn column = index.strings(this.bound.filter().field(quota.field()).name());
            long[] members = quotaMembers.get(q);
            if (quota.selector() instanceof Operand.CurrentItemField) {
                if (context.currentItemId() == null) {
                    throw new FilterRequestException("The QUOTA clause at column " + quota.column() + " uses CurrentItem, "
                            + "which needs an item: use it with a related-items recipe and an itemId in the request");
                }
                SchemaField source = this.bound.filter().field((Operand.CurrentItemField) quota.selector());
                List<String> values = index.strings(source.name()).valuesOf(context.currentItemId());
                members = values.isEmpty() ? Bits.none(index.catalog().size()) : column.matching(values, false);
            }
            bound.add(new BoundQuota(quota, index.catalog(), column, members));
        }
        return List.copyOf(bound);
    }

    /** Whether requests must name an item ({@link FilterContext#currentItemId()}). */
    public boolean usesCurrentItem() {
        return usesCurrentItem;
    }

    /** The catalog the allowed items are indexed in. */
    public IdDictionary catalog() {
        return index.catalog();
    }

    /**
     * The catalog items this filter allows for one request.
     *
     * @throws FilterRequestException if the filter uses CurrentItem and the context has no item
     */
    public AllowedItems allowedItems(FilterContext context) {
        if (usesCurrentItem && context.currentItemId() == null) {
            throw new FilterRequestException("The filter uses CurrentItem, which needs an item: use it with a "
                    + "related-items recipe and an itemId in the request");
        }
        long[] result = null;
        for (Part part : includes) {
            if (part.applies(context)) {
                long[] matches = part.where.evaluate(context);
                if (result == null) {
                    result = matches.clone();
                } else {
                    Bits.or(result, matches);
                }
            }
        }
        if (result == null) {
            result = index.all().clone();
        }
        for (Part part : excludes) {
            if (part.applies(context)) {
                Bits.andNot(result, part.where.evaluate(context));
            }
        }
        return new AllowedItems(index.catalog(), result);
    }

    @Override
    public String toString() {
        return "CompiledFilter[" + includes.size() + " INCLUDE, " + excludes.size() + " EXCLUDE, catalog of "
                + index.catalog().size() + "]";
    }

    /** One expression: its WHERE conditions and IF tests. */
    private static final class Part {

        final Node where;
        final UserTest[] when;

        Part(Node where, UserTest[] when) {
            this.where = where;
            this.when = when;
        }

        boolean applies(FilterContext context) {
            for (UserTest test : when) {
                if (!test.holds(context)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A condition as a set of catalog items. The returned bitset is read-only: it may be shared. */
    private interface Node {

        long[] evaluate(FilterContext context);
    }

    /** A condition evaluated at compile time. */
    private static final class Constant implements Node {

        final long[] bits;

        Constant(long[] bits) {
            this.bits = bits;
        }

        @Override
        public long[] evaluate(FilterContext context) {
            return bits;
        }
    }

    /** AND ({@code all = true}) or OR of conditions, some of them request-dependent. */
    private static final class Combination implements Node {

        final Node[] operands;
        final boolean all;

        Combination(Node[] operands, boolean all) {
            this.operands = operands;
            this.all = all;
        }

        @Override
        public long[] evaluate(FilterContext context) {
            long[] result = operands[0].evaluate(context).clone();
            for (int k = 1; k < operands.length; k++) {
                long[] bits = operands[k].evaluate(context);
                if (all) {
                    Bits.and(result, bits);
                } else {
                    Bits.or(result, bits);
                }
            }
            return result;
        }
    }

    /**
     * {@code Interactions.EVENT_TYPE IN / NOT IN (...)}: the catalog items the user has an interaction
     * with whose event type is (not) in the list, ignoring case, among the newest
     * {@value InteractionHistory#MAX_PER_EVENT_TYPE} of each event type.
     */
    private static final class EventTypes implements Node {

        final IdDictionary catalog;
        final Set<String> types;
        final boolean wildcard;
        final boolean negate;

        EventTypes(IdDictionary catalog, Collection<String> values, boolean negate) {
            this.catalog = catalog;
            this.types = new HashSet<>();
            for (String value : values) {
                types.add(value.toLowerCase(Locale.ROOT));
            }
            this.wildcard = types.contains(Operand.WILDCARD);
            this.negate = negate;
        }

        @Override
        public long[] evaluate(FilterContext context) {
            long[] bits = Bits.none(catalog.size());
            String user = context.userId();
            if (user == null) {
                return bits;
            }
            InteractionHistory history = context.history();
            for (String type : history.eventTypes(user)) {
                boolean listed = wildcard || types.contains(type.toLowerCase(Locale.ROOT));
                if (listed == negate) {
                    continue;
                }
                List<String> items = history.recentItems(user, type);
                int n = Math.min(items.size(), InteractionHistory.MAX_PER_EVENT_TYPE);
                for (int k = 0; k < n; k++) {
                    int i = catalog.indexOf(items.get(k));
                    if (i >= 0) {
                        Bits.set(bits, i);
                    }
                }
            }
            return bits;
        }
    }

    /** {@code Items.F IN / NOT IN CurrentItem.G}: the current item's values of G, matched against F. */
    private static final class CurrentItemValues implements Node {

        final CatalogIndex.StringColumn target;
        final CatalogIndex.StringColumn source;
        final boolean negate;
        final int size;

        CurrentItemValues(CatalogIndex.StringColumn target, CatalogIndex.StringColumn source, boolean negate, int size) {
            this.target = target;
            this.source = source;
            this.negate = negate;
            this.size = size;
        }

        @Override
        public long[] evaluate(FilterContext context) {
            List<String> values = source.valuesOf(context.currentItemId());
            return values.isEmpty() ? Bits.none(size) : target.matching(values, negate);
        }
    }

    /** {@code Items.F <op> CurrentItem.G} for numbers. */
    private static final class CurrentItemNumber implements Node {

        final CatalogIndex.NumericColumn target;
        final CatalogIndex.NumericColumn source;
        final Operator operator;

        CurrentItemNumber(CatalogIndex.NumericColumn target, CatalogIndex.NumericColumn source, Operator operator) {
            this.target = target;
            this.source = source;
            this.operator = operator;
        }

        @Override
        public long[] evaluate(FilterContext context) {
            return target.matching(operator, source.valueOf(context.currentItemId()));
        }
    }

    /** One {@code IF CurrentUser...} condition. */
    private static final class UserTest {

        final SchemaField field;
        final Operator operator;
        final Set<String> strings;
        final double number;

        UserTest(SchemaField field, Operator operator, Set<String> strings, double number) {
            this.field = field;
            this.operator = operator;
            this.strings = strings;
            this.number = number;
        }

        boolean holds(FilterContext context) {
            if (context.userId() == null) {
                return false;
            }
            String raw = attribute(context.currentUser(), field.name());
            if (raw == null || raw.isBlank()) {
                return false;
            }
            if (!operator.isMembership()) {
                return FilterValues.isNumber(raw) && operator.holds(Double.parseDouble(raw.strip()), number);
            }
            boolean any = false;
            boolean found = false;
            int start = 0;
            while (start <= raw.length()) {
                int end = field.kind() == FieldKind.CATEGORICAL ? raw.indexOf('|', start) : -1;
                String value = raw.substring(start, end < 0 ? raw.length() : end).strip();
                if (!value.isEmpty()) {
                    any = true;
                    found |= strings.contains(value);
                }
                start = end < 0 ? raw.length() + 1 : end + 1;
            }
            return any && (operator == Operator.IN ? found : !found);
        }

        private static String attribute(Map<String, String> attributes, String name) {
            String value = attributes.get(name);
            if (value != null) {
                return value;
            }
            for (Map.Entry<String, String> entry : attributes.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue();
                }
            }
            return null;
        }
    }

    /** Turns a bound filter's conditions into nodes, folding what doesn't depend on the request. */
    private static final class Compiler {

        final BoundFilter bound;
        final CatalogIndex index;

        Compiler(BoundFilter bound, CatalogIndex index) {
            this.bound = bound;
            this.index = index;
        }

        Node condition(Condition condition) {
            if (condition instanceof Comparison) {
                return comparison((Comparison) condition);
            }
            boolean all = condition instanceof Condition.And;
            List<Condition> operands = all ? ((Condition.And) condition).operands() : ((Condition.Or) condition).operands();
            Node[] nodes = new Node[operands.size()];
            boolean constant = true;
            for (int k = 0; k < nodes.length; k++) {
                nodes[k] = condition(operands.get(k));
                constant &= nodes[k] instanceof Constant;
            }
            Combination combination = new Combination(nodes, all);
            return constant ? new Constant(combination.evaluate(null)) : combination;
        }

        Node comparison(Comparison c) {
            SchemaField field = bound.filter().field(c.field());
            Operand operand = c.operand();
            boolean negate = c.operator() == Operator.NOT_IN;
            if (field.isEventType()) {
                return new EventTypes(index.catalog(), strings(operand), negate);
            }
            if (operand instanceof Operand.CurrentItemField) {
                SchemaField source = bound.filter().field((Operand.CurrentItemField) operand);
                if (field.kind().isNumeric()) {
                    return new CurrentItemNumber(index.numbers(field.name()), index.numbers(source.name()), c.operator());
                }
                return new CurrentItemValues(index.strings(field.name()), index.strings(source.name()), negate,
                        index.catalog().size());
            }
            if (field.kind().isNumeric()) {
                return new Constant(index.numbers(field.name()).matching(c.operator(), number(operand)));
            }
            return new Constant(index.strings(field.name()).matching(strings(operand), negate));
        }

        UserTest[] userTests(List<Comparison> comparisons) {
            UserTest[] tests = new UserTest[comparisons.size()];
            for (int k = 0; k < tests.length; k++) {
                Comparison c = comparisons.get(k);
                SchemaField field = bound.filter().field(c.field());
                tests[k] = c.operator().isMembership()
                        ? new UserTest(field, c.operator(), Set.copyOf(strings(c.operand())), Double.NaN)
                        : new UserTest(field, c.operator(), Set.of(), number(c.operand()));
            }
            return tests;
        }

        private List<String> strings(Operand operand) {
            if (operand instanceof Operand.Values) {
                return ((Operand.Values) operand).values();
            }
            return bound.strings(((Operand.Parameter) operand).name());
        }

        private double number(Operand operand) {
            if (operand instanceof Operand.Number) {
                return ((Operand.Number) operand).value();
            }
            return bound.number(((Operand.Parameter) operand).name());
        }
    }
}
