package io.tastemaker.engine.recipe;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a recipe's string hyperparameters (Personalize's {@code algorithmHyperParameters}) into
 * numbers, with errors that name the recipe, the hyperparameter and its range. Absent names take
 * the caller's default; unknown names are rejected when the reader is made.
 */
final class HyperParameterReader {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

    private final String recipe;
    private final Map<String, String> values;

    /**
     * @throws IllegalArgumentException naming the hyperparameters of {@code values} that are not in
     *     {@code accepted}
     */
    HyperParameterReader(String recipe, Map<String, String> values, Set<String> accepted) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        this.values = Objects.requireNonNull(values, "values");
        new TrainingConfig(null, null, values, 0L).requireKnownHyperParameters(recipe, accepted);
    }

    /** The value of {@code name} as a decimal, or {@code defaultValue} if absent; {@code range} is for the error. */
    double decimal(String name, double defaultValue, String range) {
        String value = values.get(name);
        if (!values.containsKey(name)) {
            return defaultValue;
        }
        if (value == null || !DECIMAL.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException(outOfRange(recipe, name, range, value));
        }
        return Double.parseDouble(value.strip());
    }

    /** The value of {@code name} as an integer, or {@code defaultValue} if absent; {@code range} is for the error. */
    int integer(String name, int defaultValue, String range) {
        String value = values.get(name);
        if (!values.containsKey(name)) {
            return defaultValue;
        }
        if (value == null || !INTEGER.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException(outOfRange(recipe, name, range, value));
        }
        return Integer.parseInt(value.strip());
    }

    /**
     * Checks {@code min <= value <= max}.
     *
     * @throws IllegalArgumentException naming the recipe, the hyperparameter and its range
     */
    static void requireDecimal(String recipe, String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(outOfRange(recipe, name, "a number from " + plain(min) + " to "
                    + plain(max), plain(value)));
        }
    }

    /**
     * Checks {@code min <= value <= max}.
     *
     * @throws IllegalArgumentException naming the recipe, the hyperparameter and its range
     */
    static void requireInteger(String recipe, String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(outOfRange(recipe, name, "an integer from " + min + " to " + max,
                    Integer.toString(value)));
        }
    }

    /** The range sentence {@link #decimal} expects for a decimal in {@code [min, max]}. */
    static String decimalRange(double min, double max) {
        return "a number from " + plain(min) + " to " + plain(max);
    }

    /** The range sentence {@link #integer} expects for an integer in {@code [min, max]}. */
    static String integerRange(int min, int max) {
        return "an integer from " + min + " to " + max;
    }

    /** A number as a hyperparameter string: no trailing ".0" for whole numbers. */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String outOfRange(String recipe, String name, String range, String value) {
        return "Hyperparameter '" + name + "' of recipe " + recipe + " must be " + range + ", was "
                + (value == null ? "null" : "'" + value + "'");
    }
}
