package io.tastemaker.engine.recipe;

import java.util.function.IntPredicate;

/**
 * Selects the {@code k} best of a range of indices by a score, with a bounded heap over primitive
 * arrays: {@code O(n log k)}, no boxing.
 *
 * <p>Order: higher score first; equal scores by lower index first. So a selection is a pure
 * function of the scores, whatever order the candidates are visited in.
 */
final class TopK {

    private TopK() {
    }

    /**
     * The indices {@code i} in {@code [0, length)} with {@code candidate.test(i)}, best
     * {@code min(k, candidates)} of them by {@code scores[i]}, best first.
     *
     * @param candidate which indices may be selected; {@code null} for all
     */
    static int[] best(double[] scores, int length, int k, IntPredicate candidate) {
        if (k <= 0 || length == 0) {
            return new int[0];
        }
        int[] heap = new int[Math.min(k, length)];
        int size = 0;
        for (int i = 0; i < length; i++) {
            if (candidate != null && !candidate.test(i)) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = i;
                siftUp(heap, size, scores);
                size++;
            } else if (better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        return bestFirst(heap, size, scores);
    }

    /**
     * The best {@code min(k, count)} of {@code candidates[0, count)} by {@code scores[candidate]},
     * best first, in the order of the class comment; for sparse candidate sets (the items that
     * co-occur with one item), where visiting every index would cost more than the selection.
     * The candidates must be distinct.
     */
    static int[] best(double[] scores, int[] candidates, int count, int k) {
        if (k <= 0 || count == 0) {
            return new int[0];
        }
        int[] heap = new int[Math.min(k, count)];
        int size = 0;
        for (int c = 0; c < count; c++) {
            int i = candidates[c];
            if (size < heap.length) {
                heap[size] = i;
                siftUp(heap, size, scores);
                size++;
            } else if (better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        return bestFirst(heap, size, scores);
    }

    /**
     * A selection fed one index and its score at a time, for scores computed piece by piece and
     * never held for the whole range. Same order as the class comment, so offering every index
     * selects what {@link #best(double[], int, int, IntPredicate)} selects.
     */
    static final class Running {

        private final int[] indices;
        private final double[] scores;
        private int size;

        /** Keeps the best {@code k >= 0} indices offered. */
        Running(int k) {
            indices = new int[k];
            scores = new double[k];
        }

        /** Offers {@code index} with its score; an index must be offered at most once. */
        void offer(int index, double score) {
            if (size < indices.length) {
                int position = size++;
                while (position > 0) {
                    int parent = (position - 1) >>> 1;
                    if (!better(indices[parent], scores[parent], index, score)) {
                        break;
                    }
                    indices[position] = indices[parent];
                    scores[position] = scores[parent];
                    position = parent;
                }
                indices[position] = index;
                scores[position] = score;
            } else if (size > 0 && better(index, score, indices[0], scores[0])) {
                siftDownFromRoot(index, score, size);
            }
        }

        /** Whether the selection is full and {@code score} would not enter it, whatever its index. */
        boolean rejects(double score) {
            return size == indices.length && (size == 0 || score < scores[0]);
        }

        /** The number of indices selected. */
        int size() {
            return size;
        }

        /**
         * Orders the selection best first; afterwards {@link #index(int)} and {@link #score(int)}
         * give the selection by rank, and nothing more may be offered.
         */
        void sortBestFirst() {
            for (int end = size - 1; end > 0; end--) {
                int worst = indices[0];
                double worstScore = scores[0];
                siftDownFromRoot(indices[end], scores[end], end);
                indices[end] = worst;
                scores[end] = worstScore;
            }
        }

        int index(int rank) {
            return indices[rank];
        }

        double score(int rank) {
            return scores[rank];
        }

        /** Puts (index, score) at the root of the min-heap of the first {@code heapSize} entries and sifts it down. */
        private void siftDownFromRoot(int index, double score, int heapSize) {
            int position = 0;
            while (true) {
                int child = 2 * position + 1;
                if (child >= heapSize) {
                    break;
                }
                if (child + 1 < heapSize && better(indices[child], scores[child], indices[child + 1],
                        scores[child + 1])) {
                    child++;
                }
                if (!better(index, score, indices[child], scores[child])) {
                    break;
                }
                indices[position] = indices[child];
                scores[position] = scores[child];
                position = child;
            }
            indices[position] = index;
            scores[position] = score;
        }

        private static boolean better(int a, double sa, int b, double sb) {
            return sa > sb || sa == sb && a < b;
        }
    }

    /** Sorts a min-heap of {@code size} entries best first, trimmed to {@code size}. */
    private static int[] bestFirst(int[] heap, int size, double[] scores) {
        // Pop the worst to the end, repeatedly: the array ends up best first.
        for (int end = size - 1; end > 0; end--) {
            int worst = heap[0];
            heap[0] = heap[end];
            heap[end] = worst;
            siftDown(heap, end, scores);
        }
        if (size == heap.length) {
            return heap;
        }
        int[] result = new int[size];
        System.arraycopy(heap, 0, result, 0, size);
        return result;
    }

    /** Whether index {@code a} ranks before index {@code b}. */
    static boolean better(int a, int b, double[] scores) {
        double sa = scores[a];
        double sb = scores[b];
        return sa > sb || sa == sb && a < b;
    }

    /** Min-heap by rank: the worst selected index is at the root. */
    private static void siftUp(int[] heap, int position, double[] scores) {
        int item = heap[position];
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!better(heap[parent], item, scores)) {
                break;
            }
            heap[position] = heap[parent];
            position = parent;
        }
        heap[position] = item;
    }

    private static void siftDown(int[] heap, int size, double[] scores) {
        int position = 0;
        int item = heap[0];
        while (true) {
            int child = 2 * position + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(heap[child], heap[child + 1], scores)) {
                child++;
            }
            if (!better(item, heap[child], scores)) {
                break;
            }
            heap[position] = heap[child];
            position = child;
        }
        heap[position] = item;
    }
}
