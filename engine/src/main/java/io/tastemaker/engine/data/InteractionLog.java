package io.tastemaker.engine.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * An immutable columnar table of user–item interactions: one row per interaction, with the user,
 * item and event type as dense indices into this log's {@link IdDictionary dictionaries}, the
 * timestamp in epoch seconds and the event value ({@link Float#NaN} when the event has none).
 *
 * <p>Rows keep the order in which they were added. Columns are read row by row through
 * {@link #user(int)}, {@link #item(int)} and friends, which the JIT inlines into plain array reads;
 * the arrays themselves are never handed out, so a log cannot change after {@link Builder#build()}.
 *
 * <p>Logs derived with {@link #filter(IntPredicate)} share their parent's dictionaries, so an index
 * means the same user or item in both, and dictionary sizes count ids that may no longer have rows.
 *
 * <p>Contextual fields (Personalize's contextual metadata, such as {@code DEVICE}): a log may carry
 * any number of categorical columns named when the builder is made ({@link #builder(int, List)}).
 * Each row has at most one value per field, a dense index into that field's own dictionary
 * ({@link #contextValues(int)}), or {@link #NO_CONTEXT} when the row has none. A value is taken
 * whole: a {@code |} in it is part of the value, not a separator.
 */
public final class InteractionLog {

    /** The event-type index of a row that was added without an event type. */
    public static final int NO_EVENT_TYPE = -1;

    /** The context-value index of a row that has no value for a contextual field. */
    public static final int NO_CONTEXT = -1;

    private final IdDictionary users;
    private final IdDictionary items;
    private final IdDictionary eventTypes;
    private final int[] userColumn;
    private final int[] itemColumn;
    private final long[] timestampColumn;
    private final float[] valueColumn;
    private final int[] eventTypeColumn;
    private final List<String> contextFields;
    private final IdDictionary[] contextValues;
    /** [field][row] → value index or {@link #NO_CONTEXT}. */
    private final int[][] contextColumns;

    /** Computed on first use; a race only computes the same immutable value twice. */
    private volatile RowGroups rowsByUser;
    private volatile RowGroups rowsByItem;

    private InteractionLog(IdDictionary users, IdDictionary items, IdDictionary eventTypes,
            int[] userColumn, int[] itemColumn, long[] timestampColumn, float[] valueColumn,
            int[] eventTypeColumn, List<String> contextFields, IdDictionary[] contextValues, int[][] contextColumns) {
        this.users = users;
        this.items = items;
        this.eventTypes = eventTypes;
        this.userColumn = userColumn;
        this.itemColumn = itemColumn;
        this.timestampColumn = timestampColumn;
        this.valueColumn = valueColumn;
        this.eventTypeColumn = eventTypeColumn;
        this.contextFields = contextFields;
        this.contextValues = contextValues;
        this.contextColumns = contextColumns;
    }

    /** A builder for a new log with its own dictionaries. */
    public static Builder builder() {
        return new Builder(1024, List.of());
    }

    /** A builder for a new log, sized for about {@code expectedRows} rows. */
    public static Builder builder(int expectedRows) {
        return new Builder(expectedRows, List.of());
    }

    /**
     * A builder for a new log with the given contextual fields, whose values
     * {@link Builder#add(String, String, long, String, float, String[])} takes in this order.
     *
     * @param contextFields the fields' names, e.g. {@code DEVICE}; distinct ignoring case, not blank
     * @throws IllegalArgumentException if a name is blank or repeated
     */
    public static Builder builder(int expectedRows, List<String> contextFields) {
        return new Builder(expectedRows, contextFields);
    }

    /** The number of rows (interactions). */
    public int size() {
        return userColumn.length;
    }

    /** User ids; {@link #user(int)} indexes into it. */
    public IdDictionary users() {
        return users;
    }

    /** Item ids; {@link #item(int)} indexes into it. */
    public IdDictionary items() {
        return items;
    }

    /** Event types; {@link #eventType(int)} indexes into it. */
    public IdDictionary eventTypes() {
        return eventTypes;
    }

    /** The user index of {@code row}. */
    public int user(int row) {
        return userColumn[row];
    }

    /** The item index of {@code row}. */
    public int item(int row) {
        return itemColumn[row];
    }

    /** The timestamp of {@code row}, in seconds since the epoch. */
    public long timestamp(int row) {
        return timestampColumn[row];
    }

    /** The event value of {@code row}, or {@link Float#NaN} if the event has no value. */
    public float value(int row) {
        return valueColumn[row];
    }

    /** Whether {@code row} has an event value. */
    public boolean hasValue(int row) {
        return !Float.isNaN(valueColumn[row]);
    }

    /** The event-type index of {@code row}, or {@link #NO_EVENT_TYPE}. */
    public int eventType(int row) {
        return eventTypeColumn[row];
    }

    /** The contextual fields, in the builder's order; empty when the log has none. */
    public List<String> contextFields() {
        return contextFields;
    }

    /** The distinct values of contextual field {@code field}, indexed as {@link #context(int, int)} returns them. */
    public IdDictionary contextValues(int field) {
        return contextValues[field];
    }

    /** The value index of contextual field {@code field} in {@code row}, or {@link #NO_CONTEXT}. */
    public int context(int field, int row) {
        return contextColumns[field][row];
    }

    /**
     * The rows for which {@code rowFilter} (given a row index) is true, in their current order, as
     * a new log that shares this log's dictionaries. The predicate is called once per row.
     */
    public InteractionLog filter(IntPredicate rowFilter) {
        Objects.requireNonNull(rowFilter, "rowFilter");
        return repeat(row -> rowFilter.test(row) ? 1 : 0);
    }

    /**
     * Each row as many times as {@code copies} says (0 drops it), in their current order (copies of a
     * row next to each other), as a new log that shares this log's dictionaries; this log itself when
     * every row is kept once. The function is called once per row.
     *
     * @throws IllegalArgumentException if {@code copies} returns a negative number
     */
    public InteractionLog repeat(IntUnaryOperator copies) {
        Objects.requireNonNull(copies, "copies");
        int n = size();
        int[] times = new int[n];
        long total = 0;
        boolean unchanged = true;
        for (int row = 0; row < n; row++) {
            times[row] = copies.applyAsInt(row);
            if (times[row] < 0) {
                throw new IllegalArgumentException("copies of row " + row + " must be >= 0, was " + times[row]);
            }
            total += times[row];
            unchanged &= times[row] == 1;
        }
        if (unchanged) {
            return this;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("The repeated log would have " + total + " rows");
        }
        int count = (int) total;
        int[] kept = new int[count];
        int k = 0;
        for (int row = 0; row < n; row++) {
            for (int c = 0; c < times[row]; c++) {
                kept[k++] = row;
            }
        }
        int[] userOut = new int[count];
        int[] itemOut = new int[count];
        long[] timestampOut = new long[count];
        float[] valueOut = new float[count];
        int[] eventTypeOut = new int[count];
        int[][] contextOut = new int[contextColumns.length][count];
        for (int i = 0; i < count; i++) {
            int row = kept[i];
            userOut[i] = userColumn[row];
            itemOut[i] = itemColumn[row];
            timestampOut[i] = timestampColumn[row];
            valueOut[i] = valueColumn[row];
            eventTypeOut[i] = eventTypeColumn[row];
            for (int f = 0; f < contextColumns.length; f++) {
                contextOut[f][i] = contextColumns[f][row];
            }
        }
        return new InteractionLog(users, items, eventTypes, userOut, itemOut, timestampOut, valueOut,
                eventTypeOut, contextFields, contextValues, contextOut);
    }

    /** Rows grouped by user, each user's rows oldest first; one group per index of {@link #users()}. */
    public RowGroups rowsByUser() {
        RowGroups groups = rowsByUser;
        if (groups == null) {
            groups = RowGroups.of(userColumn, users.size(), timestampColumn);
            rowsByUser = groups;
        }
        return groups;
    }

    /** Rows grouped by item, each item's rows oldest first; one group per index of {@link #items()}. */
    public RowGroups rowsByItem() {
        RowGroups groups = rowsByItem;
        if (groups == null) {
            groups = RowGroups.of(itemColumn, items.size(), timestampColumn);
            rowsByItem = groups;
        }
        return groups;
    }

    @Override
    public String toString() {
        return "InteractionLog[rows=" + size() + ", users=" + users.size() + ", items=" + items.size()
                + ", eventTypes=" + eventTypes.size() + (contextFields.isEmpty() ? "" : ", context=" + contextFields)
                + "]";
    }

    /**
     * Collects rows into growable column arrays. Not thread-safe. A builder builds one log; rows are
     * validated as they are added, so a failed {@link #add} leaves the builder unchanged.
     */
    public static final class Builder {

        private static final int MAX_ROWS = Integer.MAX_VALUE - 8;

        private final IdDictionary.Builder users = new IdDictionary.Builder();
        private final IdDictionary.Builder items = new IdDictionary.Builder();
        private final IdDictionary.Builder eventTypes = new IdDictionary.Builder(4);
        private int[] userColumn;
        private int[] itemColumn;
        private long[] timestampColumn;
        private float[] valueColumn;
        private int[] eventTypeColumn;
        private final List<String> contextFields;
        private final IdDictionary.Builder[] contextValues;
        private int[][] contextColumns;
        private int size;
        private boolean built;

        private Builder(int expectedRows, List<String> contextFields) {
            if (expectedRows < 0) {
                throw new IllegalArgumentException("expectedRows must be >= 0, was " + expectedRows);
            }
            this.contextFields = List.copyOf(contextFields);
            Set<String> seen = new HashSet<>();
            for (String field : this.contextFields) {
                if (field.isBlank() || !seen.add(field.toUpperCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("Contextual field names must be distinct and not blank: "
                            + contextFields);
                }
            }
            int capacity = Math.max(16, expectedRows);
            userColumn = new int[capacity];
            itemColumn = new int[capacity];
            timestampColumn = new long[capacity];
            valueColumn = new float[capacity];
            eventTypeColumn = new int[capacity];
            contextValues = new IdDictionary.Builder[this.contextFields.size()];
            contextColumns = new int[this.contextFields.size()][capacity];
            for (int f = 0; f < contextValues.length; f++) {
                contextValues[f] = new IdDictionary.Builder(4);
            }
        }

        /**
         * Appends one interaction.
         *
         * @param userId the user's id, not empty
         * @param itemId the item's id, not empty
         * @param timestamp seconds since the epoch
         * @param eventType the event type, or {@code null} if the interaction has none
         * @param value the event value, or {@link Float#NaN} if the interaction has none; must not
         *     be infinite
         * @return this builder
         * @throws IllegalArgumentException if an id or the event type is empty, or the value is
         *     infinite
         */
        public Builder add(String userId, String itemId, long timestamp, String eventType, float value) {
            return add(userId, itemId, timestamp, eventType, value, null);
        }

        /**
         * Appends one interaction with its contextual values.
         *
         * @param context one value per contextual field of the builder, in their order, each
         *     {@code null} or empty when the row has none; {@code null} when the row has none at all
         * @return this builder
         * @throws IllegalArgumentException as {@link #add(String, String, long, String, float)}, or if
         *     {@code context} does not have one entry per contextual field
         */
        public Builder add(String userId, String itemId, long timestamp, String eventType, float value,
                String[] context) {
            if (context != null && context.length != contextFields.size()) {
                throw new IllegalArgumentException(context.length + " contextual values for "
                        + contextFields.size() + " contextual fields " + contextFields);
            }
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            requireId(userId, "userId");
            requireId(itemId, "itemId");
            if (eventType != null && eventType.isEmpty()) {
                throw new IllegalArgumentException("eventType must be null or not empty");
            }
            if (Float.isInfinite(value)) {
                throw new IllegalArgumentException("Event value must be finite or NaN, was " + value);
            }
            if (size == userColumn.length) {
                grow();
            }
            int user = users.intern(userId);
            int item = items.intern(itemId);
            int type = eventType == null ? NO_EVENT_TYPE : eventTypes.intern(eventType);
            userColumn[size] = user;
            itemColumn[size] = item;
            timestampColumn[size] = timestamp;
            valueColumn[size] = value;
            eventTypeColumn[size] = type;
            for (int f = 0; f < contextColumns.length; f++) {
                String v = context == null ? null : context[f];
                contextColumns[f][size] = v == null || v.isEmpty() ? NO_CONTEXT : contextValues[f].intern(v);
            }
            size++;
            return this;
        }

        /** The number of rows added so far. */
        public int size() {
            return size;
        }

        /** The log of the rows added so far. The builder cannot be used afterwards. */
        public InteractionLog build() {
            if (built) {
                throw new IllegalStateException("build() was already called");
            }
            built = true;
            IdDictionary[] values = new IdDictionary[contextValues.length];
            int[][] columns = new int[contextColumns.length][];
            for (int f = 0; f < values.length; f++) {
                values[f] = contextValues[f].build();
                columns[f] = Arrays.copyOf(contextColumns[f], size);
            }
            return new InteractionLog(users.build(), items.build(), eventTypes.build(),
                    Arrays.copyOf(userColumn, size), Arrays.copyOf(itemColumn, size),
                    Arrays.copyOf(timestampColumn, size), Arrays.copyOf(valueColumn, size),
                    Arrays.copyOf(eventTypeColumn, size), contextFields, values, columns);
        }

        private static void requireId(String id, String name) {
            Objects.requireNonNull(id, name);
            if (id.isEmpty()) {
                throw new IllegalArgumentException(name + " must not be empty");
            }
        }

        private void grow() {
            if (size >= MAX_ROWS) {
                throw new IllegalStateException("An interaction log holds at most " + MAX_ROWS + " rows");
            }
            int capacity = (int) Math.min(MAX_ROWS, (long) size + (size >> 1) + 16);
            userColumn = Arrays.copyOf(userColumn, capacity);
            itemColumn = Arrays.copyOf(itemColumn, capacity);
            timestampColumn = Arrays.copyOf(timestampColumn, capacity);
            valueColumn = Arrays.copyOf(valueColumn, capacity);
            eventTypeColumn = Arrays.copyOf(eventTypeColumn, capacity);
            for (int f = 0; f < contextColumns.length; f++) {
                contextColumns[f] = Arrays.copyOf(contextColumns[f], capacity);
            }
        }
    }
}
