package io.tastemaker.domain.solution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A solution version: one training run of a solution and, once ACTIVE, its model. */
@Entity
@Table(name = "solution_version")
public class SolutionVersion {

    public static final String MANUAL = "MANUAL";
    public static final String AUTOMATIC = "AUTOMATIC";

    @Id
    private String arn;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(name = "solution_arn", nullable = false, updatable = false)
    private String solutionArn;
    @Column(name = "name", updatable = false)
    private String name;
    @Column(name = "training_mode", nullable = false, updatable = false)
    private String trainingMode;
    @Column(name = "training_type", nullable = false, updatable = false)
    private String trainingType = MANUAL;
    @Column(name = "base_version_arn", updatable = false)
    private String baseVersionArn;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "execution_id")
    private Long executionId;
    @Column(name = "metrics")
    private String metrics;
    @Column(name = "training_seconds")
    private Double trainingSeconds;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "progress_step")
    private String progressStep;
    @Column(name = "progress_percent")
    private Double progressPercent;
    @Column(name = "tuned_hpo_params")
    private String tunedHpoParams;
    @Column(name = "hpo_trials")
    private String hpoTrials;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected SolutionVersion() {
    }

    public SolutionVersion(String arn, String accountId, String solutionArn, String name, String trainingMode, String status, Instant createdAt, Instant updatedAt) {
        this.arn = arn;
        this.accountId = accountId;
        this.solutionArn = solutionArn;
        this.name = name;
        this.trainingMode = trainingMode;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public String getArn() {
        return arn;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getSolutionArn() {
        return solutionArn;
    }

    public String getName() {
        return name;
    }

    public String getTrainingMode() {
        return trainingMode;
    }

    public String getStatus() {
        return status;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Long getExecutionId() {
        return executionId;
    }

    public String getMetrics() {
        return metrics;
    }

    public Double getTrainingSeconds() {
        return trainingSeconds;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    public void setExecutionId(Long executionId) {
        this.executionId = executionId;
    }

    public void setMetrics(String metrics) {
        this.metrics = metrics;
    }

    public void setTrainingSeconds(Double trainingSeconds) {
        this.trainingSeconds = trainingSeconds;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** When training started (CREATE IN_PROGRESS), or null before. */
    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    /** What training is doing now, for people; null before it starts. */
    public String getProgressStep() {
        return progressStep;
    }

    public void setProgressStep(String progressStep) {
        this.progressStep = progressStep;
    }

    /** How much of the training is done, 0 to 100; null before it starts. */
    public Double getProgressPercent() {
        return progressPercent;
    }

    public void setProgressPercent(Double progressPercent) {
        this.progressPercent = progressPercent;
    }

    /** The hyperparameters HPO chose, as a JSON object of strings; null without HPO. */
    public String getTunedHpoParams() {
        return tunedHpoParams;
    }

    public void setTunedHpoParams(String tunedHpoParams) {
        this.tunedHpoParams = tunedHpoParams;
    }

    /** The HPO trials, as a JSON array; null without HPO. */
    public String getHpoTrials() {
        return hpoTrials;
    }

    public void setHpoTrials(String hpoTrials) {
        this.hpoTrials = hpoTrials;
    }

    /** {@link #AUTOMATIC} if the schedule created the version, {@link #MANUAL} if a request did. */
    public String getTrainingType() {
        return trainingType;
    }

    /** For an automatic update: the version it was built from, whose campaigns it replaces. */
    public String getBaseVersionArn() {
        return baseVersionArn;
    }

    /** Marks a new version as created by the schedule. */
    void automatic(String baseVersionArn) {
        this.trainingType = AUTOMATIC;
        this.baseVersionArn = baseVersionArn;
    }
}
