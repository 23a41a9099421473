package io.tastemaker.web.console;

import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.solution.SolutionVersion;
import io.tastemaker.domain.solution.TrainingProgress;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A solution version: its state and, once ACTIVE, its offline metrics (by name). */
public final class VersionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String arn;
    private final String status;
    private final String trainingMode;
    private final String failureReason;
    private final String created;
    private final String trainingTime;
    private final List<MetricRow> metrics;
    private String progress;
    private String tunedHyperParameters;
    private List<TrialRow> trials = List.of();
    private String hpoObjective;

    VersionRow(String id, String arn, String status, String trainingMode, String failureReason, String created, String trainingTime, List<MetricRow> metrics) {
        this.id = id;
        this.arn = arn;
        this.status = status;
        this.trainingMode = trainingMode;
        this.failureReason = failureReason;
        this.created = created;
        this.trainingTime = trainingTime;
        this.metrics = metrics;
    }

    static VersionRow of(SolutionVersion version, Map<String, Double> metrics, Instant now) {
        List<MetricRow> rows = new ArrayList<>();
        new TreeMap<>(metrics).forEach((name, value) -> rows.add(new MetricRow(name, ConsoleFormat.metric(value), value)));
        VersionRow row = new VersionRow(ConsoleFormat.lastSegment(version.getArn()), version.getArn(), version.getStatus(),
                version.getTrainingMode(), version.getFailureReason(), ConsoleFormat.time(version.getCreatedAt()),
                ConsoleFormat.seconds(version.getTrainingSeconds()), List.copyOf(rows));
        TrainingProgress progress = TrainingProgress.of(version, now);
        if (progress != null) {
            row.progress = progress.step() + " · " + progress.percentComplete() + "%"
                    + (progress.estimatedSecondsRemaining() == null ? ""
                            : " · about " + ConsoleFormat.seconds((double) progress.estimatedSecondsRemaining()) + " left");
        }
        row.tunedHyperParameters = version.getTunedHpoParams();
        row.trials = TrialRow.of(version.getHpoTrials());
        row.hpoObjective = TrialRow.metricOf(version.getHpoTrials());
        return row;
    }

    /** Step, percent and time left while the version trains; null otherwise. */
    public String getProgress() {
        return progress;
    }

    /** Whether StopSolutionVersionCreation applies (CREATE PENDING or CREATE IN_PROGRESS). */
    public boolean isStoppable() {
        return Status.CREATE_PENDING.equals(status) || Status.CREATE_IN_PROGRESS.equals(status);
    }

    /** The HPO trials, in the order they ran; empty without HPO. */
    public List<TrialRow> getTrials() {
        return trials;
    }

    /** What the trials optimised, e.g. "Maximize normalized_discounted_cumulative_gain_at_10". */
    public String getHpoObjective() {
        return hpoObjective;
    }

    /** The hyperparameters HPO chose (JSON), or null. */
    public String getTunedHyperParameters() {
        return tunedHyperParameters;
    }

    public String getId() {
        return id;
    }

    public String getArn() {
        return arn;
    }

    public String getStatus() {
        return status;
    }

    public String getTrainingMode() {
        return trainingMode;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public String getCreated() {
        return created;
    }

    public String getTrainingTime() {
        return trainingTime;
    }

    public List<MetricRow> getMetrics() {
        return metrics;
    }
}
