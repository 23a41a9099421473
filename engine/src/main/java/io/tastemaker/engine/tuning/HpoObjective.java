package io.tastemaker.engine.tuning;

import io.tastemaker.engine.evaluation.Metrics;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Personalize's {@code hpoObjective}: the metric a hyperparameter search optimises, and in which
 * direction. Personalize documents the member but "doesn't support configuring" it; Tastemaker
 * accepts it, restricted to the metrics its offline evaluation computes ({@link Metrics#NAMES}).
 *
 * @param type whether larger ({@link Type#MAXIMIZE}) or smaller values of the metric are better
 * @param metricName one of {@link Metrics#NAMES}, computed on the search's validation folds
 * @param metricRegex Personalize's regular expression "for finding the metric in the training job
 *     logs"; Tastemaker has no such logs, so it is only checked (at most
 *     {@value #MAX_REGEX_LENGTH} characters, a valid {@link Pattern}) and kept; {@code null} when
 *     absent
 */
public record HpoObjective(Type type, String metricName, String metricRegex) {

    /**
     * The default metric: nDCG at 10, the headline figure of the project's benchmarks and a
     * measure of the whole top of the list (precision ignores order, coverage ignores relevance).
     */
    public static final String DEFAULT_METRIC_NAME = Metrics.NDCG_AT_10;

    /** Maximise {@value #DEFAULT_METRIC_NAME}, no regular expression. */
    public static final HpoObjective DEFAULT = new HpoObjective(Type.MAXIMIZE, DEFAULT_METRIC_NAME, null);

    /** The longest {@code metricRegex}, as in Personalize's API model. */
    public static final int MAX_REGEX_LENGTH = 256;

    /** The direction of optimisation, with Personalize's wire names. */
    public enum Type {
        /** Larger is better. */
        MAXIMIZE("Maximize"),
        /** Smaller is better. */
        MINIMIZE("Minimize");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** The name in Personalize's API: {@code Maximize} or {@code Minimize}. */
        public String wireName() {
            return wireName;
        }

        /**
         * The type with wire name {@code name}, exactly as Personalize spells it.
         *
         * @throws IllegalArgumentException naming {@code hpoObjective.type} if there is none
         */
        public static Type fromWireName(String name) {
            for (Type type : values()) {
                if (type.wireName.equals(name)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("hpoObjective.type must be 'Maximize' or 'Minimize', was "
                    + (name == null ? "null" : "'" + name + "'"));
        }
    }

    /**
     * Checks the members.
     *
     * @throws IllegalArgumentException naming the member that is missing or invalid
     */
    public HpoObjective {
        if (type == null) {
            throw new IllegalArgumentException("hpoObjective.type must be 'Maximize' or 'Minimize', was null");
        }
        if (!Metrics.NAMES.contains(metricName)) {
            throw new IllegalArgumentException("hpoObjective.metricName must be one of " + String.join(", ", Metrics.NAMES)
                    + ", was " + (metricName == null ? "null" : "'" + metricName + "'"));
        }
        if (metricRegex != null) {
            if (metricRegex.length() > MAX_REGEX_LENGTH) {
                throw new IllegalArgumentException("hpoObjective.metricRegex must be at most " + MAX_REGEX_LENGTH
                        + " characters, was " + metricRegex.length());
            }
            try {
                Pattern.compile(metricRegex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("hpoObjective.metricRegex is not a valid regular expression: "
                        + e.getDescription(), e);
            }
        }
    }

    /**
     * An objective from the wire's strings, any of which may be absent ({@code null}): the type
     * defaults to {@code Maximize} and the metric to {@value #DEFAULT_METRIC_NAME}.
     *
     * @throws IllegalArgumentException naming the member that is invalid
     */
    public static HpoObjective of(String type, String metricName, String metricRegex) {
        return new HpoObjective(type == null ? Type.MAXIMIZE : Type.fromWireName(type),
                metricName == null ? DEFAULT_METRIC_NAME : metricName, metricRegex);
    }

    /** Whether {@code a} is a strictly better value of the metric than {@code b}. */
    public boolean isBetter(double a, double b) {
        return type == Type.MAXIMIZE ? a > b : a < b;
    }
}
