package io.tastemaker.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The attributes of a catalog's items (Personalize's Items dataset), column by column: categorical
 * fields (each item has a set of values; Personalize separates several values with {@code |}),
 * textual fields (free text, analysed by the recipes that use it), numerical fields, and the
 * item's creation time.
 *
 * <p>Items are indexed in order of first appearance in {@link #items()}; adding an item again
 * replaces its attributes. Missing values: a categorical field with no values, a {@code null} text,
 * a {@link Double#NaN} number, {@link #UNKNOWN_TIME} for the creation time. Instances are
 * immutable and thread-safe.
 */
public final class ItemAttributes {

    /** The creation time of an item that has none. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    private static final ItemAttributes EMPTY = builder(List.of(), List.of(), List.of()).build();
    private static final int[] NO_VALUES = new int[0];

    private final IdDictionary items;
    private final List<String> categoricalFields;
    private final List<String> textualFields;
    private final List<String> numericalFields;
    private final IdDictionary[] categoricalDictionaries;
    /** [field][item] → sorted distinct value indices. */
    private final int[][][] categorical;
    /** [field][item] → text or null. */
    private final String[][] textual;
    /** [field][item] → number or NaN. */
    private final double[][] numerical;
    private final long[] creationTimes;

    private ItemAttributes(Builder b) {
        this.items = b.items.build();
        int n = items.size();
        this.categoricalFields = b.categoricalFields;
        this.textualFields = b.textualFields;
        this.numericalFields = b.numericalFields;
        this.categoricalDictionaries = new IdDictionary[categoricalFields.size()];
        this.categorical = new int[categoricalFields.size()][][];
        for (int f = 0; f < categorical.length; f++) {
            categoricalDictionaries[f] = b.values[f].build();
            categorical[f] = new int[n][];
            for (int i = 0; i < n; i++) {
                int[] values = b.categorical[f].get(i);
                categorical[f][i] = values == null ? NO_VALUES : values;
            }
        }
        this.textual = new String[textualFields.size()][];
        for (int f = 0; f < textual.length; f++) {
            textual[f] = b.textual[f].toArray(new String[0]);
        }
        this.numerical = new double[numericalFields.size()][];
        for (int f = 0; f < numerical.length; f++) {
            numerical[f] = Arrays.copyOf(b.numerical[f], n);
        }
        this.creationTimes = Arrays.copyOf(b.creationTimes, n);
    }

    /** No items and no fields. */
    public static ItemAttributes empty() {
        return EMPTY;
    }

    /**
     * A builder for items with the given fields, in the order {@link Builder#add} takes their
     * values.
     *
     * @throws IllegalArgumentException if a field name is blank or appears twice across the lists
     */
    public static Builder builder(List<String> categoricalFields, List<String> textualFields,
            List<String> numericalFields) {
        return new Builder(categoricalFields, textualFields, numericalFields);
    }

    /** The item ids; an item's index here is its index in every accessor. */
    public IdDictionary items() {
        return items;
    }

    /** The number of items. */
    public int size() {
        return items.size();
    }

    /** The categorical field names, in the builder's order. */
    public List<String> categoricalFields() {
        return categoricalFields;
    }

    /** The textual field names, in the builder's order. */
    public List<String> textualFields() {
        return textualFields;
    }

    /** The numerical field names, in the builder's order. */
    public List<String> numericalFields() {
        return numericalFields;
    }

    /** The distinct values of categorical field {@code field}, indexed as {@link #categoricalValues} returns them. */
    public IdDictionary categoricalDictionary(int field) {
        return categoricalDictionaries[field];
    }

    /** The value indices of categorical field {@code field} for {@code item}, ascending and distinct; a copy. */
    public int[] categoricalValues(int field, int item) {
        return categorical[field][item].clone();
    }

    /** How many values categorical field {@code field} has for {@code item}. */
    public int categoricalValueCount(int field, int item) {
        return categorical[field][item].length;
    }

    /** The {@code k}-th value index of categorical field {@code field} for {@code item}. */
    public int categoricalValue(int field, int item, int k) {
        return categorical[field][item][k];
    }

    /** The text of textual field {@code field} for {@code item}, or {@code null}. */
    public String text(int field, int item) {
        return textual[field][item];
    }

    /** The value of numerical field {@code field} for {@code item}, or {@link Double#NaN}. */
    public double number(int field, int item) {
        return numerical[field][item];
    }

    /** The creation time of {@code item} in epoch seconds, or {@link #UNKNOWN_TIME}. */
    public long creationTime(int item) {
        return creationTimes[item];
    }

    @Override
    public String toString() {
        return "ItemAttributes[items=" + size() + ", categorical=" + categoricalFields + ", textual=" + textualFields
                + ", numerical=" + numericalFields + "]";
    }

    /** Collects items. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {

        private final List<String> categoricalFields;
        private final List<String> textualFields;
        private final List<String> numericalFields;
        private final IdDictionary.Builder items = new IdDictionary.Builder();
        private final IdDictionary.Builder[] values;
        private final List<int[]>[] categorical;
        private final List<String>[] textual;
        private double[][] numerical;
        private long[] creationTimes = new long[16];

        @SuppressWarnings("unchecked")
        private Builder(List<String> categoricalFields, List<String> textualFields, List<String> numericalFields) {
            this.categoricalFields = List.copyOf(categoricalFields);
            this.textualFields = List.copyOf(textualFields);
            this.numericalFields = List.copyOf(numericalFields);
            List<String> all = new ArrayList<>(this.categoricalFields);
            all.addAll(this.textualFields);
            all.addAll(this.numericalFields);
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).isBlank() || all.indexOf(all.get(i)) != i) {
                    throw new IllegalArgumentException("Field names must be non-blank and distinct: " + all);
                }
            }
            this.values = new IdDictionary.Builder[this.categoricalFields.size()];
            this.categorical = new List[this.categoricalFields.size()];
            for (int f = 0; f < values.length; f++) {
                values[f] = new IdDictionary.Builder();
                categorical[f] = new ArrayList<>();
            }
            this.textual = new List[this.textualFields.size()];
            for (int f = 0; f < textual.length; f++) {
                textual[f] = new ArrayList<>();
            }
            this.numerical = new double[this.numericalFields.size()][16];
        }

        /**
         * Adds an item, or replaces the attributes of one added before.
         *
         * @param itemId the item id, not empty
         * @param categoricalValues one raw value per categorical field, in order: several values
         *     separated by {@code |}, each trimmed; empty or {@code null} for none
         * @param texts one text per textual field, in order; {@code null} or blank for none
         * @param numbers one number per numerical field, in order; {@link Double#NaN} for none
         * @param creationTime epoch seconds, or {@link ItemAttributes#UNKNOWN_TIME}
         * @return this builder
         * @throws IllegalArgumentException if an array's length does not match its fields
         */
        public Builder add(String itemId, String[] categoricalValues, String[] texts, double[] numbers,
                long creationTime) {
            Objects.requireNonNull(itemId, "itemId");
            requireLength(categoricalValues == null ? 0 : categoricalValues.length, categoricalFields, "categorical");
            requireLength(texts == null ? 0 : texts.length, textualFields, "textual");
            requireLength(numbers == null ? 0 : numbers.length, numericalFields, "numerical");
            int before = items.size();
            int item = items.intern(itemId);
            boolean added = item == before;
            if (added && item == creationTimes.length) {
                int capacity = creationTimes.length * 2;
                creationTimes = Arrays.copyOf(creationTimes, capacity);
                for (int f = 0; f < numerical.length; f++) {
                    numerical[f] = Arrays.copyOf(numerical[f], capacity);
                }
            }
            for (int f = 0; f < categoricalFields.size(); f++) {
                int[] parsed = parseValues(values[f], categoricalValues[f]);
                set(categorical[f], item, added, parsed);
            }
            for (int f = 0; f < textualFields.size(); f++) {
                String text = texts[f];
                set(textual[f], item, added, text == null || text.isBlank() ? null : text);
            }
            for (int f = 0; f < numericalFields.size(); f++) {
                numerical[f][item] = numbers[f];
            }
            creationTimes[item] = creationTime;
            return this;
        }

        /** The number of distinct items added so far. */
        public int size() {
            return items.size();
        }

        /** The items added so far. */
        public ItemAttributes build() {
            return new ItemAttributes(this);
        }

        private static <T> void set(List<T> column, int item, boolean added, T value) {
            if (added) {
                column.add(value);
            } else {
                column.set(item, value);
            }
        }

        private static int[] parseValues(IdDictionary.Builder dictionary, String raw) {
            if (raw == null || raw.isBlank()) {
                return NO_VALUES;
            }
            String[] parts = raw.split("\\|");
            int[] indices = new int[parts.length];
            int count = 0;
            for (String part : parts) {
                String value = part.strip();
                if (!value.isEmpty()) {
                    indices[count++] = dictionary.intern(value);
                }
            }
            int[] sorted = Arrays.copyOf(indices, count);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
        }

        private static void requireLength(int length, List<String> fields, String kind) {
            if (length != fields.size()) {
                throw new IllegalArgumentException("Expected " + fields.size() + " " + kind + " values " + fields
                        + ", got " + length);
            }
        }
    }
}
