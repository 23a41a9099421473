package io.tastemaker.batch.training;

import io.tastemaker.batch.JobLauncher;
import io.tastemaker.domain.solution.SolutionVersionService;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Marks the solution version CREATE FAILED, with the reason, when training did not complete. */
@Named
public class SolutionTrainingJobListener extends AbstractJobListener {

    @Inject
    JobContext jobContext;
    @Inject
    SolutionVersionService versions;

    @Override
    public void afterJob() {
        if (jobContext.getBatchStatus() != BatchStatus.COMPLETED) {
            String arn = BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId())
                    .getProperty(JobLauncher.RESOURCE_ARN);
            Object reason = jobContext.getTransientUserData();
            versions.fail(arn, reason != null ? reason.toString() : "Training failed; see the server log for details.");
        }
    }
}
