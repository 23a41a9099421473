package io.tastemaker.batch.training;

import io.tastemaker.batch.JobLauncher;
import io.tastemaker.domain.solution.SolutionVersionService;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchRuntime;
import io.tastemaker.domain.common.Status;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/**
 * Marks the solution version CREATE FAILED, with the reason, when training did not complete (or
 * CREATE STOPPED when it ended because a stop was requested).
 */
@Named
@Dependent
public class SolutionTrainingJobListener extends AbstractJobListener {

    @Inject
    JobContext jobContext;
    @Inject
    SolutionVersionService versions;

    @Override
    public void afterJob() {
        // The batch status is not final while listeners run; the version's own status is.
        String arn = BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId())
                .getProperty(JobLauncher.RESOURCE_ARN);
        String status = versions.version(arn).getStatus();
        if (!Status.ACTIVE.equals(status) && !Status.CREATE_STOPPED.equals(status)) {
            Object reason = jobContext.getTransientUserData();
            versions.fail(arn, reason != null ? reason.toString() : "Training failed; see the server log for details.");
        }
    }
}
