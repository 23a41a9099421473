package io.tastemaker.engine.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void runsEveryTaskOnceOnNamedDaemonThreads() {
        ForkJoinPool pool = Parallel.newPool("tastemaker-test-", 2);
        try {
            AtomicIntegerArray runs = new AtomicIntegerArray(1_000);
            Set<String> names = ConcurrentHashMap.newKeySet();
            Parallel.forEach(pool, runs.length(), t -> {
                runs.incrementAndGet(t);
                names.add(Thread.currentThread().getName());
                assertThat(Thread.currentThread().isDaemon()).isTrue();
            });

            for (int t = 0; t < runs.length(); t++) {
                assertThat(runs.get(t)).as("task %d", t).isEqualTo(1);
            }
            assertThat(names).isNotEmpty().allMatch(name -> name.matches("tastemaker-test-\\d+"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void runsInOrderOnTheCallerWithoutAPool() {
        StringBuilder order = new StringBuilder();
        Parallel.forEach(null, 4, order::append);
        Parallel.forEach(null, 0, order::append);

        assertThat(order).hasToString("0123");
    }

    @Test
    void rethrowsATasksException() {
        ForkJoinPool pool = Parallel.newPool("tastemaker-test-", 2);
        try {
            assertThatThrownBy(() -> Parallel.forEach(pool, 10, t -> {
                if (t == 7) {
                    throw new IllegalArgumentException("task 7 failed");
                }
            })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task 7 failed");
        } finally {
            pool.shutdown();
        }
    }
}
