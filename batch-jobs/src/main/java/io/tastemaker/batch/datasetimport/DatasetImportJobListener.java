package io.tastemaker.batch.datasetimport;

import io.tastemaker.domain.datasetimport.DatasetImportService;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** Fails the import cleanly (pending rows dropped, reason recorded) when the job did not complete. */
@Named
@Dependent
public class DatasetImportJobListener extends AbstractJobListener {

    @Inject
    JobContext jobContext;
    @Inject
    DatasetImportService imports;

    @Override
    public void afterJob() {
        // The batch status is not final while listeners run; the import's own status is.
        String arn = ImportContext.jobArn(jobContext);
        if (!imports.completed(arn)) {
            Object reason = jobContext.getTransientUserData();
            imports.fail(arn, reason != null ? reason.toString()
                    : "The import failed; see the server log for details.");
        }
    }
}
