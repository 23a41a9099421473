package io.tastemaker.engine.tuning;

/**
 * Personalize's {@code ContinuousHyperParameterRange}: a real-valued hyperparameter searched from
 * {@code minValue} to {@code maxValue}, both included.
 *
 * <p>Sampling: log-uniform (each order of magnitude equally likely) when {@code minValue > 0} and
 * {@code maxValue > 10 · minValue}, uniform otherwise. A sampled value is rounded to
 * {@value #SIGNIFICANT_DIGITS} significant digits (and kept within the range), so trials and
 * {@code tunedHPOParams} read {@code "312.46"} rather than {@code "312.4581930417756"}.
 *
 * @param name the hyperparameter, as the recipe names it; not blank, at most
 *     {@value HyperParameterRanges#MAX_NAME_LENGTH} characters
 * @param minValue finite, at least {@value #MIN_VALUE}
 * @param maxValue finite, at least {@code minValue}
 */
public record ContinuousHyperParameterRange(String name, double minValue, double maxValue) {

    /** The smallest {@code minValue} and {@code maxValue}, as in Personalize's API model. */
    public static final double MIN_VALUE = -1_000_000;

    /** How many significant digits a sampled value keeps. */
    public static final int SIGNIFICANT_DIGITS = 5;

    /**
     * Checks the members.
     *
     * @throws IllegalArgumentException naming the range and the member out of bounds
     */
    public ContinuousHyperParameterRange {
        HyperParameterRanges.requireName("ContinuousHyperParameterRange", name);
        String what = "ContinuousHyperParameterRange '" + name + "': ";
        if (!Double.isFinite(minValue) || minValue < MIN_VALUE) {
            throw new IllegalArgumentException(what + "minValue must be a finite number of at least "
                    + (long) MIN_VALUE + ", was " + minValue);
        }
        if (!Double.isFinite(maxValue)) {
            throw new IllegalArgumentException(what + "maxValue must be a finite number, was " + maxValue);
        }
        if (minValue > maxValue) {
            throw new IllegalArgumentException(what + "minValue " + minValue + " must not exceed maxValue " + maxValue);
        }
    }

    /** Whether values are drawn log-uniformly (see the class comment). */
    public boolean logScale() {
        return minValue > 0 && maxValue > 10 * minValue;
    }
}
