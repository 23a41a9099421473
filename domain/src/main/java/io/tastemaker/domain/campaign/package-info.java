/**
 * Campaigns: deployment of a solution version for real-time recommendations. The model is
 * loaded once into the {@link io.tastemaker.domain.campaign.ModelRegistry} (from the database,
 * so it survives restarts and any node can serve it). minProvisionedTPS is recorded; it does not
 * limit throughput here. Of {@code campaignConfig}, {@code syncWithLatestSolutionVersion},
 * {@code enableMetadataWithRecommendations} and, for aws-user-personalization (-v2) campaigns only,
 * {@code itemExplorationConfig} ({@code explorationWeight} 0–1, default 0.3;
 * {@code explorationItemAgeCutOff} days ≥ 1, default 30) are acted on
 * ({@link io.tastemaker.domain.campaign.CampaignSettings}); the stored JSON is returned by
 * DescribeCampaign as it was sent. Unlike Personalize, a campaign without
 * {@code itemExplorationConfig} does not explore (ADR 16).
 */
package io.tastemaker.domain.campaign;
