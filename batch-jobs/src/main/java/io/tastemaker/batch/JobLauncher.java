package io.tastemaker.batch;

import io.tastemaker.domain.datasetimport.DatasetImportService;
import io.tastemaker.domain.datasetimport.ImportRequested;
import io.tastemaker.domain.solution.SolutionVersionService;
import io.tastemaker.domain.solution.TrainingRequested;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the batch jobs that the domain asks for, once the transaction that asked commits (so
 * the job always finds its resource). If a job cannot start, its resource fails with the reason.
 */
@ApplicationScoped
public class JobLauncher {

    private static final Logger LOG = Logger.getLogger(JobLauncher.class.getName());
    public static final String RESOURCE_ARN = "resourceArn";

    /** Jobs start off the committing thread: JBatch must not see the finished transaction. */
    @Resource
    ManagedExecutorService executor;
    @Inject
    DatasetImportService imports;
    @Inject
    SolutionVersionService versions;

    void onImport(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportRequested request) {
        executor.execute(() -> startImport(request));
    }

    void onTraining(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrainingRequested request) {
        executor.execute(() -> startTraining(request));
    }

    private void startImport(ImportRequested request) {
        try {
            long id = operator().start("DatasetImportJob", params(request.jobArn()));
            LOG.info(() -> "Started DatasetImportJob execution " + id + " for " + request.jobArn());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not start the import " + request.jobArn(), e);
            imports.fail(request.jobArn(), "The import could not start: " + e.getMessage());
        }
    }

    private void startTraining(TrainingRequested request) {
        try {
            long id = operator().start("SolutionTrainingJob", params(request.solutionVersionArn()));
            LOG.info(() -> "Started SolutionTrainingJob execution " + id + " for " + request.solutionVersionArn());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not start training " + request.solutionVersionArn(), e);
            versions.fail(request.solutionVersionArn(), "Training could not start: " + e.getMessage());
        }
    }

    private static Properties params(String arn) {
        Properties p = new Properties();
        p.setProperty(RESOURCE_ARN, arn);
        return p;
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
