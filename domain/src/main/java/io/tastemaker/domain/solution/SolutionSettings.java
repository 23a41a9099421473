package io.tastemaker.domain.solution;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.recipe.RecipeEntry;
import io.tastemaker.engine.recipe.TrainingConfig;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A solution's {@code solutionConfig}, as far as this server acts on it:
 * {@code eventValueThreshold} and {@code algorithmHyperParameters}. Members this server does not
 * act on yet (hpoConfig, eventsConfig, autoMLConfig, optimizationObjective, ...) are refused
 * with a message rather than silently ignored.
 */
public final class SolutionSettings {

    private static final Set<String> KNOWN = Set.of("eventValueThreshold", "algorithmHyperParameters");

    private final String json;
    private final Float eventValueThreshold;
    private final Map<String, String> hyperParameters;

    private SolutionSettings(String json, Float eventValueThreshold, Map<String, String> hyperParameters) {
        this.json = json;
        this.eventValueThreshold = eventValueThreshold;
        this.hyperParameters = hyperParameters;
    }

    public static SolutionSettings none() {
        return new SolutionSettings(null, null, Map.of());
    }

    /** Parses the solutionConfig JSON object as the API received it (null: none). */
    public static SolutionSettings parse(String json) {
        if (json == null || json.isBlank()) {
            return none();
        }
        JsonObject config;
        try (var reader = Json.createReader(new StringReader(json))) {
            config = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInputException("solutionConfig must be a JSON object.");
        }
        for (String key : config.keySet()) {
            if (!KNOWN.contains(key) && !config.isNull(key)) {
                throw new InvalidInputException("solutionConfig." + key + " is not supported by this server yet; "
                        + "supported members: eventValueThreshold, algorithmHyperParameters.");
            }
        }
        Float threshold = null;
        if (config.containsKey("eventValueThreshold") && !config.isNull("eventValueThreshold")) {
            String text = config.get("eventValueThreshold") instanceof JsonString s ? s.getString()
                    : config.get("eventValueThreshold").toString();
            try {
                threshold = Float.parseFloat(text);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("solutionConfig.eventValueThreshold must be a number, got '" + text + "'.");
            }
            if (!Float.isFinite(threshold)) {
                throw new InvalidInputException("solutionConfig.eventValueThreshold must be a finite number.");
            }
        }
        Map<String, String> hp = new LinkedHashMap<>();
        if (config.containsKey("algorithmHyperParameters") && !config.isNull("algorithmHyperParameters")) {
            if (config.get("algorithmHyperParameters").getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException("solutionConfig.algorithmHyperParameters must be a map of names to values.");
            }
            for (Map.Entry<String, JsonValue> e : config.getJsonObject("algorithmHyperParameters").entrySet()) {
                hp.put(e.getKey(), e.getValue() instanceof JsonString s ? s.getString() : e.getValue().toString());
            }
        }
        return new SolutionSettings(json, threshold, Map.copyOf(hp));
    }

    /** Checks the settings against what the recipe accepts. */
    public void check(RecipeEntry recipe) {
        try {
            new TrainingConfig(null, eventValueThreshold, hyperParameters, 0L)
                    .requireKnownHyperParameters(recipe.name(), recipe.hyperParameters());
            recipe.hyperParameterCheck().accept(hyperParameters);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("solutionConfig.algorithmHyperParameters: " + e.getMessage());
        }
    }

    /** True when the settings keep only interactions at or above an event value. */
    public boolean hasEventValueThreshold() {
        return eventValueThreshold != null;
    }

    public TrainingConfig trainingConfig(String eventType, long seed) {
        return new TrainingConfig(eventType, eventValueThreshold, hyperParameters, seed);
    }

    public String toJson() {
        return json;
    }
}
