package io.tastemaker.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

/** campaignConfig.enableMetadataWithRecommendations is accepted and read as Personalize's boolean. */
class CampaignSettingsTest {

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
