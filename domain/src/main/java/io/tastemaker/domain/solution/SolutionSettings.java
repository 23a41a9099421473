package io.tastemaker.domain.solution;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.recipe.RecipeEntry;
import io.tastemaker.domain.common.Texts;
import io.tastemaker.engine.recipe.EventParameter;
import io.tastemaker.engine.recipe.TrainingConfig;
import io.tastemaker.engine.tuning.HpoConfig;
import io.tastemaker.engine.tuning.HyperParameterRanges;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A solution's {@code solutionConfig}, as far as this server acts on it:
 * {@code eventValueThreshold}, {@code eventsConfig} (event types, thresholds and weights, for the -v2
 * recipes), {@code algorithmHyperParameters} and {@code hpoConfig} (used when the solution has
 * {@code performHPO}). Members this server does not act on yet (eventsConfig,
 * autoMLConfig, optimizationObjective, ...) are refused with a message rather than silently
 * ignored.
 */
public final class SolutionSettings {

    private static final Set<String> KNOWN = Set.of("eventValueThreshold", "algorithmHyperParameters", "hpoConfig",
            "autoTrainingConfig", "eventsConfig");
    /** The recipes that take {@code eventsConfig}, as in Personalize. */
    public static final Set<String> EVENTS_CONFIG_RECIPES = Set.of("aws-user-personalization-v2",
            "aws-personalized-ranking-v2");
    /** Entries of {@code eventsConfig.eventParametersList}, at most. */
    public static final int MAX_EVENT_PARAMETERS = 10;
    /** Personalize's default schedule of automatic training: {@code rate(7 days)}. */
    public static final int DEFAULT_AUTO_TRAINING_DAYS = 7;
    private static final java.util.regex.Pattern RATE = java.util.regex.Pattern.compile("rate\\((\\d{1,2}) days?\\)");

    private final String json;
    private final Float eventValueThreshold;
    private final Map<String, String> hyperParameters;
    private final HpoConfig hpoConfig;
    private final Integer autoTrainingDays;
    private final List<EventParameter> eventParameters;

    private SolutionSettings(String json, Float eventValueThreshold, Map<String, String> hyperParameters,
            HpoConfig hpoConfig, Integer autoTrainingDays) {
        this(json, eventValueThreshold, hyperParameters, hpoConfig, autoTrainingDays, List.of());
    }

    private SolutionSettings(String json, Float eventValueThreshold, Map<String, String> hyperParameters,
            HpoConfig hpoConfig, Integer autoTrainingDays, List<EventParameter> eventParameters) {
        this.eventParameters = eventParameters;
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
                        + "supported members: eventValueThreshold, algorithmHyperParameters, hpoConfig, autoTrainingConfig, "
                        + "eventsConfig.");
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
        return new SolutionSettings(json, threshold, Map.copyOf(hp), hpo, autoTrainingDays(config.get("autoTrainingConfig")),
                eventParameters(config.get("eventsConfig")));
    }

    /**
     * Reads {@code eventsConfig} ({@code {"eventParametersList": [{eventType, eventValueThreshold,
     * weight}]}}, at most {@value #MAX_EVENT_PARAMETERS} entries, each event type once); empty if
     * absent. Messages name the member at fault.
     */
    public static List<EventParameter> eventParameters(JsonValue value) {
        String member = "solutionConfig.eventsConfig";
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException(member + " must be an object with an eventParametersList.");
        }
        for (String key : value.asJsonObject().keySet()) {
            if (!key.equals("eventParametersList")) {
                throw new InvalidInputException(member + " has the unknown member " + key + "; it takes eventParametersList.");
            }
        }
        JsonValue list = value.asJsonObject().get("eventParametersList");
        if (list == null || list.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (list.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new InvalidInputException(member + ".eventParametersList must be a list of {eventType, "
                    + "eventValueThreshold, weight}.");
        }
        if (list.asJsonArray().size() > MAX_EVENT_PARAMETERS) {
            throw new InvalidInputException(member + ".eventParametersList holds at most " + MAX_EVENT_PARAMETERS
                    + " entries, got " + list.asJsonArray().size() + ".");
        }
        List<EventParameter> parameters = new ArrayList<>();
        Set<String> types = new java.util.HashSet<>();
        for (int i = 0; i < list.asJsonArray().size(); i++) {
            String at = member + ".eventParametersList[" + i + "]";
            JsonValue entry = list.asJsonArray().get(i);
            if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidInputException(at + " must be an object {eventType, eventValueThreshold, weight}.");
            }
            JsonObject o = entry.asJsonObject();
            for (String key : o.keySet()) {
                if (!Set.of("eventType", "eventValueThreshold", "weight").contains(key)) {
                    throw new InvalidInputException(at + " has the unknown member " + key
                            + "; it takes eventType, eventValueThreshold and weight.");
                }
            }
            if (!(o.get("eventType") instanceof JsonString type) || type.getString().isEmpty()
                    || type.getString().length() > 256) {
                throw new InvalidInputException(at + ".eventType is required: the event type, 1 to 256 characters.");
            }
            Double threshold = number(o, "eventValueThreshold", at);
            Double weight = number(o, "weight", at);
            if (weight == null) {
                throw new InvalidInputException(at + ".weight is required: a number from 0 to 1.");
            }
            if (!(weight >= 0 && weight <= 1)) {
                throw new InvalidInputException(at + ".weight must be a number from 0 to 1, got " + weight + ".");
            }
            if (!types.add(type.getString())) {
                throw new InvalidInputException(at + ".eventType " + Texts.abbreviate(type.getString())
                        + " is listed twice; list each event type once.");
            }
            parameters.add(new EventParameter(type.getString(), threshold, weight));
        }
        if (!parameters.isEmpty() && parameters.stream().allMatch(p -> p.weight() == 0)) {
            throw new InvalidInputException(member + ".eventParametersList gives every event type weight 0, so nothing "
                    + "would train; give at least one a weight above 0.");
        }
        return List.copyOf(parameters);
    }

    private static Double number(JsonObject o, String key, String at) {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || !Double.isFinite(n.doubleValue())) {
            throw new InvalidInputException(at + "." + key + " must be a number.");
        }
        return n.doubleValue();
    }

    /** The event types that count in training and their weights; empty for none. */
    public List<EventParameter> eventParameters() {
        return eventParameters;
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
        if (!eventParameters.isEmpty() && !EVENTS_CONFIG_RECIPES.contains(recipe.name())) {
            throw new InvalidInputException("solutionConfig.eventsConfig is for the recipes "
                    + "aws-user-personalization-v2 and aws-personalized-ranking-v2; recipe " + recipe.name()
                    + " does not take it. Send the solution without it, or use one of those recipes.");
        }
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
        return new TrainingConfig(eventType, eventValueThreshold, hyperParameters, seed, eventParameters);
    }

    public String toJson() {
        return json;
    }
}
