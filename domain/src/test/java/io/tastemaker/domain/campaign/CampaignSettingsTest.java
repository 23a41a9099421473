package io.tastemaker.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.engine.recipe.ExplorationConfig;
import org.junit.jupiter.api.Test;

/** campaignConfig: itemExplorationConfig and enableMetadataWithRecommendations, read as Personalize sends them. */
class CampaignSettingsTest {

    @Test
    void readsItemExplorationConfigAsPersonalizeSendsIt() {
        CampaignSettings settings = CampaignSettings.parse("{\"itemExplorationConfig\": {\"explorationWeight\": \"0.9\", "
                + "\"explorationItemAgeCutOff\": \"7\"}}");

        assertThat(settings.exploration()).isEqualTo(new ExplorationConfig(0.9, 7));
        assertThat(settings.explorationOrOff()).isEqualTo(new ExplorationConfig(0.9, 7));
    }

    @Test
    void withoutItNothingIsExploredAndAConfigWithoutMembersTakesPersonalizesDefaults() {
        assertThat(CampaignSettings.parse(null).exploration()).isNull();
        assertThat(CampaignSettings.parse("{\"syncWithLatestSolutionVersion\": false}").explorationOrOff())
                .isEqualTo(new ExplorationConfig(0, 30));
        assertThat(CampaignSettings.parse("{\"syncWithLatestSolutionVersion\": false}").explorationOrOff().slots(25))
                .isZero();
        assertThat(CampaignSettings.parse("{\"itemExplorationConfig\": {}}").explorationOrOff())
                .isEqualTo(new ExplorationConfig(0.3, 30));
        assertThat(CampaignSettings.parse("{\"itemExplorationConfig\": {\"explorationWeight\": \"0\"}}").exploration())
                .isEqualTo(new ExplorationConfig(0, 30));
    }

    @Test
    void refusesInvalidValuesNamingTheField() {
        assertThatThrownBy(() -> CampaignSettings.parse("{\"itemExplorationConfig\": {\"explorationWeight\": \"2\"}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("campaignConfig.itemExplorationConfig.explorationWeight must be a number from 0 to 1");
        assertThatThrownBy(() -> CampaignSettings.parse(
                "{\"itemExplorationConfig\": {\"explorationItemAgeCutOff\": \"0\"}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("campaignConfig.itemExplorationConfig.explorationItemAgeCutOff");
        assertThatThrownBy(() -> CampaignSettings.parse("{\"itemExplorationConfig\": {\"weight\": \"0.5\"}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("campaignConfig.itemExplorationConfig has an unknown key 'weight'");
        assertThatThrownBy(() -> CampaignSettings.parse("{\"itemExplorationConfig\": \"0.5\"}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be a map");
        assertThatThrownBy(() -> CampaignSettings.parse(
                "{\"itemExplorationConfig\": {\"explorationWeight\": true}}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("campaignConfig.itemExplorationConfig.explorationWeight must be a string");
    }

    @Test
    void metadataIsOffUnlessEnabled() {
        assertThat(CampaignSettings.parse(null).enableMetadataWithRecommendations()).isFalse();
        assertThat(CampaignSettings.parse("{\"syncWithLatestSolutionVersion\": true}").enableMetadataWithRecommendations())
                .isFalse();
        assertThat(CampaignSettings.parse("{\"enableMetadataWithRecommendations\": true}").enableMetadataWithRecommendations())
                .isTrue();
        assertThat(CampaignSettings.parse("{\"enableMetadataWithRecommendations\": false}").enableMetadataWithRecommendations())
                .isFalse();
        CampaignSettings both = CampaignSettings.parse(
                "{\"enableMetadataWithRecommendations\": \"true\", \"syncWithLatestSolutionVersion\": true}");
        assertThat(both.enableMetadataWithRecommendations()).isTrue();
        assertThat(both.syncWithLatestSolutionVersion()).isTrue();
    }

    @Test
    void aValueOtherThanABooleanIsNamed() {
        assertThatThrownBy(() -> CampaignSettings.parse("{\"enableMetadataWithRecommendations\": \"yes\"}"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("campaignConfig.enableMetadataWithRecommendations must be true or false.");
    }
}
