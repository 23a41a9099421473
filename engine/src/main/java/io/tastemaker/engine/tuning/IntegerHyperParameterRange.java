package io.tastemaker.engine.tuning;

/**
 * Personalize's {@code IntegerHyperParameterRange}: an integer hyperparameter searched from
 * {@code minValue} to {@code maxValue}, both included.
 *
 * <p>Sampling: log-uniform (each order of magnitude equally likely) when {@code minValue > 0} and
 * {@code maxValue > 10 · minValue}, uniform otherwise; see {@link HyperparameterSearch}.
 *
 * @param name the hyperparameter, as the recipe names it; not blank, at most
 *     {@value HyperParameterRanges#MAX_NAME_LENGTH} characters
 * @param minValue at least {@value #MIN_VALUE}
 * @param maxValue at least {@code minValue}, at most {@value #MAX_VALUE}
 */
public record IntegerHyperParameterRange(String name, int minValue, int maxValue) {

    /** The smallest {@code minValue}, as in Personalize's API model. */
    public static final int MIN_VALUE = -1_000_000;
    /** The largest {@code maxValue}, as in Personalize's API model. */
    public static final int MAX_VALUE = 1_000_000;

    /**
     * Checks the members.
     *
     * @throws IllegalArgumentException naming the range and the member out of bounds
     */
    public IntegerHyperParameterRange {
        HyperParameterRanges.requireName("IntegerHyperParameterRange", name);
        String what = "IntegerHyperParameterRange '" + name + "': ";
        if (minValue < MIN_VALUE) {
            throw new IllegalArgumentException(what + "minValue must be at least " + MIN_VALUE + ", was " + minValue);
        }
        if (maxValue > MAX_VALUE) {
            throw new IllegalArgumentException(what + "maxValue must be at most " + MAX_VALUE + ", was " + maxValue);
        }
        if (minValue > maxValue) {
            throw new IllegalArgumentException(what + "minValue " + minValue + " must not exceed maxValue " + maxValue);
        }
    }

    /** Whether values are drawn log-uniformly (see the class comment). */
    public boolean logScale() {
        return minValue > 0 && maxValue > 10L * minValue;
    }
}
