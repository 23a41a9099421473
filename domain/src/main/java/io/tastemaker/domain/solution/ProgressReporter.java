package io.tastemaker.domain.solution;

import io.tastemaker.domain.common.Status;
import io.tastemaker.engine.recipe.TrainingMonitor;
import io.tastemaker.engine.recipe.TrainingStoppedException;

/**
 * A training run's {@link TrainingMonitor}: records the step and percent on the solution version
 * at most once per {@link #INTERVAL_NANOS} and, in the same round trip, learns whether
 * StopSolutionVersionCreation asked the run to stop.
 *
 * <p>The database is touched only from the thread that created the reporter (the batch job's);
 * reports from other threads (a recipe's worker pool) update the latest values, which the next
 * report from the owner writes, and still stop the run once a stop is known.
 */
final class ProgressReporter implements TrainingMonitor {

    static final long INTERVAL_NANOS = 1_000_000_000L;

    private final SolutionVersionService versions;
    private final String arn;
    private final Thread owner = Thread.currentThread();
    private long lastWrite = System.nanoTime() - INTERVAL_NANOS;
    private volatile boolean stopRequested;
    private volatile double lastFraction;

    ProgressReporter(SolutionVersionService versions, String arn) {
        this.versions = versions;
        this.arn = arn;
    }

    @Override
    public void progress(String step, double fraction) {
        lastFraction = Math.max(lastFraction, fraction);
        if (Thread.currentThread() == owner) {
            long now = System.nanoTime();
            if (now - lastWrite >= INTERVAL_NANOS || fraction >= 1) {
                lastWrite = now;
                String status = versions.progress(arn, step, 100 * lastFraction);
                stopRequested = Status.CREATE_STOPPING.equals(status) || Status.CREATE_STOPPED.equals(status);
            }
        }
        if (stopRequested) {
            throw new TrainingStoppedException("StopSolutionVersionCreation was called for " + arn);
        }
    }
}
