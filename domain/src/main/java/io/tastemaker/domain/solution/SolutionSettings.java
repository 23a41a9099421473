package io.tastemaker.domain.solution;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.recipe.RecipeEntry;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.tuning.HpoConfig;
import io.tastemaker.engine.tuning.HyperParameterRanges;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A solution's {@code solutionConfig}, as far as this server acts on it:
 * {@code eventValueThreshold}, {@code algorithmHyperParameters} and {@code hpoConfig} (used when
 * the solution has {@code performHPO}). Members this server does not act on yet (eventsConfig,
 * autoMLConfig, optimizationObjective, ...) are refused with a message rather than silently
 * ignored.
 */
public final class SolutionSettings {

    private static final Set<String> KNOWN = Set.of("eventValueThreshold", "algorithmHyperParameters", "hpoConfig",
            "autoTrainingConfig");
    /** Personalize's default schedule of automatic training: {@code rate(7 days)}. */
    public static final int DEFAULT_AUTO_TRAINING_DAYS = 7;
    private static final java.util.regex.Pattern RATE = java.util.regex.Pattern.compile("rate\\((\\d{1,2}) days?\\)");

    private final String json;
    private final Float eventValueThreshold;
    private final Map<String, String> hyperParameters;
    private final HpoConfig hpoConfig;
    private final Integer autoTrainingDays;

    private SolutionSettings(String json, Float eventValueThreshold, Map<String, String> hyperParameters,
            HpoConfig hpoConfig, Integer autoTrainingDays) {
        this.json = json;
        this.eventValueThreshold = eventValueThreshold;
        this.hyperParameters = hyperParameters;
        this.hpoConfig = hpoConfig;
        this.autoTrainingDays = autoTrainingDays;
    }

    public static SolutionSettings none() {
        return new SolutionSettings(null, null, Map.of(), HpoConfig.DEFAULT, null);
    }

    /**
     * The days of {@code autoTrainingConfig.schedulingExpression}, {@code rate(N days)} with N
     * from 1 to 30 ({@code rate(1 day)} too), as Personalize accepts it.
     */
    public static int scheduleDays(String schedulingExpression) {
        var m = schedulingExpression == null ? null : RATE.matcher(schedulingExpression.trim());
        int days = m != null && m.matches() ? Integer.parseInt(m.group(1)) : -1;
        if (days < 1 || days > 30) {
            throw new InvalidInputException("autoTrainingConfig.schedulingExpression must be rate(N days) with N from 1 to 30, "
                    + "e.g. rate(7 days); got '" + schedulingExpression + "'.");
        }
        return days;
    }

    /** The autoTrainingConfig's period in days; null when the config gives none. */
    public Integer autoTrainingDays() {
        return autoTrainingDays;
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
                        + "supported members: eventValueThreshold, algorithmHyperParameters, hpoConfig, autoTrainingConfig.");
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
        HpoConfig hpo = HpoConfig.DEFAULT;
        if (config.containsKey("hpoConfig") && !config.isNull("hpoConfig")) {
            hpo = HpoSettings.parse(config.get("hpoConfig"));
        }
        return new SolutionSettings(json, threshold, Map.copyOf(hp), hpo, autoTrainingDays(config.get("autoTrainingConfig")));
    }

    /** Reads {@code autoTrainingConfig} ({@code {"schedulingExpression": "rate(N days)"}}); null if absent. */
    public static Integer autoTrainingDays(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("autoTrainingConfig must be an object with a schedulingExpression.");
        }
        JsonValue expression = value.asJsonObject().get("schedulingExpression");
        if (expression == null || expression.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(expression instanceof JsonString s)) {
            throw new InvalidInputException("autoTrainingConfig.schedulingExpression must be a string such as rate(7 days).");
        }
        return scheduleDays(s.getString());
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

    /**
     * Checks that HPO can run for the recipe: it must search something (the ranges given, or the
     * recipe's default ranges), only the recipe's hyperparameters, none of them also fixed in
     * algorithmHyperParameters.
     *
     * @param defaultRanges the recipe's default ranges, or null if it has none (then HPO is
     *     not available for it)
     */
    public void checkHpo(RecipeEntry recipe, HyperParameterRanges defaultRanges) {
        HyperParameterRanges ranges = hpoConfig.algorithmHyperParameterRanges();
        if (defaultRanges == null) {
            throw new InvalidInputException("performHPO is not available for recipe " + recipe.name()
                    + ": HPO tunes recipes that recommend items to users (USER_PERSONALIZATION and "
                    + "PERSONALIZED_RANKING with hyperparameters); set performHPO to false.");
        }
        for (String name : ranges.names()) {
            if (!recipe.hyperParameters().contains(name)) {
                throw new InvalidInputException("solutionConfig.hpoConfig.algorithmHyperParameterRanges: recipe "
                        + recipe.name() + " has no hyperparameter '" + name + "'; it has "
                        + new TreeSet<>(recipe.hyperParameters()) + ".");
            }
            if (hyperParameters.containsKey(name)) {
                throw new InvalidInputException("Hyperparameter '" + name + "' is both fixed in "
                        + "solutionConfig.algorithmHyperParameters and searched in solutionConfig.hpoConfig; "
                        + "give it in one of them.");
            }
        }
    }

    /** The HPO configuration (defaults for absent members). */
    public HpoConfig hpoConfig() {
        return hpoConfig;
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
