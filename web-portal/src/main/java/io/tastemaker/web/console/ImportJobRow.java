package io.tastemaker.web.console;

import io.tastemaker.domain.datasetimport.DatasetImportJob;
import java.io.Serializable;
import java.util.List;

/** A dataset import job with its counts and the rejected rows the server kept. */
public final class ImportJobRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String datasetType;
    private final String jobName;
    private final String arn;
    private final String status;
    private final String importMode;
    private final String dataLocation;
    private final String rowsRead;
    private final String rowsImported;
    private final String rowsRejected;
    private final String failureReason;
    private final String created;
    private final String updated;
    private final List<RejectionRow> rejections;

    ImportJobRow(String datasetType, String jobName, String arn, String status, String importMode, String dataLocation, String rowsRead, String rowsImported, String rowsRejected, String failureReason, String created, String updated, List<RejectionRow> rejections) {
        this.datasetType = datasetType;
        this.jobName = jobName;
        this.arn = arn;
        this.status = status;
        this.importMode = importMode;
        this.dataLocation = dataLocation;
        this.rowsRead = rowsRead;
        this.rowsImported = rowsImported;
        this.rowsRejected = rowsRejected;
        this.failureReason = failureReason;
        this.created = created;
        this.updated = updated;
        this.rejections = rejections;
    }

    static ImportJobRow of(String datasetType, DatasetImportJob job, List<RejectionRow> rejections) {
        return new ImportJobRow(datasetType, job.getJobName(), job.getArn(), job.getStatus(), job.getImportMode(),
                job.getDataLocation(), ConsoleFormat.count(job.getRowsRead()), ConsoleFormat.count(job.getRowsImported()),
                ConsoleFormat.count(job.getRowsRejected()), job.getFailureReason(), ConsoleFormat.time(job.getCreatedAt()),
                ConsoleFormat.time(job.getUpdatedAt()), List.copyOf(rejections));
    }

    public String getDatasetType() {
        return datasetType;
    }

    public String getJobName() {
        return jobName;
    }

    public String getArn() {
        return arn;
    }

    public String getStatus() {
        return status;
    }

    public String getImportMode() {
        return importMode;
    }

    public String getDataLocation() {
        return dataLocation;
    }

    public String getRowsRead() {
        return rowsRead;
    }

    public String getRowsImported() {
        return rowsImported;
    }

    public String getRowsRejected() {
        return rowsRejected;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public String getCreated() {
        return created;
    }

    public String getUpdated() {
        return updated;
    }

    public List<RejectionRow> getRejections() {
        return rejections;
    }
}
