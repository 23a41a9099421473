/**
 * Campaigns: deployment of a solution version for real-time recommendations. The model is
 * loaded once into the {@link io.tastemaker.domain.campaign.ModelRegistry} (from the database,
 * so it survives restarts and any node can serve it). minProvisionedTPS is recorded; it does not
 * limit throughput here.
 */
package io.tastemaker.domain.campaign;
