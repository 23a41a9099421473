package io.tastemaker.domain.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A dataset of one type (Interactions, Items or Users) in a dataset group, with its schema. */
@Entity
@Table(name = "dataset")
public class Dataset {

    @Id
    private String arn;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(name = "name", nullable = false, updatable = false)
    private String name;
    @Column(name = "dataset_group_arn", nullable = false, updatable = false)
    private String datasetGroupArn;
    @Column(name = "dataset_type", nullable = false, updatable = false)
    private String datasetType;
    @Column(name = "schema_arn", nullable = false)
    private String schemaArn;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "data_changed_at")
    private Instant dataChangedAt;

    protected Dataset() {
    }

    public Dataset(String arn, String accountId, String name, String datasetGroupArn, String datasetType, String schemaArn, String status, Instant createdAt, Instant updatedAt) {
        this.arn = arn;
        this.accountId = accountId;
        this.name = name;
        this.datasetGroupArn = datasetGroupArn;
        this.datasetType = datasetType;
        this.schemaArn = schemaArn;
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

    public String getDatasetType() {
        return datasetType;
    }

    public String getSchemaArn() {
        return schemaArn;
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

    public void setStatus(String status) {
        this.status = status;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /** When rows last arrived (to the minute); null if none ever did. */
    public Instant getDataChangedAt() {
        return dataChangedAt;
    }
}
