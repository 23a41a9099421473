package io.tastemaker.engine.recipe;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A User-Personalization campaign's {@code itemExplorationConfig}: how much of a recommendation list
 * goes to new or little-exposed items ({@link NewItemExploration}).
 *
 * <ul>
 *   <li>{@value #WEIGHT}: from 0 to 1, default {@value #DEFAULT_WEIGHT}. 0 turns exploration off;
 *       the share of the list explored grows with it, {@link #slots(int)}.</li>
 *   <li>{@value #AGE_CUT_OFF}: days, at least 1, default {@value #DEFAULT_AGE_CUT_OFF_DAYS}. Items
 *       created longer ago than this (by their {@code CREATION_TIMESTAMP}) are not explored; items
 *       without a creation time count as new.</li>
 * </ul>
 *
 * @param weight the exploration weight, in [0, 1]
 * @param ageCutOffDays the age cut-off in days, at least 1
 */
public record ExplorationConfig(double weight, double ageCutOffDays) {

    /** The key of the exploration weight, as Personalize names it. */
    public static final String WEIGHT = "explorationWeight";
    /** The key of the item age cut-off, as Personalize names it. */
    public static final String AGE_CUT_OFF = "explorationItemAgeCutOff";
    /** Personalize's default weight. */
    public static final double DEFAULT_WEIGHT = 0.3;
    /** Personalize's default cut-off, in days. */
    public static final double DEFAULT_AGE_CUT_OFF_DAYS = 30;
    /**
     * The largest share of a list exploration takes, at weight 1: the other half stays with the
     * model, so even full exploration keeps the user's best-known items in view.
     */
    public static final double MAX_SHARE = 0.5;

    /** Personalize's defaults (weight 0.3, 30 days): a config that names neither member. */
    public static final ExplorationConfig DEFAULT = new ExplorationConfig(DEFAULT_WEIGHT, DEFAULT_AGE_CUT_OFF_DAYS);
    /**
     * No exploration: what a campaign without {@code itemExplorationConfig} gets here, unlike
     * Personalize, which explores at 0.3 then. Exploration gives places of every list to items the
     * model cannot vouch for, which costs the accuracy a customer measures offline; here a campaign
     * explores only when it asks to (ADR 16).
     */
    public static final ExplorationConfig OFF = new ExplorationConfig(0, DEFAULT_AGE_CUT_OFF_DAYS);

    /** Checks the ranges. */
    public ExplorationConfig {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException(WEIGHT + " must be a number from 0 to 1, was " + weight);
        }
        if (!(ageCutOffDays >= 1) || Double.isInfinite(ageCutOffDays)) {
            throw new IllegalArgumentException(AGE_CUT_OFF + " must be a number of days, at least 1, was "
                    + ageCutOffDays);
        }
    }

    /**
     * Reads the map as Personalize's API carries it (names to strings); absent keys take their
     * defaults.
     *
     * @throws IllegalArgumentException naming the key at fault: an unknown key, a value that is not
     *     a number, or one out of range
     */
    public static ExplorationConfig parse(Map<String, String> values) {
        double weight = DEFAULT_WEIGHT;
        double cutOff = DEFAULT_AGE_CUT_OFF_DAYS;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            switch (entry.getKey()) {
                case WEIGHT -> weight = number(WEIGHT, entry.getValue());
                case AGE_CUT_OFF -> cutOff = number(AGE_CUT_OFF, entry.getValue());
                default -> throw new IllegalArgumentException("has an unknown key"
                        + (entry.getKey().length() <= 40 ? " '" + entry.getKey() + "'" : "") + "; it takes " + WEIGHT
                        + " and " + AGE_CUT_OFF);
            }
        }
        return new ExplorationConfig(weight, cutOff);
    }

    /** The config as Personalize's API carries it: both keys, as decimal strings. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(WEIGHT, text(weight));
        map.put(AGE_CUT_OFF, text(ageCutOffDays));
        return map;
    }

    /**
     * How many of {@code numResults} places exploration takes: {@code round(numResults · weight ·}
     * {@value #MAX_SHARE}{@code )}, half up. 0 at weight 0; e.g. 2 of 10 at the default weight, 5
     * of 10 at 0.9.
     */
    public int slots(int numResults) {
        return (int) Math.floor(numResults * weight * MAX_SHARE + 0.5);
    }

    /** The cut-off in seconds. */
    long ageCutOffSeconds() {
        return (long) Math.min(Long.MAX_VALUE / 2.0, ageCutOffDays * 86_400);
    }

    private static double number(String key, String value) {
        try {
            return Double.parseDouble(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number given as a string, e.g. \"0.3\"");
        }
    }

    private static String text(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
