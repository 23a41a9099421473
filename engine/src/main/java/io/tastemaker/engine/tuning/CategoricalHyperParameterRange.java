package io.tastemaker.engine.tuning;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Personalize's {@code CategoricalHyperParameterRange}: a hyperparameter searched over a list of
 * values, each equally likely at first.
 *
 * @param name the hyperparameter, as the recipe names it; not blank, at most
 *     {@value HyperParameterRanges#MAX_NAME_LENGTH} characters
 * @param values 1 to {@value #MAX_VALUES} distinct strings of at most {@value #MAX_VALUE_LENGTH}
 *     characters (the limits of Personalize's API model); copied
 */
public record CategoricalHyperParameterRange(String name, List<String> values) {

    /** The most values a range may list. */
    public static final int MAX_VALUES = 100;
    /** The longest value. */
    public static final int MAX_VALUE_LENGTH = 1_000;

    /**
     * Checks and copies the members.
     *
     * @throws IllegalArgumentException naming the range and what is wrong with its values
     */
    public CategoricalHyperParameterRange {
        HyperParameterRanges.requireName("CategoricalHyperParameterRange", name);
        String what = "CategoricalHyperParameterRange '" + name + "': ";
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(what + "values must list at least one value");
        }
        if (values.size() > MAX_VALUES) {
            throw new IllegalArgumentException(what + "values must list at most " + MAX_VALUES + " values, listed "
                    + values.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                throw new IllegalArgumentException(what + "values[" + i + "] is null");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException(what + "values[" + i + "] must be at most " + MAX_VALUE_LENGTH
                        + " characters, was " + value.length());
            }
            if (!seen.add(value)) {
                throw new IllegalArgumentException(what + "values[" + i + "] repeats '" + value + "'");
            }
        }
        values = List.copyOf(values);
    }
}
