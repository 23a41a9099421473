package io.tastemaker.security.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A string of a policy (a resource, an action, a condition value) compiled once: literal text,
 * wildcards (where the element allows them) and policy variables (where the policy's version and
 * the element allow them).
 *
 * <p>Policy variables are written {@code ${key}} or {@code ${key, 'default'}} (a quote inside
 * the default is doubled); {@code ${*}}, {@code ${?}} and {@code ${$}} stand for those
 * characters taken literally. A variable is replaced by the request's value of that context key
 * (keys are case-insensitive); when the key is absent or has several values and there is no
 * default, the string resolves to nothing ({@code null}) and so matches nothing. A substituted
 * value is always literal: a {@code *} in a user name is not a wildcard. Substitution happens
 * once; a {@code ${...}} in a substituted value stays as it is.
 */
final class PolicyString {

    /** A policy variable: the lower-cased context key and its default, or null. */
    record Variable(String key, String defaultValue) {
    }

    private final String text;
    /** The compiled program when the string has no variables; null otherwise. */
    private final int[] program;
    /** The colon positions of {@link #program}, for ARN matching; null without a program. */
    private final int[] colons;
    /** The text of {@link #program} (what an exact comparison compares); null without a program. */
    private final String fixedText;
    /** The pieces ({@code int[]} programs and {@link Variable}s) when the string has variables. */
    private final Object[] pieces;

    private PolicyString(String text, int[] program, Object[] pieces) {
        this.text = text;
        this.program = program;
        this.colons = program == null ? null : ArnMatcher.separators(program);
        this.fixedText = program == null ? null : Glob.toString(program);
        this.pieces = pieces;
    }

    /**
     * Compiles {@code text}.
     *
     * @param wildcards whether {@code *} and {@code ?} are wildcards
     * @param variables whether {@code ${...}} is a policy variable (otherwise it is literal text)
     * @throws IllegalArgumentException with a sentence that says what is wrong with a variable
     */
    static PolicyString compile(String text, boolean wildcards, boolean variables) {
        if (!variables || !text.contains("${")) {
            return new PolicyString(text, wildcards ? Glob.compile(text) : Glob.literal(text), null);
        }
        List<Object> pieces = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (!text.startsWith("${", i)) {
                literal.append(text.charAt(i++));
                continue;
            }
            flush(literal, wildcards, pieces);
            int start = i;
            i += 2;
            StringBuilder key = new StringBuilder();
            while (i < text.length() && text.charAt(i) != '}' && text.charAt(i) != ',') {
                key.append(text.charAt(i++));
            }
            if (i >= text.length()) {
                throw new IllegalArgumentException("the policy variable at position " + (start + 1) + " is not closed with '}'");
            }
            String name = key.toString().strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("the policy variable at position " + (start + 1) + " names no context key");
            }
            String defaultValue = null;
            if (text.charAt(i) == ',') {
                i++;
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
                if (i >= text.length() || text.charAt(i) != '\'') {
                    throw new IllegalArgumentException("the default value of the policy variable at position " + (start + 1)
                            + " must be in single quotes, e.g. ${" + name + ", 'default'}");
                }
                i++;
                StringBuilder value = new StringBuilder();
                boolean closed = false;
                while (i < text.length()) {
                    char c = text.charAt(i++);
                    if (c == '\'') {
                        if (i < text.length() && text.charAt(i) == '\'') {
                            value.append('\'');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        value.append(c);
                    }
                }
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
                if (!closed || i >= text.length() || text.charAt(i) != '}') {
                    throw new IllegalArgumentException("the policy variable at position " + (start + 1) + " is not closed with '}'");
                }
                defaultValue = value.toString();
            }
            i++; // the '}'
            if (defaultValue == null && (name.equals("*") || name.equals("?") || name.equals("$"))) {
                pieces.add(new int[] {name.charAt(0)});
            } else {
                pieces.add(new Variable(name.toLowerCase(Locale.ROOT), defaultValue));
            }
        }
        flush(literal, wildcards, pieces);
        boolean hasVariable = pieces.stream().anyMatch(Variable.class::isInstance);
        if (!hasVariable) {
            return new PolicyString(text, concat(pieces), null);
        }
        return new PolicyString(text, null, pieces.toArray());
    }

    private static void flush(StringBuilder literal, boolean wildcards, List<Object> pieces) {
        if (literal.length() > 0) {
            String piece = literal.toString();
            pieces.add(wildcards ? Glob.compile(piece) : Glob.literal(piece));
            literal.setLength(0);
        }
    }

    private static int[] concat(List<Object> pieces) {
        int length = 0;
        for (Object piece : pieces) {
            length += ((int[]) piece).length;
        }
        int[] program = new int[length];
        int at = 0;
        for (Object piece : pieces) {
            int[] part = (int[]) piece;
            System.arraycopy(part, 0, program, at, part.length);
            at += part.length;
        }
        return program;
    }

    /** The string as written in the policy. */
    String text() {
        return text;
    }

    boolean hasVariables() {
        return pieces != null;
    }

    /** The program with the request's values substituted; null when a variable has no value. */
    int[] program(RequestContext request) {
        if (program != null) {
            return program;
        }
        int[][] parts = new int[pieces.length][];
        int length = 0;
        for (int k = 0; k < pieces.length; k++) {
            Object piece = pieces[k];
            if (piece instanceof Variable variable) {
                String value = request.variable(variable.key());
                if (value == null) {
                    value = variable.defaultValue();
                }
                if (value == null) {
                    return null;
                }
                parts[k] = Glob.literal(value);
            } else {
                parts[k] = (int[]) piece;
            }
            length += parts[k].length;
        }
        int[] resolved = new int[length];
        int at = 0;
        for (int[] part : parts) {
            System.arraycopy(part, 0, resolved, at, part.length);
            at += part.length;
        }
        return resolved;
    }

    /** The text with the request's values substituted; null when a variable has no value. */
    String resolve(RequestContext request) {
        if (fixedText != null) {
            return fixedText;
        }
        int[] resolved = program(request);
        if (resolved == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(resolved.length);
        for (int code : resolved) {
            out.append((char) code);
        }
        return out.toString();
    }

    /** Whether this pattern, read as a wildcard pattern, matches the whole of {@code value}. */
    boolean globMatches(String value, RequestContext request) {
        int[] resolved = program(request);
        return resolved != null && Glob.matches(resolved, value);
    }

    /** Whether this pattern, read as an ARN pattern, matches {@code arn} (colons at {@code arnColons}). */
    boolean arnMatches(String arn, int[] arnColons, RequestContext request) {
        if (program != null) {
            return ArnMatcher.matches(program, colons, arn, arnColons);
        }
        int[] resolved = program(request);
        return resolved != null && ArnMatcher.matches(resolved, ArnMatcher.separators(resolved), arn, arnColons);
    }

    @Override
    public String toString() {
        return text;
    }
}
