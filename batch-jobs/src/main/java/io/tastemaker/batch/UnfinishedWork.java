package io.tastemaker.batch;

import io.tastemaker.domain.datasetimport.DatasetImportService;
import io.tastemaker.domain.solution.SolutionVersionService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * At start-up, imports and trainings that were running when the server stopped are failed
 * cleanly: an import's pending rows are dropped (the dataset keeps its previous data), and the
 * reason tells the user to run it again.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class UnfinishedWork {

    private static final Logger LOG = Logger.getLogger(UnfinishedWork.class.getName());

    @Inject
    DatasetImportService imports;
    @Inject
    SolutionVersionService versions;

    @PostConstruct
    void failInterruptedJobs() {
        for (String arn : imports.unfinished()) {
            LOG.warning(() -> "Import " + arn + " was interrupted by a server stop; failing it cleanly.");
            imports.fail(arn, "The server stopped while this import ran; the dataset keeps its previous data. "
                    + "Create the import job again.");
        }
        for (String arn : versions.unfinished()) {
            LOG.warning(() -> "Training " + arn + " was interrupted by a server stop; failing it.");
            versions.fail(arn, "The server stopped while this solution version trained. Create a new solution version.");
        }
    }
}
