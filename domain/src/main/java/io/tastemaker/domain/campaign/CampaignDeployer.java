package io.tastemaker.domain.campaign;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deploys campaigns off the request thread: loads the model of the requested solution version
 * into the {@link ModelRegistry}, then switches the campaign to it. The previous version keeps
 * serving until the switch.
 */
@ApplicationScoped
public class CampaignDeployer {

    private static final Logger LOG = Logger.getLogger(CampaignDeployer.class.getName());

    @Resource
    ManagedExecutorService executor;
    @Inject
    CampaignService campaigns;
    @Inject
    ModelRegistry registry;

    void onDeploy(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignDeployRequested request) {
        executor.submit(() -> deploy(request.campaignArn()));
    }

    void deploy(String campaignArn) {
        try {
            String versionArn = campaigns.beginDeployment(campaignArn);
            registry.get(versionArn);
            campaigns.deployed(campaignArn, versionArn);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deployment of " + campaignArn + " failed", e);
            campaigns.deploymentFailed(campaignArn, e.getMessage());
        }
    }
}
