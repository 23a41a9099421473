package io.tastemaker.domain.filter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A recommendation filter of a dataset group: its expression, checked against the group's schemas
 * when it was created. Filters have no update operation, so an expression never changes.
 */
@Entity
@Table(name = "recommendation_filter")
public class Filter {

    @Id
    private String arn;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(name = "name", nullable = false, updatable = false)
    private String name;
    @Column(name = "dataset_group_arn", nullable = false, updatable = false)
    private String datasetGroupArn;
    @Column(name = "filter_expression", nullable = false, updatable = false)
    private String filterExpression;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Filter() {
    }

    public Filter(String arn, String accountId, String name, String datasetGroupArn, String filterExpression,
            String status, Instant createdAt) {
        this.arn = arn;
        this.accountId = accountId;
        this.name = name;
        this.datasetGroupArn = datasetGroupArn;
        this.filterExpression = filterExpression;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
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

    public String getFilterExpression() {
        return filterExpression;
    }

    public String getStatus() {
        return status;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
