package io.tastemaker.domain.solution;

import io.tastemaker.domain.common.Status;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a running training stands, for DescribeSolutionVersion and the console.
 *
 * <p>The estimate assumes the rest of the run goes at the average pace so far:
 * {@code elapsed × (100 − percent) / percent}. It is given only once at least
 * {@value #MIN_PERCENT_FOR_ESTIMATE}% is done, since the first steps (reading data) say little
 * about the pace of the rest.
 *
 * @param step what training is doing now
 * @param percentComplete 0 to 100, rounded to one decimal
 * @param estimatedSecondsRemaining the estimate, or null when there is none yet
 */
public record TrainingProgress(String step, double percentComplete, Long estimatedSecondsRemaining) {

    static final double MIN_PERCENT_FOR_ESTIMATE = 5;

    /** The progress of a version that is training, or null for one that is not. */
    public static TrainingProgress of(SolutionVersion version, Instant now) {
        if (!Status.CREATE_IN_PROGRESS.equals(version.getStatus()) && !Status.CREATE_STOPPING.equals(version.getStatus())
                || version.getStartedAt() == null || version.getProgressPercent() == null) {
            return null;
        }
        double percent = version.getProgressPercent();
        Long remaining = null;
        if (percent >= MIN_PERCENT_FOR_ESTIMATE && percent < 100) {
            double elapsed = Math.max(0, Duration.between(version.getStartedAt(), now).toMillis() / 1000.0);
            remaining = Math.round(elapsed * (100 - percent) / percent);
        }
        String step = Status.CREATE_STOPPING.equals(version.getStatus()) ? "Stopping" : version.getProgressStep();
        return new TrainingProgress(step, Math.round(percent * 10) / 10.0, remaining);
    }
}
