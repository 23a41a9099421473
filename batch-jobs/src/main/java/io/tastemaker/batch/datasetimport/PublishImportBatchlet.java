package io.tastemaker.batch.datasetimport;

import io.tastemaker.domain.datasetimport.DatasetImportService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** Publishes the import's pending rows and marks it ACTIVE, in one transaction. */
@Named
@Dependent
public class PublishImportBatchlet extends AbstractBatchlet {

    @Inject
    JobContext jobContext;
    @Inject
    DatasetImportService imports;

    @Override
    public String process() {
        imports.complete(ImportContext.jobArn(jobContext));
        return BatchStatus.COMPLETED.name();
    }
}
