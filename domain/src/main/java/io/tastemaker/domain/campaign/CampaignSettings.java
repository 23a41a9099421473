package io.tastemaker.domain.campaign;

import io.tastemaker.domain.common.Texts;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.engine.recipe.ExplorationConfig;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A campaign's {@code campaignConfig}, as far as this server acts on it:
 * {@code syncWithLatestSolutionVersion} (the campaign moves to each new ACTIVE version of its
 * solution), {@code itemExplorationConfig} (new-item exploration of User-Personalization
 * campaigns, {@link ExplorationConfig}) and {@code enableMetadataWithRecommendations} (requests may
 * ask for Items columns with {@code metadataColumns}). Members whose behaviour this server does not
 * provide yet ({@code rankingInfluence}) are refused with a message rather than stored and ignored.
 *
 * @param syncWithLatestSolutionVersion whether the campaign follows its solution's newest version
 * @param exploration the campaign's {@code itemExplorationConfig}, or null when it gives none
 * @param enableMetadataWithRecommendations whether GetRecommendations and GetPersonalizedRanking may
 *     return item metadata ({@code metadataColumns}); -v2 recipes have it whatever this says, as in
 *     Personalize
 */
public record CampaignSettings(boolean syncWithLatestSolutionVersion, ExplorationConfig exploration,
        boolean enableMetadataWithRecommendations) {

    /** No campaignConfig. */
    public static final CampaignSettings NONE = new CampaignSettings(false, null, false);

    /**
     * The exploration the campaign asked for (members it left out take Personalize's defaults, weight
     * 0.3 and 30 days), or none without {@code itemExplorationConfig} ({@link ExplorationConfig#OFF}).
     */
    public ExplorationConfig explorationOrOff() {
        return exploration == null ? ExplorationConfig.OFF : exploration;
    }

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
        ExplorationConfig exploration = null;
        boolean metadata = false;
        for (var member : config.entrySet()) {
            if (member.getValue().getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            switch (member.getKey()) {
                case "syncWithLatestSolutionVersion" -> sync = bool(member.getKey(), member.getValue());
                case "itemExplorationConfig" -> exploration = exploration(member.getValue());
                case "enableMetadataWithRecommendations" -> metadata = bool(member.getKey(), member.getValue());
                case "rankingInfluence" ->
                        throw new InvalidInputException("campaignConfig." + member.getKey() + " is not supported by this "
                                + "server yet; send the campaign without it.");
                default -> throw new InvalidInputException("campaignConfig has the unknown member " + member.getKey()
                        + "; it accepts syncWithLatestSolutionVersion, itemExplorationConfig and "
                        + "enableMetadataWithRecommendations.");
            }
        }
        return new CampaignSettings(sync, exploration, metadata);
    }

    /** Reads {@code itemExplorationConfig}: a map of names to strings (numbers are taken too). */
    private static ExplorationConfig exploration(JsonValue value) {
        String member = "campaignConfig.itemExplorationConfig";
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(member + " must be a map with explorationWeight and explorationItemAgeCutOff, "
                    + "e.g. {\"explorationWeight\": \"0.3\", \"explorationItemAgeCutOff\": \"30\"}.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (var entry : value.asJsonObject().entrySet()) {
            JsonValue v = entry.getValue();
            if (!(v instanceof JsonString) && !(v instanceof JsonNumber)) {
                throw new InvalidInputException(member + "." + Texts.abbreviate(entry.getKey()) + " must be a string "
                        + "holding a number.");
            }
            values.put(entry.getKey(), v instanceof JsonString s ? s.getString() : v.toString());
        }
        try {
            return ExplorationConfig.parse(values);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw new InvalidInputException(member + (message.startsWith("has ") ? " " : ".") + message + ".");
        }
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
