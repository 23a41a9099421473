package io.tastemaker.web.api.iam;

import io.tastemaker.security.iam.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters of an AWS Query request: a form-encoded body such as {@code Action=GetUser&Version=2010-05-08}. */
public final class QueryForm {

    private final Map<String, String> values;

    private QueryForm(Map<String, String> values) {
        this.values = values;
    }

    public static QueryForm parse(byte[] body) {
        Map<String, String> values = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (name.indexOf('\u0000') >= 0 || value.indexOf('\u0000') >= 0) {
                    throw new InvalidInputException("The parameter " + name.replace("\u0000", "\\u0000")
                            + " holds the character U+0000, which no parameter may hold.");
                }
                if (values.put(name, value) != null) {
                    throw new InvalidInputException("The parameter " + name + " is given twice.");
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("The request body is not a valid form: " + e.getMessage());
            }
        }
        return new QueryForm(values);
    }

    /** A parameter, or null when absent. */
    public String get(String name) {
        return values.get(name);
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException("1 validation error detected: Value null at '" + lowerFirst(name)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    public Integer integer(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a whole number, not '" + value + "'.");
        }
    }

    public boolean bool(String name) {
        return "true".equalsIgnoreCase(values.get(name));
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
