package io.tastemaker.domain.campaign;

/** Fired when a campaign was created or updated; the deployer loads its model after commit. */
public record CampaignDeployRequested(String campaignArn) {
}
