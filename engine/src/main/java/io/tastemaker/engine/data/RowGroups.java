package io.tastemaker.engine.data;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntBinaryOperator;

/**
 * The rows of an {@link InteractionLog} grouped by a key (user or item) in compressed sparse row
 * form: the rows of group {@code g} are {@code row(start(g)) .. row(end(g) - 1)}, oldest first
 * (ascending timestamp; rows with equal timestamps keep their order in the log).
 *
 * <p>Every index of the key's dictionary is a group, so a group may be empty (for instance a user
 * whose interactions were all filtered out). Immutable.
 */
public final class RowGroups {

    private final int[] offsets;
    private final int[] rows;

    private RowGroups(int[] offsets, int[] rows) {
        this.offsets = offsets;
        this.rows = rows;
    }

    /**
     * Groups rows {@code 0 .. keys.length - 1} by {@code keys[row]} (a counting sort), then orders
     * each group by {@code timestamps[row]}.
     */
    static RowGroups of(int[] keys, int groupCount, long[] timestamps) {
        int[] offsets = new int[groupCount + 1];
        for (int key : keys) {
            offsets[key + 1]++;
        }
        for (int g = 0; g < groupCount; g++) {
            offsets[g + 1] += offsets[g];
        }
        int[] next = Arrays.copyOf(offsets, groupCount);
        int[] rows = new int[keys.length];
        for (int row = 0; row < keys.length; row++) {
            rows[next[keys[row]]++] = row;
        }
        IntBinaryOperator byTimestamp = (a, b) -> Long.compare(timestamps[a], timestamps[b]);
        for (int g = 0; g < groupCount; g++) {
            IndexSort.stableSort(rows, offsets[g], offsets[g + 1], byTimestamp);
        }
        return new RowGroups(offsets, rows);
    }

    /** The number of groups: the size of the key's dictionary. */
    public int groupCount() {
        return offsets.length - 1;
    }

    /** The first position of {@code group}'s rows. */
    public int start(int group) {
        Objects.checkIndex(group, offsets.length - 1);
        return offsets[group];
    }

    /** One past the last position of {@code group}'s rows. */
    public int end(int group) {
        Objects.checkIndex(group, offsets.length - 1);
        return offsets[group + 1];
    }

    /** The number of rows in {@code group}. */
    public int size(int group) {
        return end(group) - start(group);
    }

    /** The log row at {@code position} (between {@code start(g)} and {@code end(g) - 1} for some g). */
    public int row(int position) {
        return rows[position];
    }

    /** A copy of {@code group}'s rows, oldest first. */
    public int[] rowsOf(int group) {
        return Arrays.copyOfRange(rows, start(group), end(group));
    }

    /** The total number of rows over all groups. */
    public int totalRows() {
        return rows.length;
    }
}
