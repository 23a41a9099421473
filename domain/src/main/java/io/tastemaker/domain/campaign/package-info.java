/**
 * Campaigns: deployment of a solution version for real-time recommendations. The model is
 * loaded once into the {@link io.tastemaker.domain.campaign.ModelRegistry} (from the database,
 * so it survives restarts and any node can serve it). minProvisionedTPS is recorded; it does not
 * limit throughput here. Of {@code campaignConfig}, {@code syncWithLatestSolutionVersion} and
 * {@code enableMetadataWithRecommendations} are acted on ({@link io.tastemaker.domain.campaign.CampaignSettings});
 * the stored JSON is returned by DescribeCampaign as it was sent.
 */
package io.tastemaker.domain.campaign;
