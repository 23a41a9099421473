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
 * <p>With {@code eventParameters} (Personalize's {@code eventsConfig.eventParametersList}, for the
 * -v2 recipes) only the listed event types count, each from its own {@code eventValueThreshold} (rows
 * without a value count only for a type without threshold), and types of weight 0 not at all, on top
 * of the rules above. The weights' ratio decides how strongly a type counts: a row is repeated
 * {@code max(1, round(}{@value #MAX_REPEATS}{@code  · weight / largest weight))} times, so the
 * strongest type counts {@value #MAX_REPEATS} times as much as one with a quarter of its weight or
 * less. Repeats raise iALS's confidence in the pair ({@code 1 + alpha · repeats}); EASE learns from
 * which pairs are positive, so for EASE the list selects but does not weigh.
 *
 * @param eventType the event type to train on, or {@code null} for all; not blank
 * @param eventValueThreshold the minimum event value, or {@code null} for no threshold; finite
 * @param hyperParameters the recipe's hyperparameters as strings (Personalize's
 *     {@code algorithmHyperParameters}); {@code null} means none; copied
 * @param seed the seed for every random choice made while training and evaluating
 * @param eventParameters the event types that count and their weights; empty for none; copied
 */
public record TrainingConfig(String eventType, Float eventValueThreshold, Map<String, String> hyperParameters,
        long seed, List<EventParameter> eventParameters) {

    /** How many times a row of the most heavily weighted event type is repeated. */
    public static final int MAX_REPEATS = 4;

    /** Validates and copies the arguments. */
    public TrainingConfig {
        if (eventType != null && eventType.isBlank()) {
            throw new IllegalArgumentException("eventType must be null or not blank");
        }
        if (eventValueThreshold != null && !Float.isFinite(eventValueThreshold)) {
            throw new IllegalArgumentException("eventValueThreshold must be finite, was " + eventValueThreshold);
        }
        hyperParameters = hyperParameters == null ? Map.of() : Map.copyOf(hyperParameters);
        eventParameters = eventParameters == null ? List.of() : List.copyOf(eventParameters);
    }

    /** A configuration without event parameters. */
    public TrainingConfig(String eventType, Float eventValueThreshold, Map<String, String> hyperParameters, long seed) {
        this(eventType, eventValueThreshold, hyperParameters, seed, List.of());
    }

    /**
     * Whether an event of {@code type} with {@code value} (null: none) counts as a positive signal
     * under this configuration, as {@link #select} decides for a row: what real-time events must pass
     * to count for a user.
     */
    public boolean counts(String type, Float value) {
        if (eventType != null && !eventType.equals(type)) {
            return false;
        }
        if (eventValueThreshold != null && (value == null || !(value >= eventValueThreshold))) {
            return false;
        }
        return eventParameters.isEmpty() || repeats(type, value == null ? Float.NaN : value) > 0;
    }

    /** How many times a row of {@code type} with {@code value} (NaN: none) trains; 0 when it does not count. */
    private int repeats(String type, float value) {
        double largest = 0;
        EventParameter match = null;
        for (EventParameter p : eventParameters) {
            largest = Math.max(largest, p.weight());
            if (p.eventType().equals(type)) {
                match = p;
            }
        }
        if (match == null || match.weight() == 0
                || match.eventValueThreshold() != null && !(value >= match.eventValueThreshold())) {
            return 0;
        }
        return (int) Math.max(1, Math.round(MAX_REPEATS * match.weight() / largest));
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
        InteractionLog selected = selectByTypeAndValue(log);
        if (eventParameters.isEmpty()) {
            return selected;
        }
        int[] repeatsByTypeWithoutValue = new int[selected.eventTypes().size()];
        for (int t = 0; t < repeatsByTypeWithoutValue.length; t++) {
            repeatsByTypeWithoutValue[t] = repeats(selected.eventTypes().idOf(t), Float.NaN);
        }
        return selected.repeat(row -> {
            int type = selected.eventType(row);
            if (type == InteractionLog.NO_EVENT_TYPE) {
                return 0;
            }
            return selected.hasValue(row) ? repeats(selected.eventTypes().idOf(type), selected.value(row))
                    : repeatsByTypeWithoutValue[type];
        });
    }

    private InteractionLog selectByTypeAndValue(InteractionLog log) {
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
