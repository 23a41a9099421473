package io.tastemaker.engine.filter;

import io.tastemaker.engine.data.IdDictionary;
import io.tastemaker.engine.data.IndexSort;
import io.tastemaker.engine.data.ItemAttributes;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The candidate items of a model (its catalog) with their Items-dataset attributes, indexed for
 * filters: for each field a filter uses, the catalog items of each categorical value (posting lists)
 * or the catalog items in order of a numerical value. Build one per catalog and attributes snapshot
 * and share it between filters and threads; a field's index is built the first time a filter uses
 * it.
 *
 * <p>Which column holds a schema field: a categorical or other string field is read from the
 * {@link ItemAttributes} categorical field of that name (matched ignoring case; the server loads
 * non-categorical string fields it wants to filter on as categorical columns, whose values are split
 * on {@code |}); {@code ITEM_ID} is the item's id; a numerical field from the numerical field of that
 * name; {@code CREATION_TIMESTAMP} from the item's creation time unless a numerical field has that
 * name. A field the attributes don't have has no value for any item. Catalog items without
 * attributes have no values.
 */
public final class CatalogIndex {

    private final IdDictionary catalog;
    private final ItemAttributes attributes;
    /** Catalog index → attributes row, or -1. */
    private final int[] rows;
    private final long[] all;
    private final Map<String, StringColumn> strings = new ConcurrentHashMap<>();
    private final Map<String, NumericColumn> numbers = new ConcurrentHashMap<>();

    private CatalogIndex(IdDictionary catalog, ItemAttributes attributes) {
        this.catalog = catalog;
        this.attributes = attributes;
        this.rows = new int[catalog.size()];
        IdDictionary attributeIds = attributes.items();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = attributeIds.indexOf(catalog.idOf(i));
        }
        this.all = Bits.all(catalog.size());
    }

    /** An index of {@code catalog}'s items with the given attributes (which may hold other items too). */
    public static CatalogIndex of(IdDictionary catalog, ItemAttributes attributes) {
        return new CatalogIndex(Objects.requireNonNull(catalog, "catalog"), Objects.requireNonNull(attributes, "attributes"));
    }

    /** The candidate items; allowed-item bitsets are over its indices. */
    public IdDictionary catalog() {
        return catalog;
    }

    /** The attributes the index reads. */
    public ItemAttributes attributes() {
        return attributes;
    }

    /** Every catalog item; shared, never modify. */
    long[] all() {
        return all;
    }

    /** The column of string field {@code field} (schema spelling). */
    StringColumn strings(String field) {
        return strings.computeIfAbsent(field, this::buildStrings);
    }

    /** The column of numerical field {@code field} (schema spelling). */
    NumericColumn numbers(String field) {
        return numbers.computeIfAbsent(field, this::buildNumbers);
    }

    private StringColumn buildStrings(String field) {
        if (field.equalsIgnoreCase(SchemaField.ITEM_ID) && find(attributes.categoricalFields(), field) < 0) {
            return new IdColumn();
        }
        return new CategoricalColumn(find(attributes.categoricalFields(), field));
    }

    private NumericColumn buildNumbers(String field) {
        int column = find(attributes.numericalFields(), field);
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            values[i] = row < 0 ? Double.NaN : value(column, field, row);
        }
        return new NumericColumn(column, field, values);
    }

    private double value(int column, String field, int row) {
        if (column >= 0) {
            return attributes.number(column, row);
        }
        if (field.equalsIgnoreCase(SchemaField.CREATION_TIMESTAMP)) {
            long time = attributes.creationTime(row);
            return time == ItemAttributes.UNKNOWN_TIME ? Double.NaN : time;
        }
        return Double.NaN;
    }

    /** The position of {@code field} in {@code fields}, exactly or else ignoring case; -1 if absent. */
    private static int find(List<String> fields, String field) {
        int exact = fields.indexOf(field);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).equalsIgnoreCase(field)) {
                return i;
            }
        }
        return -1;
    }

    /** A string field: IN / NOT IN over the catalog, and the values of one (current) item. */
    interface StringColumn {

        /**
         * The catalog items with a value in {@code values} ({@code negate = false}), or with at least one
         * value and none in {@code values} ({@code negate = true}). A fresh bitset.
         */
        long[] matching(Collection<String> values, boolean negate);

        /** The values of item {@code itemId}, which need not be in the catalog; empty if it has none. */
        List<String> valuesOf(String itemId);

        /** How many distinct values the column has; value ids are {@code 0 .. valueCount() - 1}. */
        int valueCount();

        /** The ids of the values of the catalog item at {@code catalogIndex}, without repeats; empty if it has none. */
        int[] valueIds(int catalogIndex);
    }

    /** Posting lists of a categorical column: for each value, its catalog items in ascending order. */
    private final class CategoricalColumn implements StringColumn {

        private final int column;
        private final IdDictionary dictionary;
        private final int[][] postings;
        private final long[] present;

        CategoricalColumn(int column) {
            this.column = column;
            this.present = Bits.none(rows.length);
            if (column < 0) {
                this.dictionary = IdDictionary.empty();
                this.postings = new int[0][];
                return;
            }
            this.dictionary = attributes.categoricalDictionary(column);
            int[] counts = new int[dictionary.size()];
            for (int i = 0; i < rows.length; i++) {
                int row = rows[i];
                if (row < 0) {
                    continue;
                }
                int n = attributes.categoricalValueCount(column, row);
                for (int k = 0; k < n; k++) {
                    counts[attributes.categoricalValue(column, row, k)]++;
                }
                if (n > 0) {
                    Bits.set(present, i);
                }
            }
            this.postings = new int[counts.length][];
            for (int v = 0; v < counts.length; v++) {
                postings[v] = new int[counts[v]];
                counts[v] = 0;
            }
            for (int i = 0; i < rows.length; i++) {
                int row = rows[i];
                if (row < 0) {
                    continue;
                }
                int n = attributes.categoricalValueCount(column, row);
                for (int k = 0; k < n; k++) {
                    int v = attributes.categoricalValue(column, row, k);
                    postings[v][counts[v]++] = i;
                }
            }
        }

        @Override
        public long[] matching(Collection<String> values, boolean negate) {
            long[] bits = Bits.none(rows.length);
            for (String value : values) {
                int v = dictionary.indexOf(value);
                if (v >= 0) {
                    Bits.setAll(bits, postings[v], 0, postings[v].length);
                }
            }
            if (negate) {
                long[] complement = present.clone();
                Bits.andNot(complement, bits);
                return complement;
            }
            return bits;
        }

        @Override
        public List<String> valuesOf(String itemId) {
            int row = attributes.items().indexOf(itemId);
            if (column < 0 || row < 0) {
                return List.of();
            }
            String[] values = new String[attributes.categoricalValueCount(column, row)];
            for (int k = 0; k < values.length; k++) {
                values[k] = dictionary.idOf(attributes.categoricalValue(column, row, k));
            }
            return List.of(values);
        }

        @Override
        public int valueCount() {
            return dictionary.size();
        }

        @Override
        public int[] valueIds(int catalogIndex) {
            int row = rows[catalogIndex];
            if (column < 0 || row < 0) {
                return new int[0];
            }
            int n = attributes.categoricalValueCount(column, row);
            int[] ids = new int[n];
            int distinct = 0;
            for (int k = 0; k < n; k++) {
                int v = attributes.categoricalValue(column, row, k);
                boolean repeat = false;
                for (int j = 0; j < distinct && !repeat; j++) {
                    repeat = ids[j] == v;
                }
                if (!repeat) {
                    ids[distinct++] = v;
                }
            }
            return distinct == n ? ids : Arrays.copyOf(ids, distinct);
        }
    }

    /** {@code ITEM_ID}: every item has exactly one value, its id. */
    private final class IdColumn implements StringColumn {

        @Override
        public long[] matching(Collection<String> values, boolean negate) {
            long[] bits = Bits.none(rows.length);
            for (String value : values) {
                int i = catalog.indexOf(value);
                if (i >= 0) {
                    Bits.set(bits, i);
                }
            }
            if (negate) {
                long[] complement = all.clone();
                Bits.andNot(complement, bits);
                return complement;
            }
            return bits;
        }

        @Override
        public List<String> valuesOf(String itemId) {
            return List.of(itemId);
        }

        @Override
        public int valueCount() {
            return rows.length;
        }

        @Override
        public int[] valueIds(int catalogIndex) {
            return new int[] {catalogIndex};
        }
    }

    /** A numerical column in catalog order, and its catalog items sorted by value (missing values left out). */
    final class NumericColumn {

        private final int column;
        private final String field;
        private final double[] values;
        private final int[] order;
        private final double[] sorted;
        private final long[] present;

        NumericColumn(int column, String field, double[] values) {
            this.column = column;
            this.field = field;
            this.values = values;
            int count = 0;
            for (double value : values) {
                if (!Double.isNaN(value)) {
                    count++;
                }
            }
            int[] items = new int[count];
            this.present = Bits.none(values.length);
            count = 0;
            for (int i = 0; i < values.length; i++) {
                if (!Double.isNaN(values[i])) {
                    items[count++] = i;
                    Bits.set(present, i);
                }
            }
            IndexSort.stableSort(items, (a, b) -> Double.compare(values[a], values[b]));
            this.order = items;
            this.sorted = new double[items.length];
            for (int k = 0; k < items.length; k++) {
                sorted[k] = values[items[k]];
            }
        }

        /** The catalog items whose value {@code v} satisfies {@code value <operator> v}; a fresh bitset. */
        long[] matching(Operator operator, double v) {
            long[] bits = Bits.none(values.length);
            if (Double.isNaN(v)) {
                return bits;
            }
            int below = firstAtLeast(v);
            int atMost = firstAbove(v);
            switch (operator) {
                case LESS:
                    Bits.setAll(bits, order, 0, below);
                    return bits;
                case LESS_OR_EQUAL:
                    Bits.setAll(bits, order, 0, atMost);
                    return bits;
                case GREATER:
                    Bits.setAll(bits, order, atMost, order.length);
                    return bits;
                case GREATER_OR_EQUAL:
                    Bits.setAll(bits, order, below, order.length);
                    return bits;
                case EQUAL:
                    Bits.setAll(bits, order, below, atMost);
                    return bits;
                case NOT_EQUAL:
                    Bits.setAll(bits, order, below, atMost);
                    long[] complement = present.clone();
                    Bits.andNot(complement, bits);
                    return complement;
                default:
                    throw new IllegalArgumentException(operator + " does not compare numbers");
            }
        }

        /** The value of item {@code itemId}, which need not be in the catalog; NaN if it has none. */
        double valueOf(String itemId) {
            int catalogIndex = catalog.indexOf(itemId);
            if (catalogIndex >= 0) {
                return values[catalogIndex];
            }
            int row = attributes.items().indexOf(itemId);
            return row < 0 ? Double.NaN : value(column, field, row);
        }

        /** The first position in {@code sorted} whose value is {@code >= v}. */
        private int firstAtLeast(double v) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted[mid] < v) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        /** The first position in {@code sorted} whose value is {@code > v}. */
        private int firstAbove(double v) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted[mid] <= v) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
