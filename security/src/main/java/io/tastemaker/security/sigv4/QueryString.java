package io.tastemaker.security.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A raw query string split into percent-decoded parameters.
 *
 * <p>Decoding follows RFC 3986, not HTML forms: {@code +} stays a plus sign, and a {@code %} that
 * is not followed by two hexadecimal digits stays a percent sign. A piece without {@code =} is a
 * parameter with an empty value; empty pieces ({@code a=1&&b=2}) are skipped.
 */
final class QueryString {

    /** One decoded parameter; the bytes are whatever the client percent-encoded (normally UTF-8). */
    record Parameter(byte[] name, byte[] value) {

        String nameText() {
            return new String(name, StandardCharsets.UTF_8);
        }

        String valueText() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private QueryString() {}

    static List<Parameter> parse(String rawQuery) {
        List<Parameter> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String piece : rawQuery.split("&", -1)) {
            if (piece.isEmpty()) {
                continue;
            }
            int equals = piece.indexOf('=');
            String name = equals < 0 ? piece : piece.substring(0, equals);
            String value = equals < 0 ? "" : piece.substring(equals + 1);
            parameters.add(new Parameter(percentDecode(name), percentDecode(value)));
        }
        return parameters;
    }

    /** All decoded values of the parameters with exactly this (case-sensitive) name. */
    static List<String> values(List<Parameter> parameters, String name) {
        List<String> values = new ArrayList<>();
        for (Parameter parameter : parameters) {
            if (parameter.nameText().equals(name)) {
                values.add(parameter.valueText());
            }
        }
        return values;
    }

    static Optional<String> first(List<Parameter> parameters, String name) {
        List<String> values = values(parameters, name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    static byte[] percentDecode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()
                    && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                out.write(Character.digit(raw.charAt(i + 1), 16) << 4
                        | Character.digit(raw.charAt(i + 2), 16));
                i += 3;
            } else {
                int codePoint = raw.codePointAt(i);
                out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
