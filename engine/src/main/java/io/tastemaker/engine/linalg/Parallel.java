package io.tastemaker.engine.linalg;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Parallel loops over independent tasks {@code 0 .. count - 1} on a caller-supplied
 * {@link ForkJoinPool}, and named pools to run them on.
 *
 * <p>Results are deterministic as long as each task writes only its own outputs: which thread runs
 * a task never changes what the task computes, so the same input gives bit-identical output with
 * any number of threads.
 */
public final class Parallel {

    private Parallel() {
    }

    /**
     * A pool of {@code threads} daemon workers named {@code <prefix><n>} (n = 0, 1, ...). The caller
     * shuts it down.
     *
     * @throws IllegalArgumentException if {@code threads < 1} or the prefix is blank
     */
    public static ForkJoinPool newPool(String prefix, int threads) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isBlank()) {
            throw new IllegalArgumentException("prefix must not be blank");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        AtomicInteger next = new AtomicInteger();
        ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName(prefix + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
        return new ForkJoinPool(threads, factory, null, false);
    }

    /**
     * Runs {@code task.accept(t)} for every {@code t} in {@code [0, count)} and returns when all
     * have finished. With a {@code null} pool, or a single task, runs them on the calling thread in
     * order. An exception thrown by a task is rethrown here.
     */
    public static void forEach(ForkJoinPool pool, int count, IntConsumer task) {
        Objects.requireNonNull(task, "task");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        if (pool == null || count == 1 || pool.getParallelism() == 1) {
            for (int t = 0; t < count; t++) {
                task.accept(t);
            }
            return;
        }
        if (count > 0) {
            pool.invoke(new Range(task, 0, count));
        }
    }

    /** Splits a range in halves down to single tasks, so idle workers steal the rest. */
    private static final class Range extends RecursiveAction {

        private final transient IntConsumer task;
        private final int from;
        private final int to;

        Range(IntConsumer task, int from, int to) {
            this.task = task;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                task.accept(from);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Range(task, from, mid), new Range(task, mid, to));
        }
    }
}
