package io.tastemaker.domain.datasetimport;

/** Fired when an import job has been created; observed after commit by whoever runs the job. */
public record ImportRequested(String accountId, String jobArn) {
}
