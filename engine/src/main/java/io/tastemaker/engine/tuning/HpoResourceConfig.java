package io.tastemaker.engine.tuning;

import java.util.regex.Pattern;

/**
 * Personalize's {@code hpoResourceConfig}: how many models a hyperparameter search may train.
 *
 * @param maxNumberOfTrainingJobs the number of trials (models trained and scored), from 1 to
 *     {@value #MAX_TRAINING_JOBS} as in Personalize; default {@value #DEFAULT_TRAINING_JOBS}
 * @param maxParallelTrainingJobs how many trials are proposed together, from 1 to
 *     {@value #MAX_PARALLEL_TRAINING_JOBS} as in Personalize; default
 *     {@value #DEFAULT_PARALLEL_TRAINING_JOBS}. Trials proposed together are chosen without each
 *     other's results, as when they run at the same time, so the search gives the same trials
 *     whether or not they do. (Tastemaker currently runs them one after another: the recipes
 *     already use every core.) Fewer means a more adaptive search.
 */
public record HpoResourceConfig(int maxNumberOfTrainingJobs, int maxParallelTrainingJobs) {

    /** Personalize's limit on {@code maxNumberOfTrainingJobs}. */
    public static final int MAX_TRAINING_JOBS = 40;
    /** Personalize's limit on {@code maxParallelTrainingJobs}. */
    public static final int MAX_PARALLEL_TRAINING_JOBS = 10;
    /**
     * Default {@code maxNumberOfTrainingJobs}: enough for a one- or two-parameter search to find
     * the good region and refine it (see {@link HyperparameterSearch}), at ten times a single
     * training's cost.
     */
    public static final int DEFAULT_TRAINING_JOBS = 10;
    /** Default {@code maxParallelTrainingJobs}: one, the most adaptive search. */
    public static final int DEFAULT_PARALLEL_TRAINING_JOBS = 1;

    /** The defaults. */
    public static final HpoResourceConfig DEFAULT =
            new HpoResourceConfig(DEFAULT_TRAINING_JOBS, DEFAULT_PARALLEL_TRAINING_JOBS);

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the member out of its range
     */
    public HpoResourceConfig {
        if (maxNumberOfTrainingJobs < 1 || maxNumberOfTrainingJobs > MAX_TRAINING_JOBS) {
            throw new IllegalArgumentException(outOfRange("maxNumberOfTrainingJobs", MAX_TRAINING_JOBS,
                    Integer.toString(maxNumberOfTrainingJobs)));
        }
        if (maxParallelTrainingJobs < 1 || maxParallelTrainingJobs > MAX_PARALLEL_TRAINING_JOBS) {
            throw new IllegalArgumentException(outOfRange("maxParallelTrainingJobs", MAX_PARALLEL_TRAINING_JOBS,
                    Integer.toString(maxParallelTrainingJobs)));
        }
    }

    /**
     * A configuration from the wire's strings (Personalize's API types both members as strings);
     * an absent member ({@code null}) takes its default.
     *
     * @throws IllegalArgumentException naming the member that is not an integer in its range
     */
    public static HpoResourceConfig of(String maxNumberOfTrainingJobs, String maxParallelTrainingJobs) {
        return new HpoResourceConfig(
                parse("maxNumberOfTrainingJobs", maxNumberOfTrainingJobs, MAX_TRAINING_JOBS, DEFAULT_TRAINING_JOBS),
                parse("maxParallelTrainingJobs", maxParallelTrainingJobs, MAX_PARALLEL_TRAINING_JOBS,
                        DEFAULT_PARALLEL_TRAINING_JOBS));
    }

    private static int parse(String member, String value, int max, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (!INTEGER.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException(outOfRange(member, max, "'" + value + "'"));
        }
        return Integer.parseInt(value.strip());
    }

    private static String outOfRange(String member, int max, String value) {
        return "hpoResourceConfig." + member + " must be an integer from 1 to " + max + ", was " + value;
    }
}
