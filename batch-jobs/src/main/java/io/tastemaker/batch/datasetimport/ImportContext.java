package io.tastemaker.batch.datasetimport;

import io.tastemaker.batch.JobLauncher;
import jakarta.batch.runtime.context.JobContext;
import java.util.Properties;

/** Reads the import job's ARN from the job parameters and records why a step failed. */
final class ImportContext {

    private ImportContext() {
    }

    static String jobArn(JobContext job) {
        Properties p = jakarta.batch.runtime.BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        return p.getProperty(JobLauncher.RESOURCE_ARN);
    }

    /** Keeps the first failure's message for the listener, which reports it as the failureReason. */
    static void recordFailure(JobContext job, String message) {
        if (job.getTransientUserData() == null) {
            job.setTransientUserData(message);
        }
    }
}
