package io.tastemaker.domain.campaign;

import io.tastemaker.domain.error.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A campaign's {@code campaignConfig}, as far as this server acts on it:
 * {@code syncWithLatestSolutionVersion} (the campaign moves to each new ACTIVE version of its
 * solution) and {@code enableMetadataWithRecommendations} (requests may ask for Items columns with
 * {@code metadataColumns}). Members whose behaviour this server does not provide yet
 * ({@code itemExplorationConfig}, {@code rankingInfluence}) are refused with a message rather than
 * stored and ignored.
 *
 * @param syncWithLatestSolutionVersion whether the campaign follows its solution's newest version
 * @param enableMetadataWithRecommendations whether GetRecommendations and GetPersonalizedRanking may
 *     return item metadata ({@code metadataColumns}); -v2 recipes have it whatever this says, as in
 *     Personalize
 */
public record CampaignSettings(boolean syncWithLatestSolutionVersion, boolean enableMetadataWithRecommendations) {

    /** No campaignConfig. */
    public static final CampaignSettings NONE = new CampaignSettings(false, false);

    /** Parses the campaignConfig JSON object as the API received it (null: none). */
    public static CampaignSettings parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonObject config;
        try (var reader = Json.createReader(new StringReader(json))) {
            config = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInputException("campaignConfig must be a JSON object.");
        }
        boolean sync = false;
        boolean metadata = false;
        for (var member : config.entrySet()) {
            if (member.getValue().getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            switch (member.getKey()) {
                case "syncWithLatestSolutionVersion" -> sync = bool(member.getKey(), member.getValue());
                case "enableMetadataWithRecommendations" -> metadata = bool(member.getKey(), member.getValue());
                case "itemExplorationConfig", "rankingInfluence" ->
                        throw new InvalidInputException("campaignConfig." + member.getKey() + " is not supported by this "
                                + "server yet; send the campaign without it.");
                default -> throw new InvalidInputException("campaignConfig has the unknown member " + member.getKey()
                        + "; it accepts syncWithLatestSolutionVersion and "
                        + "enableMetadataWithRecommendations.");
            }
        }
        return new CampaignSettings(sync, metadata);
    }

    private static boolean bool(String member, JsonValue value) {
        if (value == JsonValue.TRUE || value instanceof JsonString s && s.getString().equalsIgnoreCase("true")) {
            return true;
        }
        if (value == JsonValue.FALSE || value instanceof JsonString s && s.getString().equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidInputException("campaignConfig." + member + " must be true or false.");
    }
}
