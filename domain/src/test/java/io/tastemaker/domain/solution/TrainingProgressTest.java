package io.tastemaker.domain.solution;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.domain.common.Status;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

    private static final Instant STARTED = Instant.parse("2026-11-28T10:00:00Z");

    private static SolutionVersion version(String status, String step, Double percent) {
        SolutionVersion version = new SolutionVersion("arn:aws:personalize:us-east-1:123456789012:solution/s/1",
                "123456789012", "arn:aws:personalize:us-east-1:123456789012:solution/s", null, "FULL", status,
                STARTED, STARTED);
        version.setStartedAt(STARTED);
        version.setProgressStep(step);
        version.setProgressPercent(percent);
        return version;
    }

    @Test
    void estimatesTheTimeLeftFromThePaceSoFar() {
        TrainingProgress progress = TrainingProgress.of(version(Status.CREATE_IN_PROGRESS, "Final model: Inverting", 25.0),
                STARTED.plusSeconds(30));

        assertThat(progress.step()).isEqualTo("Final model: Inverting");
        assertThat(progress.percentComplete()).isEqualTo(25.0);
        assertThat(progress.estimatedSecondsRemaining()).as("30 s for 25%%, so 90 s for the other 75%%").isEqualTo(90L);
    }

    @Test
    void givesNoEstimateBeforeFivePercent() {
        TrainingProgress progress = TrainingProgress.of(version(Status.CREATE_IN_PROGRESS, "Reading", 4.96),
                STARTED.plusSeconds(3));

        assertThat(progress.percentComplete()).isEqualTo(5.0);
        assertThat(progress.estimatedSecondsRemaining()).isNull();
    }

    @Test
    void aStoppingVersionSaysSo() {
        TrainingProgress progress = TrainingProgress.of(version(Status.CREATE_STOPPING, "Final model: Inverting", 60.0),
                STARTED.plusSeconds(60));

        assertThat(progress.step()).isEqualTo("Stopping");
    }

    @Test
    void versionsThatAreNotTrainingHaveNoProgress() {
        assertThat(TrainingProgress.of(version(Status.ACTIVE, "Done", 100.0), STARTED)).isNull();
        assertThat(TrainingProgress.of(version(Status.CREATE_PENDING, null, null), STARTED)).isNull();
        assertThat(TrainingProgress.of(version(Status.CREATE_STOPPED, "Evaluation model", 30.0), STARTED)).isNull();
    }
}
