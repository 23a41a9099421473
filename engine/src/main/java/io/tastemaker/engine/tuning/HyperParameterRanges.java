package io.tastemaker.engine.tuning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Personalize's {@code algorithmHyperParameterRanges}: the hyperparameters a search varies, each
 * with its range. A name appears at most once across the three lists.
 *
 * @param integerHyperParameterRanges at most {@value #MAX_RANGES}; {@code null} means none; copied
 * @param continuousHyperParameterRanges at most {@value #MAX_RANGES}; {@code null} means none;
 *     copied
 * @param categoricalHyperParameterRanges at most {@value #MAX_RANGES}; {@code null} means none;
 *     copied
 */
public record HyperParameterRanges(List<IntegerHyperParameterRange> integerHyperParameterRanges,
        List<ContinuousHyperParameterRange> continuousHyperParameterRanges,
        List<CategoricalHyperParameterRange> categoricalHyperParameterRanges) {

    /** The most ranges of each kind, as in Personalize's API model. */
    public static final int MAX_RANGES = 100;
    /** The longest hyperparameter name, as in Personalize's API model. */
    public static final int MAX_NAME_LENGTH = 256;

    /** No ranges. */
    public static final HyperParameterRanges EMPTY = new HyperParameterRanges(null, null, null);

    /**
     * Checks and copies the lists.
     *
     * @throws IllegalArgumentException naming a list that is too long or holds {@code null}, or a
     *     hyperparameter that appears twice
     */
    public HyperParameterRanges {
        integerHyperParameterRanges = copy("integerHyperParameterRanges", integerHyperParameterRanges);
        continuousHyperParameterRanges = copy("continuousHyperParameterRanges", continuousHyperParameterRanges);
        categoricalHyperParameterRanges = copy("categoricalHyperParameterRanges", categoricalHyperParameterRanges);
        Map<String, String> listOf = new LinkedHashMap<>();
        for (IntegerHyperParameterRange range : integerHyperParameterRanges) {
            requireUnique(listOf, range.name(), "integerHyperParameterRanges");
        }
        for (ContinuousHyperParameterRange range : continuousHyperParameterRanges) {
            requireUnique(listOf, range.name(), "continuousHyperParameterRanges");
        }
        for (CategoricalHyperParameterRange range : categoricalHyperParameterRanges) {
            requireUnique(listOf, range.name(), "categoricalHyperParameterRanges");
        }
    }

    /** Whether no hyperparameter is searched. */
    public boolean isEmpty() {
        return integerHyperParameterRanges.isEmpty() && continuousHyperParameterRanges.isEmpty()
                && categoricalHyperParameterRanges.isEmpty();
    }

    /** The searched hyperparameters: integer ranges, then continuous, then categorical, each in list order. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        integerHyperParameterRanges.forEach(range -> names.add(range.name()));
        continuousHyperParameterRanges.forEach(range -> names.add(range.name()));
        categoricalHyperParameterRanges.forEach(range -> names.add(range.name()));
        return Collections.unmodifiableSet(names);
    }

    /** Checks a hyperparameter name; {@code kind} names the range type in the message. */
    static void requireName(String kind, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(kind + ".name must not be blank, was "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(kind + ".name must be at most " + MAX_NAME_LENGTH
                    + " characters, was " + name.length());
        }
    }

    private static <T> List<T> copy(String member, List<T> ranges) {
        if (ranges == null) {
            return List.of();
        }
        if (ranges.size() > MAX_RANGES) {
            throw new IllegalArgumentException("algorithmHyperParameterRanges." + member + " must hold at most "
                    + MAX_RANGES + " ranges, held " + ranges.size());
        }
        List<T> copy = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i) == null) {
                throw new IllegalArgumentException("algorithmHyperParameterRanges." + member + "[" + i + "] is null");
            }
            copy.add(ranges.get(i));
        }
        return List.copyOf(copy);
    }

    private static void requireUnique(Map<String, String> listOf, String name, String member) {
        String earlier = listOf.putIfAbsent(name, member);
        if (earlier != null) {
            throw new IllegalArgumentException("Hyperparameter '" + name + "' has two ranges in "
                    + "algorithmHyperParameterRanges (" + earlier
                    + (earlier.equals(member) ? "" : " and " + member) + "); give each hyperparameter one range");
        }
    }
}
