package io.tastemaker.engine.recipe;

import io.tastemaker.engine.data.InteractionLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a training run uses besides the data: the solution's {@code eventType} and
 * {@code solutionConfig.eventValueThreshold}, its {@code algorithmHyperParameters}, and the seed
 * for every random choice the recipe makes.
 *
 * <p>Which interactions train ({@link #select(InteractionLog)}), following Personalize's
 * {@code CreateSolution}:
 *
 * <ul>
 *   <li>{@code eventType == null}: every event type, with equal weight. Otherwise only rows of that
 *       event type; rows without an event type never match, and a type the log does not contain
 *       selects nothing.</li>
 *   <li>{@code eventValueThreshold == null}: values are ignored. Otherwise only rows whose value is
 *       {@code >= eventValueThreshold}. <b>Rows without a value are dropped</b>: Personalize keeps
 *       "events with a value greater than or equal to the threshold", and a missing value cannot be
 *       shown to be one. A dataset whose schema has no EVENT_VALUE therefore trains on nothing when
 *       a threshold is set; the domain should reject that combination when the solution is
 *       created.</li>
 * </ul>
 *
 * @param eventType the event type to train on, or {@code null} for all; not blank
 * @param eventValueThreshold the minimum event value, or {@code null} for no threshold; finite
 * @param hyperParameters the recipe's hyperparameters as strings (Personalize's
 *     {@code algorithmHyperParameters}); {@code null} means none; copied
 * @param seed the seed for every random choice made while training and evaluating
 */
public record TrainingConfig(String eventType, Float eventValueThreshold, Map<String, String> hyperParameters,
        long seed) {

    /** Validates and copies the arguments. */
    public TrainingConfig {
        if (eventType != null && eventType.isBlank()) {
            throw new IllegalArgumentException("eventType must be null or not blank");
        }
        if (eventValueThreshold != null && !Float.isFinite(eventValueThreshold)) {
            throw new IllegalArgumentException("eventValueThreshold must be finite, was " + eventValueThreshold);
        }
        hyperParameters = hyperParameters == null ? Map.of() : Map.copyOf(hyperParameters);
    }

    /** All interactions, no hyperparameters, the given seed. */
    public static TrainingConfig withSeed(long seed) {
        return new TrainingConfig(null, null, Map.of(), seed);
    }

    /**
     * The interactions of {@code log} that this configuration trains on (see the class comment), as
     * a log sharing {@code log}'s dictionaries; {@code log} itself when nothing is filtered out.
     */
    public InteractionLog select(InteractionLog log) {
        Objects.requireNonNull(log, "log");
        if (eventType == null && eventValueThreshold == null) {
            return log;
        }
        int type = eventType == null ? InteractionLog.NO_EVENT_TYPE : log.eventTypes().indexOf(eventType);
        if (eventType != null && type < 0) {
            return log.filter(row -> false);
        }
        boolean byType = eventType != null;
        boolean byValue = eventValueThreshold != null;
        float threshold = byValue ? eventValueThreshold : 0f;
        // A NaN value fails "value >= threshold", which drops rows without a value.
        return log.filter(row -> (!byType || log.eventType(row) == type)
                && (!byValue || log.value(row) >= threshold));
    }

    /**
     * Checks that every hyperparameter name is one {@code recipe} accepts.
     *
     * @throws IllegalArgumentException naming the unknown hyperparameters, in alphabetical order,
     *     and the accepted ones
     */
    public void requireKnownHyperParameters(String recipe, Set<String> accepted) {
        List<String> unknown = new ArrayList<>();
        for (String name : hyperParameters.keySet()) {
            if (!accepted.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        Collections.sort(unknown);
        List<String> known = new ArrayList<>(accepted);
        Collections.sort(known);
        String noun = unknown.size() == 1 ? "Unknown hyperparameter " : "Unknown hyperparameters ";
        throw new IllegalArgumentException(noun
                + String.join(", ", quoted(unknown)) + " for recipe " + recipe + "; "
                + (known.isEmpty() ? "it accepts none" : "it accepts " + String.join(", ", quoted(known))));
    }

    private static List<String> quoted(List<String> names) {
        List<String> quoted = new ArrayList<>(names.size());
        for (String name : names) {
            quoted.add("'" + name + "'");
        }
        return quoted;
    }
}
