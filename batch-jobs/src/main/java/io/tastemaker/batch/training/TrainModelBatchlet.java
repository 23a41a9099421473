package io.tastemaker.batch.training;

import io.tastemaker.batch.JobLauncher;
import io.tastemaker.domain.campaign.CampaignService;
import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.solution.SolutionVersion;
import io.tastemaker.domain.solution.SolutionVersionActivated;
import io.tastemaker.domain.solution.SolutionVersionService;
import io.tastemaker.domain.solution.TrainingService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** Trains one solution version (see {@link TrainingService}), then moves the campaigns that follow its solution. */
@Named
@Dependent
public class TrainModelBatchlet extends AbstractBatchlet {

    @Inject
    JobContext jobContext;
    @Inject
    SolutionVersionService versions;
    @Inject
    TrainingService training;
    @Inject
    CampaignService campaigns;

    @Override
    public String process() {
        String arn = BatchRuntime.getJobOperator().getParameters(jobContext.getExecutionId())
                .getProperty(JobLauncher.RESOURCE_ARN);
        if (!versions.started(arn, jobContext.getExecutionId())) {
            // Stopped (StopSolutionVersionCreation) before the job started.
            return BatchStatus.STOPPED.name();
        }
        try {
            training.train(arn);
            SolutionVersion trained = versions.version(arn);
            if (Status.ACTIVE.equals(trained.getStatus())) {
                // Committed: campaigns that follow the solution ($LATEST) move to the new version.
                campaigns.followNewVersion(new SolutionVersionActivated(trained.getAccountId(), trained.getSolutionArn(),
                        arn));
            }
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof jakarta.ejb.EJBException)) {
                cause = cause.getCause();
            }
            jobContext.setTransientUserData(cause.getMessage());
            throw e;
        }
        return BatchStatus.COMPLETED.name();
    }
}
