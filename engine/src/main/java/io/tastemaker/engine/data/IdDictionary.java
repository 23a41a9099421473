package io.tastemaker.engine.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable, bidirectional mapping between external string ids (user ids, item ids, event
 * types) and dense indices {@code 0 .. size() - 1}, assigned in order of first appearance.
 *
 * <p>Lookups by string use an open-addressing hash table over primitive arrays, so a lookup
 * allocates nothing and boxes nothing. Instances are safe to share between threads.
 */
public final class IdDictionary {

    private static final IdDictionary EMPTY = new Builder().build();

    private final String[] ids;
    /** Hash slots holding {@code index + 1}; {@code 0} marks an empty slot. Length is a power of two. */
    private final int[] slots;

    private IdDictionary(String[] ids, int[] slots) {
        this.ids = ids;
        this.slots = slots;
    }

    /** The dictionary with no ids. */
    public static IdDictionary empty() {
        return EMPTY;
    }

    /**
     * A dictionary of the given ids, indexed in argument order.
     *
     * @throws IllegalArgumentException if an id is empty or appears twice
     * @throws NullPointerException if an id is null
     */
    public static IdDictionary of(String... ids) {
        Builder builder = new Builder(ids.length);
        for (String id : ids) {
            int before = builder.size();
            if (builder.intern(id) != before) {
                throw new IllegalArgumentException("Duplicate id '" + id + "'");
            }
        }
        return builder.build();
    }

    /** The index of {@code id}, or {@code -1} if the dictionary does not contain it. */
    public int indexOf(String id) {
        Objects.requireNonNull(id, "id");
        int slot = findSlot(ids, slots, id);
        return slots[slot] - 1;
    }

    /**
     * The id at {@code index}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     */
    public String idOf(int index) {
        Objects.checkIndex(index, ids.length);
        return ids[index];
    }

    /** The number of ids. */
    public int size() {
        return ids.length;
    }

    @Override
    public String toString() {
        return "IdDictionary[size=" + ids.length + "]";
    }

    /** The slot holding {@code id}, or the empty slot where it would be inserted. */
    private static int findSlot(String[] ids, int[] slots, String id) {
        int mask = slots.length - 1;
        int slot = spread(id.hashCode()) & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0 || ids[entry - 1].equals(id)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /**
     * Assigns dense indices to ids as they are first seen. Not thread-safe; {@link #build()} takes a
     * snapshot, so the builder stays usable afterwards.
     */
    public static final class Builder {

        private static final int MAX_IDS = 1 << 29;

        private String[] ids;
        private int[] slots;
        private int size;

        /** A builder with room for a few ids before it grows. */
        public Builder() {
            this(16);
        }

        /** A builder sized for about {@code expectedIds} ids. */
        public Builder(int expectedIds) {
            if (expectedIds < 0) {
                throw new IllegalArgumentException("expectedIds must be >= 0, was " + expectedIds);
            }
            int capacity = Math.max(16, Math.min(expectedIds, MAX_IDS));
            this.ids = new String[capacity];
            this.slots = new int[tableSizeFor(capacity)];
        }

        /**
         * The index of {@code id}, assigning the next free index if it is new.
         *
         * @throws IllegalArgumentException if {@code id} is empty
         * @throws NullPointerException if {@code id} is null
         */
        public int intern(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isEmpty()) {
                throw new IllegalArgumentException("Ids must not be empty");
            }
            int slot = findSlot(ids, slots, id);
            int entry = slots[slot];
            if (entry != 0) {
                return entry - 1;
            }
            if (size == ids.length) {
                grow();
                slot = findSlot(ids, slots, id);
            }
            ids[size] = id;
            slots[slot] = size + 1;
            return size++;
        }

        /** The index of {@code id}, or {@code -1} if it has not been interned. */
        public int indexOf(String id) {
            Objects.requireNonNull(id, "id");
            return slots[findSlot(ids, slots, id)] - 1;
        }

        /** The number of distinct ids interned so far. */
        public int size() {
            return size;
        }

        /** An immutable snapshot of the ids interned so far. */
        public IdDictionary build() {
            return new IdDictionary(Arrays.copyOf(ids, size), slots.clone());
        }

        private void grow() {
            if (ids.length >= MAX_IDS) {
                throw new IllegalStateException("More than " + MAX_IDS + " distinct ids");
            }
            int capacity = Math.min(MAX_IDS, ids.length * 2);
            ids = Arrays.copyOf(ids, capacity);
            int[] table = new int[tableSizeFor(capacity)];
            for (int i = 0; i < size; i++) {
                table[findSlot(ids, table, ids[i])] = i + 1;
            }
            slots = table;
        }

        /** A power of two at least twice {@code capacity}, keeping the load factor at most 1/2. */
        private static int tableSizeFor(int capacity) {
            return Integer.highestOneBit(Math.max(1, capacity) - 1) << 2;
        }
    }
}
