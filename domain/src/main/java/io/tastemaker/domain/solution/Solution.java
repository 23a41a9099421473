package io.tastemaker.domain.solution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A solution: a recipe and its training configuration over a dataset group. */
@Entity
@Table(name = "solution")
public class Solution {

    @Id
    private String arn;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(name = "name", nullable = false, updatable = false)
    private String name;
    @Column(name = "dataset_group_arn", nullable = false, updatable = false)
    private String datasetGroupArn;
    @Column(name = "recipe_arn", nullable = false, updatable = false)
    private String recipeArn;
    @Column(name = "event_type", updatable = false)
    private String eventType;
    @Column(name = "perform_hpo", nullable = false, updatable = false)
    private boolean performHpo;
    @Column(name = "solution_config", updatable = false)
    private String solutionConfig;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "perform_auto_training", nullable = false)
    private boolean performAutoTraining;
    @Column(name = "auto_training_days", nullable = false)
    private int autoTrainingDays = SolutionSettings.DEFAULT_AUTO_TRAINING_DAYS;

    protected Solution() {
    }

    public Solution(String arn, String accountId, String name, String datasetGroupArn, String recipeArn, String eventType, boolean performHpo, String solutionConfig, String status, Instant createdAt, Instant updatedAt) {
        this.arn = arn;
        this.accountId = accountId;
        this.name = name;
        this.datasetGroupArn = datasetGroupArn;
        this.recipeArn = recipeArn;
        this.eventType = eventType;
        this.performHpo = performHpo;
        this.solutionConfig = solutionConfig;
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

    public String getName() {
        return name;
    }

    public String getDatasetGroupArn() {
        return datasetGroupArn;
    }

    public String getRecipeArn() {
        return recipeArn;
    }

    public String getEventType() {
        return eventType;
    }

    public boolean isPerformHpo() {
        return performHpo;
    }

    public String getSolutionConfig() {
        return solutionConfig;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Whether the solution retrains on its own schedule (performAutoTraining). */
    public boolean isPerformAutoTraining() {
        return performAutoTraining;
    }

    /** The schedule's period: {@code rate(N days)}. */
    public int getAutoTrainingDays() {
        return autoTrainingDays;
    }

    public void setAutoTraining(boolean perform, int days) {
        this.performAutoTraining = perform;
        this.autoTrainingDays = days;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
