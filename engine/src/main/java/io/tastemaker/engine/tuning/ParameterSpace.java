package io.tastemaker.engine.tuning;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The searched ranges as a unit hypercube: a point {@code u ∈ [0, 1]^d} has one coordinate per
 * range, in {@link HyperParameterRanges#names()} order, and decodes to hyperparameter strings.
 * The search proposes points; the recipe sees strings.
 *
 * <ul>
 *   <li>Integer range {@code [a, b]}, uniform: {@code a + floor(u · (b − a + 1))}; log-uniform:
 *       {@code floor(exp(ln a + u · (ln(b + 1) − ln a)))}, so each integer gets the share of the
 *       unit interval that its log-width {@code [v, v + 1)} has.</li>
 *   <li>Continuous range {@code [a, b]}: {@code a + u · (b − a)}, or
 *       {@code exp(ln a + u · (ln b − ln a))} when log-uniform, rounded to
 *       {@value ContinuousHyperParameterRange#SIGNIFICANT_DIGITS} significant digits.</li>
 *   <li>Categorical range of {@code k} values: value {@code floor(u · k)}.</li>
 * </ul>
 *
 * <p>Every result is clamped to its range, so {@code u = 1} is safe.
 */
final class ParameterSpace {

    private final List<Dimension> dimensions;

    ParameterSpace(HyperParameterRanges ranges) {
        List<Dimension> list = new ArrayList<>();
        for (IntegerHyperParameterRange range : ranges.integerHyperParameterRanges()) {
            list.add(new IntegerDimension(range));
        }
        for (ContinuousHyperParameterRange range : ranges.continuousHyperParameterRanges()) {
            list.add(new ContinuousDimension(range));
        }
        for (CategoricalHyperParameterRange range : ranges.categoricalHyperParameterRanges()) {
            list.add(new CategoricalDimension(range));
        }
        this.dimensions = List.copyOf(list);
    }

    /** The number of coordinates of a point. */
    int dimensions() {
        return dimensions.size();
    }

    /** The number of values of coordinate {@code d} if it is categorical, 0 otherwise. */
    int categories(int d) {
        return dimensions.get(d) instanceof CategoricalDimension categorical ? categorical.range.values().size() : 0;
    }

    /** The hyperparameters of {@code point}, in range order. */
    Map<String, String> decode(double[] point) {
        if (point.length != dimensions.size()) {
            throw new IllegalArgumentException(point.length + " coordinates for " + dimensions.size() + " ranges");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int d = 0; d < point.length; d++) {
            Dimension dimension = dimensions.get(d);
            values.put(dimension.name(), dimension.decode(Math.min(1, Math.max(0, point[d]))));
        }
        return Collections.unmodifiableMap(values);
    }

    /**
     * How far apart two settings are in the unit cube: the Euclidean distance over the ranges that
     * {@code reference} has a value for, a numeric range contributing the difference of the two
     * values' positions on its (linear or log) scale, a categorical one 0 if the values are equal
     * and 1 otherwise. {@code reference} may lie outside the ranges. {@link Double#NaN} if
     * {@code reference} has a value for none of the ranges or a value that is not a number where
     * one is needed.
     */
    double distance(Map<String, String> values, Map<String, String> reference) {
        double sum = 0;
        boolean any = false;
        for (Dimension dimension : dimensions) {
            String target = reference.get(dimension.name());
            if (target == null) {
                continue;
            }
            double difference = dimension.difference(values.get(dimension.name()), target);
            if (Double.isNaN(difference)) {
                return Double.NaN;
            }
            sum += difference * difference;
            any = true;
        }
        return any ? Math.sqrt(sum) : Double.NaN;
    }

    /**
     * How many distinct hyperparameter combinations there are, or {@link Long#MAX_VALUE} if more
     * (a continuous range with {@code min < max} counts as infinite).
     */
    long combinations() {
        long product = 1;
        for (Dimension dimension : dimensions) {
            long count = dimension.distinctValues();
            if (count == Long.MAX_VALUE || product > Long.MAX_VALUE / count) {
                return Long.MAX_VALUE;
            }
            product *= count;
        }
        return product;
    }

    /** One coordinate. */
    private interface Dimension {
        String name();

        /** The value at {@code u ∈ [0, 1]}. */
        String decode(double u);

        /** The number of distinct values, {@link Long#MAX_VALUE} if unbounded. */
        long distinctValues();

        /** How far apart two values are on this coordinate; {@link Double#NaN} if one is unreadable. */
        double difference(String a, String b);
    }

    /** The position of {@code value} on {@code [min, max]}, log or linear; NaN if unreadable. */
    private static double position(String value, double min, double max, double logMax, boolean logScale) {
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NullPointerException | NumberFormatException e) {
            return Double.NaN;
        }
        if (max == min) {
            return 0;
        }
        return logScale ? v > 0 ? (Math.log(v) - Math.log(min)) / (Math.log(logMax) - Math.log(min)) : Double.NaN
                : (v - min) / (max - min);
    }

    private record IntegerDimension(IntegerHyperParameterRange range) implements Dimension {

        @Override
        public String name() {
            return range.name();
        }

        @Override
        public String decode(double u) {
            long min = range.minValue();
            long max = range.maxValue();
            long value;
            if (range.logScale()) {
                double low = Math.log(min);
                value = (long) Math.floor(Math.exp(low + u * (Math.log(max + 1.0) - low)));
            } else {
                value = min + (long) Math.floor(u * (max - min + 1));
            }
            return Long.toString(Math.min(max, Math.max(min, value)));
        }

        @Override
        public long distinctValues() {
            return (long) range.maxValue() - range.minValue() + 1;
        }

        @Override
        public double difference(String a, String b) {
            double min = range.minValue();
            double max = range.maxValue();
            return Math.abs(position(a, min, max, max + 1.0, range.logScale())
                    - position(b, min, max, max + 1.0, range.logScale()));
        }
    }

    private record ContinuousDimension(ContinuousHyperParameterRange range) implements Dimension {

        private static final MathContext ROUNDING =
                new MathContext(ContinuousHyperParameterRange.SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

        @Override
        public String name() {
            return range.name();
        }

        @Override
        public String decode(double u) {
            double min = range.minValue();
            double max = range.maxValue();
            double value = range.logScale()
                    ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)))
                    : min + u * (max - min);
            BigDecimal rounded = BigDecimal.valueOf(value).round(ROUNDING);
            if (rounded.compareTo(BigDecimal.valueOf(min)) < 0) {
                rounded = BigDecimal.valueOf(min);
            } else if (rounded.compareTo(BigDecimal.valueOf(max)) > 0) {
                rounded = BigDecimal.valueOf(max);
            }
            return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
        }

        @Override
        public long distinctValues() {
            return range.minValue() == range.maxValue() ? 1 : Long.MAX_VALUE;
        }

        @Override
        public double difference(String a, String b) {
            double min = range.minValue();
            double max = range.maxValue();
            return Math.abs(position(a, min, max, max, range.logScale()) - position(b, min, max, max, range.logScale()));
        }
    }

    private record CategoricalDimension(CategoricalHyperParameterRange range) implements Dimension {

        @Override
        public String name() {
            return range.name();
        }

        @Override
        public String decode(double u) {
            List<String> values = range.values();
            return values.get(Math.min(values.size() - 1, (int) Math.floor(u * values.size())));
        }

        @Override
        public long distinctValues() {
            return range.values().size();
        }

        @Override
        public double difference(String a, String b) {
            return a == null || b == null ? Double.NaN : a.equals(b) ? 0 : 1;
        }
    }
}
