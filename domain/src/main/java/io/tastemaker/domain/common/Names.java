package io.tastemaker.domain.common;

import io.tastemaker.domain.error.InvalidInputException;
import java.util.regex.Pattern;

/** Checks resource names against the model's {@code Name} shape: 1–63 characters, {@code ^[a-zA-Z0-9][a-zA-Z0-9\-_]*}. */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
    private static final int MAX = 63;

    private Names() {
    }

    public static String require(String member, String value) {
        if (value == null) {
            throw new InvalidInputException("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (value.isEmpty() || value.length() > MAX) {
            throw new InvalidInputException("1 validation error detected: Value '" + Texts.abbreviate(value) + "' at '"
                    + member + "' failed to satisfy constraint: Member must have length between 1 and 63");
        }
        if (!NAME.matcher(value).matches()) {
            throw new InvalidInputException("1 validation error detected: Value '" + Texts.abbreviate(value) + "' at '"
                    + member + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "^[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
        }
        return value;
    }
}
