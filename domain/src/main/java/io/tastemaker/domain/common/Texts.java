package io.tastemaker.domain.common;

/** Small text helpers for error messages, so that echoed input stays short and printable. */
public final class Texts {

    private static final int MAX_ECHO = 80;

    private Texts() {
    }

    /** Shortens a value that is echoed in an error message, and replaces control characters. */
    public static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_ECHO + 3));
        for (int i = 0; i < value.length() && out.length() < MAX_ECHO; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_ECHO) {
            out.append("...");
        }
        return out.toString();
    }
}
