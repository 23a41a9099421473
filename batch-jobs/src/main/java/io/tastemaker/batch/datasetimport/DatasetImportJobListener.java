package io.tastemaker.batch.datasetimport;

import io.tastemaker.domain.datasetimport.DatasetImportService;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Fails the import cleanly (pending rows dropped, reason recorded) when the job did not complete. */
@Named
public class DatasetImportJobListener extends AbstractJobListener {

    @Inject
    JobContext jobContext;
    @Inject
    DatasetImportService imports;

    @Override
    public void afterJob() {
        if (jobContext.getBatchStatus() != BatchStatus.COMPLETED) {
            Object reason = jobContext.getTransientUserData();
            imports.fail(ImportContext.jobArn(jobContext), reason != null ? reason.toString()
                    : "The import failed (" + jobContext.getBatchStatus() + "); see the server log for details.");
        }
    }
}
