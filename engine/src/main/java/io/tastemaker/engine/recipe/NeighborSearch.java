package io.tastemaker.engine.recipe;

import io.tastemaker.engine.linalg.Parallel;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ForkJoinPool;

/**
 * Finds each catalog item's best related items, given a scorer, on a pool of threads: items are
 * processed in blocks, the items of a block in parallel, and progress is reported between blocks
 * (on the calling thread, so fractions never go back). Each item's list depends only on the scorer,
 * so the result is the same with any number of threads.
 */
final class NeighborSearch {

    /** Items per progress report. */
    private static final int BLOCK = 1_024;
    /** Items per parallel task. */
    private static final int TASK = 32;

    private NeighborSearch() {
    }

    /** Scores the candidates related to one item. */
    @FunctionalInterface
    interface Scorer {
        /**
         * Writes a score {@code > 0} into {@code scratch.scores[j]} for each candidate {@code j != item}
         * and lists the candidates in {@code scratch.listed}; may use the other scratch arrays, and
         * must leave {@code first} and {@code second} all zero again.
         *
         * @return the number of candidates listed
         */
        int score(int item, Scratch scratch);
    }

    /** Per-thread working arrays, one slot per catalog item. */
    static final class Scratch {
        final double[] scores;
        final double[] first;
        final double[] second;
        final int[] listed;
        final int[] stamp;

        Scratch(int items) {
            scores = new double[items];
            first = new double[items];
            second = new double[items];
            listed = new int[items];
            stamp = new int[items];
        }
    }

    /**
     * The best {@code perItem} related items of every item in {@code [0, items)}, as CSR arrays:
     * {@code offsets}, {@code neighbors}, {@code scores} (float), each list best first.
     *
     * @param step the progress step's name
     */
    static NeighborListModel.Lists run(int items, int perItem, Scorer scorer, ForkJoinPool pool,
            TrainingMonitor monitor, String step) {
        int[][] lists = new int[items][];
        float[][] listScores = new float[items][];
        ConcurrentLinkedDeque<Scratch> spare = new ConcurrentLinkedDeque<>();
        monitor.progress(step, 0);
        for (int blockStart = 0; blockStart < items; blockStart += BLOCK) {
            int start = blockStart;
            int end = Math.min(items, blockStart + BLOCK);
            Parallel.forEach(pool, (end - start + TASK - 1) / TASK, t -> {
                Scratch scratch = spare.pollFirst();
                if (scratch == null) {
                    scratch = new Scratch(items);
                }
                for (int i = start + t * TASK, last = Math.min(end, i + TASK); i < last; i++) {
                    // Stamps are item + 1, so no item's mark equals a fresh array's zeros.
                    int count = scorer.score(i, scratch);
                    int[] best = TopK.best(scratch.scores, scratch.listed, count, perItem);
                    float[] bestScores = new float[best.length];
                    for (int r = 0; r < best.length; r++) {
                        // A positive double stays positive as a float.
                        bestScores[r] = Math.max(Float.MIN_VALUE, (float) scratch.scores[best[r]]);
                    }
                    for (int c = 0; c < count; c++) {
                        scratch.scores[scratch.listed[c]] = 0;
                    }
                    lists[i] = best;
                    listScores[i] = bestScores;
                }
                spare.addFirst(scratch);
            });
            monitor.progress(step, (double) end / items);
        }
        int[] offsets = new int[items + 1];
        for (int i = 0; i < items; i++) {
            offsets[i + 1] = Math.addExact(offsets[i], lists[i].length);
        }
        int[] neighbors = new int[offsets[items]];
        float[] scores = new float[offsets[items]];
        for (int i = 0; i < items; i++) {
            System.arraycopy(lists[i], 0, neighbors, offsets[i], lists[i].length);
            System.arraycopy(listScores[i], 0, scores, offsets[i], listScores[i].length);
        }
        return new NeighborListModel.Lists(offsets, neighbors, scores);
    }
}
