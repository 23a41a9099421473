package io.tastemaker.engine.data;

import java.util.Objects;
import java.util.function.IntBinaryOperator;

/**
 * Stable sorting of {@code int} arrays (typically row or item indices) by a primitive comparator,
 * without boxing. Used where an order must be deterministic: equal elements keep their input
 * order.
 */
public final class IndexSort {

    private static final int INSERTION_SORT_THRESHOLD = 24;

    private IndexSort() {
    }

    /**
     * Sorts {@code values[from, to)} stably into ascending order of {@code comparator}, which
     * returns a negative number, zero or a positive number as its first argument orders before, the
     * same as, or after its second.
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code values}
     */
    public static void stableSort(int[] values, int from, int to, IntBinaryOperator comparator) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(comparator, "comparator");
        Objects.checkFromToIndex(from, to, values.length);
        if (to - from < 2 || isSorted(values, from, to, comparator)) {
            return;
        }
        if (to - from <= INSERTION_SORT_THRESHOLD) {
            insertionSort(values, from, to, comparator);
            return;
        }
        int[] scratch = new int[to - from];
        mergeSort(values, from, to, comparator, scratch);
    }

    /** Sorts the whole array stably; see {@link #stableSort(int[], int, int, IntBinaryOperator)}. */
    public static void stableSort(int[] values, IntBinaryOperator comparator) {
        stableSort(values, 0, values.length, comparator);
    }

    private static boolean isSorted(int[] values, int from, int to, IntBinaryOperator comparator) {
        for (int i = from + 1; i < to; i++) {
            if (comparator.applyAsInt(values[i - 1], values[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    private static void insertionSort(int[] values, int from, int to, IntBinaryOperator comparator) {
        for (int i = from + 1; i < to; i++) {
            int value = values[i];
            int j = i - 1;
            while (j >= from && comparator.applyAsInt(values[j], value) > 0) {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = value;
        }
    }

    /** Top-down merge sort; {@code scratch} has at least {@code to - from} elements. */
    private static void mergeSort(int[] values, int from, int to, IntBinaryOperator comparator, int[] scratch) {
        if (to - from <= INSERTION_SORT_THRESHOLD) {
            insertionSort(values, from, to, comparator);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(values, from, mid, comparator, scratch);
        mergeSort(values, mid, to, comparator, scratch);
        if (comparator.applyAsInt(values[mid - 1], values[mid]) <= 0) {
            return;
        }
        int leftLength = mid - from;
        System.arraycopy(values, from, scratch, 0, leftLength);
        int left = 0;
        int right = mid;
        int out = from;
        while (left < leftLength && right < to) {
            // Taking from the left on ties keeps the sort stable.
            if (comparator.applyAsInt(values[right], scratch[left]) < 0) {
                values[out++] = values[right++];
            } else {
                values[out++] = scratch[left++];
            }
        }
        System.arraycopy(scratch, left, values, out, leftLength - left);
    }
}
