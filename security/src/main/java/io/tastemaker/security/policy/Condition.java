package io.tastemaker.security.policy;

import java.util.List;

/**
 * One key of a condition block: {@code "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": [...]}}
 * is one {@code Condition} with its operator, qualifier, {@code IfExists} flag, key and values.
 * A statement's conditions are ANDed; the values of one condition are ORed for a positive operator
 * and NORed for a negated one.
 *
 * <p>When the request lacks the key: an {@code IfExists} condition is true; a
 * {@code ForAllValues:} condition is true; a {@code ForAnyValue:} condition is false; otherwise
 * a positive operator is false and a negated one true ({@code Null} tests exactly that).
 * Without a qualifier, a key with several values matches a positive operator when any value
 * does, and a negated operator when none does.
 */
final class Condition {

    /** The set qualifier of a condition. */
    enum Qualifier {
        NONE(""), FOR_ANY_VALUE("ForAnyValue:"), FOR_ALL_VALUES("ForAllValues:");

        final String prefix;

        Qualifier(String prefix) {
            this.prefix = prefix;
        }
    }

    private final ConditionOperator operator;
    private final Qualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final String lowerCaseKey;
    private final Object[] values;

    Condition(ConditionOperator operator, Qualifier qualifier, boolean ifExists, String key, String lowerCaseKey,
            List<Object> values) {
        this.operator = operator;
        this.qualifier = qualifier;
        this.ifExists = ifExists;
        this.key = key;
        this.lowerCaseKey = lowerCaseKey;
        this.values = values.toArray();
    }

    /** Whether the request satisfies this condition. */
    boolean holds(RequestContext request) {
        List<String> context = request.valuesOfLowerCaseKey(lowerCaseKey);
        if (operator == ConditionOperator.NULL) {
            boolean absent = context.isEmpty();
            for (Object value : values) {
                if ((Boolean) value == absent) {
                    return true;
                }
            }
            return false;
        }
        if (context.isEmpty()) {
            if (ifExists || qualifier == Qualifier.FOR_ALL_VALUES) {
                return true;
            }
            if (qualifier == Qualifier.FOR_ANY_VALUE) {
                return false;
            }
            return operator.negated();
        }
        switch (qualifier) {
            case FOR_ANY_VALUE:
                for (String value : context) {
                    if (single(value, request)) {
                        return true;
                    }
                }
                return false;
            case FOR_ALL_VALUES:
                for (String value : context) {
                    if (!single(value, request)) {
                        return false;
                    }
                }
                return true;
            default:
                boolean any = false;
                for (String value : context) {
                    if (matchesAnyValue(value, request)) {
                        any = true;
                        break;
                    }
                }
                return operator.negated() != any;
        }
    }

    /** Whether one context value satisfies the operator, negation included. */
    private boolean single(String context, RequestContext request) {
        return operator.negated() != matchesAnyValue(context, request);
    }

    private boolean matchesAnyValue(String context, RequestContext request) {
        Object prepared = operator.prepare(context);
        if (prepared == null) {
            return false;
        }
        for (Object value : values) {
            if (operator.matches(context, prepared, value, request)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return qualifier.prefix + operator.operatorName() + (ifExists ? "IfExists" : "") + " " + key;
    }
}
