package io.tastemaker.engine.filter;

import java.util.Arrays;

/**
 * Operations on item sets stored as bitsets: {@code long[]} words, item {@code i} at bit
 * {@code i & 63} of word {@code i >>> 6}. Bits past the catalog's size are always zero, so
 * complements stay inside the catalog.
 */
final class Bits {

    private Bits() {
    }

    static int words(int size) {
        return (size + 63) >>> 6;
    }

    static long[] none(int size) {
        return new long[words(size)];
    }

    static long[] all(int size) {
        long[] bits = new long[words(size)];
        Arrays.fill(bits, -1L);
        int tail = size & 63;
        if (tail != 0) {
            bits[bits.length - 1] = (1L << tail) - 1;
        }
        return bits;
    }

    static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    static boolean get(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    static void setAll(long[] bits, int[] items, int from, int to) {
        for (int k = from; k < to; k++) {
            int i = items[k];
            bits[i >>> 6] |= 1L << i;
        }
    }

    static void or(long[] into, long[] other) {
        for (int w = 0; w < into.length; w++) {
            into[w] |= other[w];
        }
    }

    static void and(long[] into, long[] other) {
        for (int w = 0; w < into.length; w++) {
            into[w] &= other[w];
        }
    }

    static void andNot(long[] into, long[] other) {
        for (int w = 0; w < into.length; w++) {
            into[w] &= ~other[w];
        }
    }

    static int count(long[] bits) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count;
    }
}
