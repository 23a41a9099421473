package io.tastemaker.domain.datasetimport;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bulk import of a CSV file into a dataset, run as the DatasetImportJob batch job. */
@Entity
@Table(name = "dataset_import_job")
public class DatasetImportJob {

    @Id
    private String arn;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(name = "job_name", nullable = false, updatable = false)
    private String jobName;
    @Column(name = "dataset_arn", nullable = false, updatable = false)
    private String datasetArn;
    @Column(name = "data_location", nullable = false, updatable = false)
    private String dataLocation;
    @Column(name = "import_mode", nullable = false, updatable = false)
    private String importMode;
    @Column(name = "role_arn", updatable = false)
    private String roleArn;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "execution_id")
    private Long executionId;
    @Column(name = "batch_id")
    private Long batchId;
    @Column(name = "rows_read", nullable = false)
    private long rowsRead;
    @Column(name = "rows_imported", nullable = false)
    private long rowsImported;
    @Column(name = "rows_rejected", nullable = false)
    private long rowsRejected;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DatasetImportJob() {
    }

    public DatasetImportJob(String arn, String accountId, String jobName, String datasetArn, String dataLocation, String importMode, String roleArn, String status, Instant createdAt, Instant updatedAt) {
        this.arn = arn;
        this.accountId = accountId;
        this.jobName = jobName;
        this.datasetArn = datasetArn;
        this.dataLocation = dataLocation;
        this.importMode = importMode;
        this.roleArn = roleArn;
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

    public String getJobName() {
        return jobName;
    }

    public String getDatasetArn() {
        return datasetArn;
    }

    public String getDataLocation() {
        return dataLocation;
    }

    public String getImportMode() {
        return importMode;
    }

    public String getRoleArn() {
        return roleArn;
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

    /** The batch the import writes its rows into; null until it starts. */
    public Long getBatchId() {
        return batchId;
    }

    public void setBatchId(Long batchId) {
        this.batchId = batchId;
    }

    public long getRowsRead() {
        return rowsRead;
    }

    public long getRowsImported() {
        return rowsImported;
    }

    public long getRowsRejected() {
        return rowsRejected;
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

    public void setRowsRead(long rowsRead) {
        this.rowsRead = rowsRead;
    }

    public void setRowsImported(long rowsImported) {
        this.rowsImported = rowsImported;
    }

    public void setRowsRejected(long rowsRejected) {
        this.rowsRejected = rowsRejected;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
