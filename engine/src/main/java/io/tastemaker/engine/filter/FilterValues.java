package io.tastemaker.engine.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The values of a request's filter parameters ({@code filterValues} in GetRecommendations,
 * GetPersonalizedRanking, promotions and batch input lines), decoded: parameter name → values.
 *
 * <p>Personalize's encoding: each entry's value is one or more values in double quotes separated by
 * commas, {@code "\"comedy\",\"drama\""}; inside the quotes {@code \"} is a quote and {@code \\} a
 * backslash; spaces around the commas are ignored. A single unquoted number ({@code 10},
 * {@code -2.5}) is also accepted, for parameters compared with numbers. Limits: at most
 * {@value #MAX_ENTRIES} entries, names of 1 to {@value #MAX_NAME_LENGTH} letters, digits or
 * underscores (case-sensitive), values of at most {@value #MAX_VALUE_LENGTH} characters. Instances
 * are immutable; two are equal when they hold the same values.
 */
public final class FilterValues {

    /** The most entries a request's {@code filterValues} may have. */
    public static final int MAX_ENTRIES = 25;
    /** The longest parameter name. */
    public static final int MAX_NAME_LENGTH = 50;
    /** The longest encoded value. */
    public static final int MAX_VALUE_LENGTH = 1000;

    private static final FilterValues EMPTY = new FilterValues(Map.of());

    private final Map<String, List<String>> values;

    private FilterValues(Map<String, List<String>> values) {
        this.values = values;
    }

    /** No values (a request without {@code filterValues}). */
    public static FilterValues empty() {
        return EMPTY;
    }

    /**
     * Decodes a request's {@code filterValues}.
     *
     * @param encoded parameter name → encoded values; {@code null} is the same as an empty map
     * @throws FilterRequestException if the map breaks the encoding or a limit; the message names the
     *     entry
     */
    public static FilterValues parse(Map<String, String> encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return EMPTY;
        }
        if (encoded.size() > MAX_ENTRIES) {
            throw new FilterRequestException("filterValues has " + encoded.size() + " entries; at most " + MAX_ENTRIES
                    + " are allowed");
        }
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : encoded.entrySet()) {
            String name = entry.getKey();
            checkName(name);
            String value = entry.getValue();
            if (value == null) {
                throw new FilterRequestException("filterValues entry " + name + " has no value");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new FilterRequestException("filterValues entry " + name + " has " + value.length()
                        + " characters; at most " + MAX_VALUE_LENGTH + " are allowed");
            }
            decoded.put(name, decode(name, value));
        }
        return new FilterValues(Collections.unmodifiableMap(decoded));
    }

    /**
     * Values given already decoded (tests, batch jobs that decoded them elsewhere).
     *
     * @throws FilterRequestException if a name is invalid or an entry has no values
     */
    public static FilterValues of(Map<String, List<String>> decoded) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        decoded.forEach((name, list) -> {
            checkName(name);
            if (list.isEmpty()) {
                throw new FilterRequestException("filterValues entry " + name + " has no values");
            }
            copy.put(name, List.copyOf(list));
        });
        return new FilterValues(Collections.unmodifiableMap(copy));
    }

    /** The parameter names, in the order given. */
    public Set<String> names() {
        return values.keySet();
    }

    /** Whether a value is given for {@code name} (case-sensitive). */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The values of {@code name}, or an empty list. */
    public List<String> get(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** These values restricted to {@code names}. */
    FilterValues only(Set<String> names) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            if (names.contains(name)) {
                kept.put(name, list);
            }
        });
        return kept.size() == values.size() ? this : new FilterValues(Collections.unmodifiableMap(kept));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FilterValues && ((FilterValues) other).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "FilterValues" + values;
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        boolean valid = !name.isEmpty() && name.length() <= MAX_NAME_LENGTH;
        for (int i = 0; valid && i < name.length(); i++) {
            valid = Lexer.isNamePart(name.charAt(i));
        }
        if (!valid) {
            throw new FilterRequestException("filterValues name \"" + name + "\" must be 1 to " + MAX_NAME_LENGTH
                    + " letters, digits or underscores");
        }
    }

    /** values = value { "," value }, value = '"' chars '"'; or a single unquoted number. */
    private static List<String> decode(String name, String encoded) {
        String trimmed = encoded.strip();
        if (!trimmed.isEmpty() && trimmed.charAt(0) != '"') {
            if (isNumber(trimmed)) {
                return List.of(trimmed);
            }
            throw new FilterRequestException("filterValues entry " + name + " must be values in double quotes separated "
                    + "by commas, such as \"\\\"comedy\\\",\\\"drama\\\"\" (or a single number), but is " + encoded);
        }
        List<String> decoded = new ArrayList<>();
        int i = skipSpaces(encoded, 0);
        while (true) {
            if (i >= encoded.length() || encoded.charAt(i) != '"') {
                throw malformed(name, encoded, i, "a value in double quotes");
            }
            StringBuilder value = new StringBuilder();
            i++;
            boolean closed = false;
            while (i < encoded.length()) {
                char c = encoded.charAt(i++);
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\' && i < encoded.length() && (encoded.charAt(i) == '"' || encoded.charAt(i) == '\\')) {
                    c = encoded.charAt(i++);
                }
                value.append(c);
            }
            if (!closed) {
                throw malformed(name, encoded, i, "a closing double quote");
            }
            decoded.add(value.toString());
            i = skipSpaces(encoded, i);
            if (i == encoded.length()) {
                return List.copyOf(decoded);
            }
            if (encoded.charAt(i) != ',') {
                throw malformed(name, encoded, i, "a comma between values");
            }
            i = skipSpaces(encoded, i + 1);
        }
    }

    private static FilterRequestException malformed(String name, String encoded, int at, String expected) {
        String found = at < encoded.length() ? "\"" + encoded.charAt(at) + "\"" : "the end";
        return new FilterRequestException("filterValues entry " + name + ": expected " + expected + " at character "
                + (at + 1) + ", found " + found + "; write values as \"\\\"comedy\\\",\\\"drama\\\"\"");
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether {@code text} is one number as the filter grammar writes numbers, e.g. {@code 10} or {@code -2.5e3}. */
    static boolean isNumber(String text) {
        try {
            Lexer lexer = new Lexer(text);
            Token token = lexer.next();
            return token.kind() == Token.Kind.NUMBER && lexer.next().kind() == Token.Kind.END
                    && Double.isFinite(Double.parseDouble(token.text()));
        } catch (FilterSyntaxException e) {
            return false;
        }
    }
}
