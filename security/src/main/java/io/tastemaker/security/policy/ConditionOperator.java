package io.tastemaker.security.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The condition operators of AWS's policy grammar, without their {@code ForAnyValue:} /
 * {@code ForAllValues:} prefix and {@code IfExists} suffix. Each compiles the policy's values
 * once ({@link #compile}), reads a context value once ({@link #prepare}) and compares it with
 * one compiled value ({@link #matches}). A negated operator ({@link #negated()}) is evaluated as the negation of its
 * positive twin over all the values; {@link Condition} applies that and the qualifiers.
 */
enum ConditionOperator {

    STRING_EQUALS("StringEquals", Type.STRING, Comparison.EQ, false),
    STRING_NOT_EQUALS("StringNotEquals", Type.STRING, Comparison.EQ, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Type.STRING_IGNORE_CASE, Comparison.EQ, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Type.STRING_IGNORE_CASE, Comparison.EQ, true),
    STRING_LIKE("StringLike", Type.STRING_LIKE, Comparison.EQ, false),
    STRING_NOT_LIKE("StringNotLike", Type.STRING_LIKE, Comparison.EQ, true),
    NUMERIC_EQUALS("NumericEquals", Type.NUMERIC, Comparison.EQ, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Type.NUMERIC, Comparison.EQ, true),
    NUMERIC_LESS_THAN("NumericLessThan", Type.NUMERIC, Comparison.LT, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Type.NUMERIC, Comparison.LE, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Type.NUMERIC, Comparison.GT, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Type.NUMERIC, Comparison.GE, false),
    DATE_EQUALS("DateEquals", Type.DATE, Comparison.EQ, false),
    DATE_NOT_EQUALS("DateNotEquals", Type.DATE, Comparison.EQ, true),
    DATE_LESS_THAN("DateLessThan", Type.DATE, Comparison.LT, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Type.DATE, Comparison.LE, false),
    DATE_GREATER_THAN("DateGreaterThan", Type.DATE, Comparison.GT, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Type.DATE, Comparison.GE, false),
    BOOL("Bool", Type.BOOL, Comparison.EQ, false),
    BINARY_EQUALS("BinaryEquals", Type.BINARY, Comparison.EQ, false),
    IP_ADDRESS("IpAddress", Type.IP, Comparison.EQ, false),
    NOT_IP_ADDRESS("NotIpAddress", Type.IP, Comparison.EQ, true),
    ARN_EQUALS("ArnEquals", Type.ARN, Comparison.EQ, false),
    ARN_LIKE("ArnLike", Type.ARN, Comparison.EQ, false),
    ARN_NOT_EQUALS("ArnNotEquals", Type.ARN, Comparison.EQ, true),
    ARN_NOT_LIKE("ArnNotLike", Type.ARN, Comparison.EQ, true),
    NULL("Null", Type.NULL, Comparison.EQ, false);

    /** What the values are and how they compare. */
    enum Type {
        STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL
    }

    private enum Comparison {
        EQ, LT, LE, GT, GE;

        boolean holds(int compared) {
            return switch (this) {
                case EQ -> compared == 0;
                case LT -> compared < 0;
                case LE -> compared <= 0;
                case GT -> compared > 0;
                case GE -> compared >= 0;
            };
        }
    }

    private static final Map<String, ConditionOperator> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ConditionOperator::operatorName, Function.identity()));

    private final String operatorName;
    private final Type type;
    private final Comparison comparison;
    private final boolean negated;

    ConditionOperator(String operatorName, Type type, Comparison comparison, boolean negated) {
        this.operatorName = operatorName;
        this.type = type;
        this.comparison = comparison;
        this.negated = negated;
    }

    /** The operator's name in a policy, e.g. {@code StringEquals}. */
    String operatorName() {
        return operatorName;
    }

    Type type() {
        return type;
    }

    /** Whether the operator is true when the key does not match (StringNotEquals, NotIpAddress, ...). */
    boolean negated() {
        return negated;
    }

    /** The operator of that exact name (operator names are case-sensitive), or null. */
    static ConditionOperator named(String name) {
        return BY_NAME.get(name);
    }

    /** The operator whose name differs from {@code name} only in case, or null: for error messages. */
    static ConditionOperator namedIgnoringCase(String name) {
        for (ConditionOperator operator : values()) {
            if (operator.operatorName.equalsIgnoreCase(name)) {
                return operator;
            }
        }
        return null;
    }

    /** Whether policy variables are substituted in this operator's values (as AWS documents). */
    boolean takesVariables() {
        return type == Type.STRING || type == Type.STRING_IGNORE_CASE || type == Type.STRING_LIKE
                || type == Type.ARN || type == Type.BOOL;
    }

    /**
     * Compiles one policy value.
     *
     * @param variables whether {@code ${...}} is a policy variable here
     * @throws IllegalArgumentException with a sentence saying why the value does not fit
     */
    Object compile(String value, boolean variables) {
        boolean withVariables = variables && takesVariables();
        switch (type) {
            case STRING, STRING_IGNORE_CASE:
                return PolicyString.compile(value, false, withVariables);
            case STRING_LIKE, ARN:
                return PolicyString.compile(value, true, withVariables);
            case NUMERIC:
                try {
                    return new BigDecimal(value.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a number");
                }
            case DATE: {
                Instant instant = PolicyDates.parse(value);
                if (instant == null) {
                    throw new IllegalArgumentException("'" + value + "' is not a date: use ISO 8601 (2026-11-28T09:30:00Z)"
                            + " or epoch seconds");
                }
                return instant;
            }
            case BOOL: {
                PolicyString string = PolicyString.compile(value, false, withVariables);
                if (!string.hasVariables() && !isBoolean(value)) {
                    throw new IllegalArgumentException("'" + value + "' is not true or false");
                }
                return string;
            }
            case BINARY:
                try {
                    return Base64.getDecoder().decode(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("'" + value + "' is not base64");
                }
            case IP: {
                IpRange range = IpRange.parse(value);
                if (range == null) {
                    throw new IllegalArgumentException("'" + value + "' is not an IPv4 or IPv6 address or CIDR range");
                }
                return range;
            }
            case NULL:
                if (!isBoolean(value)) {
                    throw new IllegalArgumentException("'" + value + "' is not true or false");
                }
                return Boolean.valueOf(value.toLowerCase(Locale.ROOT));
            default:
                throw new IllegalStateException(type.name());
        }
    }

    /**
     * A context value in the form this operator compares, read once per condition rather than
     * once per policy value: the address bytes, the instant, the number, the colon positions of an
     * ARN, the decoded bytes; the text itself for the string operators. Null when the value cannot
     * be read (it then matches nothing).
     */
    Object prepare(String context) {
        switch (type) {
            case NUMERIC:
                try {
                    return new BigDecimal(context.strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            case DATE:
                return PolicyDates.parse(context);
            case IP:
                return IpRange.address(context, true);
            case ARN:
                return ArnMatcher.separators(context);
            case BINARY:
                try {
                    return Base64.getDecoder().decode(context);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            case BOOL:
                return isBoolean(context) ? context : null;
            default:
                return context;
        }
    }

    /**
     * Whether one context value ({@code context} as given, {@code prepared} as {@link #prepare}
     * read it, never null) matches one compiled policy value, for the positive operator.
     */
    boolean matches(String context, Object prepared, Object value, RequestContext request) {
        switch (type) {
            case STRING: {
                String resolved = ((PolicyString) value).resolve(request);
                return resolved != null && resolved.equals(context);
            }
            case STRING_IGNORE_CASE, BOOL: {
                String resolved = ((PolicyString) value).resolve(request);
                return resolved != null && resolved.equalsIgnoreCase(context);
            }
            case STRING_LIKE:
                return ((PolicyString) value).globMatches(context, request);
            case ARN:
                return ((PolicyString) value).arnMatches(context, (int[]) prepared, request);
            case NUMERIC:
                return comparison.holds(((BigDecimal) prepared).compareTo((BigDecimal) value));
            case DATE:
                return comparison.holds(((Instant) prepared).compareTo((Instant) value));
            case BINARY:
                return Arrays.equals((byte[]) prepared, (byte[]) value);
            case IP:
                return ((IpRange) value).contains((byte[]) prepared);
            default:
                throw new IllegalStateException(type.name());
        }
    }

    private static boolean isBoolean(String value) {
        return "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value);
    }
}
