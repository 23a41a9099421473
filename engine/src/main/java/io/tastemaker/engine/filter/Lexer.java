package io.tastemaker.engine.filter;

/**
 * Splits a filter expression into {@link Token tokens} on demand, skipping whitespace. Hand-written:
 * each token kind starts with a distinct character, so one character of look-ahead decides it.
 */
final class Lexer {

    /** The longest parameter name Personalize accepts in {@code filterValues}. */
    static final int MAX_PARAMETER_NAME = 50;

    private final String text;
    private int position;

    Lexer(String text) {
        this.text = text;
    }

    Token next() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        int start = position;
        if (start >= text.length()) {
            return new Token(Token.Kind.END, "", "", start);
        }
        char c = text.charAt(start);
        switch (c) {
            case '.':
                return single(Token.Kind.DOT);
            case ',':
                return single(Token.Kind.COMMA);
            case '(':
                return single(Token.Kind.OPEN);
            case ')':
                return single(Token.Kind.CLOSE);
            case '|':
                return single(Token.Kind.PIPE);
            case '*':
                return single(Token.Kind.STAR);
            case '=':
                return single(Token.Kind.COMPARISON);
            case '<':
            case '>':
                position++;
                if (position < text.length() && text.charAt(position) == '=') {
                    position++;
                }
                return slice(Token.Kind.COMPARISON, start);
            case '!':
                if (start + 1 < text.length() && text.charAt(start + 1) == '=') {
                    position += 2;
                    return slice(Token.Kind.COMPARISON, start);
                }
                throw new FilterSyntaxException("Expected != at column " + (start + 1) + ", found \"!\"", start);
            case '"':
                return string(start);
            case '$':
                return parameter(start);
            default:
                if (isNameStart(c)) {
                    while (position < text.length() && isNamePart(text.charAt(position))) {
                        position++;
                    }
                    return slice(Token.Kind.WORD, start);
                }
                if (c == '-' || isDigit(c)) {
                    return number(start);
                }
                throw new FilterSyntaxException("Unexpected character \"" + new String(Character.toChars(text.codePointAt(start)))
                        + "\" at column " + (start + 1), start);
        }
    }

    private Token single(Token.Kind kind) {
        position++;
        return slice(kind, position - 1);
    }

    private Token slice(Token.Kind kind, int start) {
        String token = text.substring(start, position);
        return new Token(kind, token, token, start);
    }

    /** A double-quoted string; inside it, {@code \"} is a quote and {@code \\} a backslash. */
    private Token string(int start) {
        StringBuilder value = new StringBuilder();
        position++;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return new Token(Token.Kind.STRING, text.substring(start, position), value.toString(), start);
            }
            if (c == '\\' && position < text.length()
                    && (text.charAt(position) == '"' || text.charAt(position) == '\\')) {
                c = text.charAt(position++);
            }
            value.append(c);
        }
        throw new FilterSyntaxException("Expected \" to close the string that starts at column " + (start + 1)
                + ", found end of expression", start);
    }

    private Token parameter(int start) {
        position++;
        while (position < text.length() && isNamePart(text.charAt(position))) {
            position++;
        }
        String name = text.substring(start + 1, position);
        if (name.isEmpty()) {
            String found = position < text.length() ? "\"" + text.charAt(position) + "\"" : "end of expression";
            throw new FilterSyntaxException("Expected a parameter name (letters, digits, _) after $ at column "
                    + (start + 1) + ", found " + found, start);
        }
        if (name.length() > MAX_PARAMETER_NAME) {
            throw new FilterSyntaxException("Parameter $" + name + " at column " + (start + 1) + " has "
                    + name.length() + " characters; parameter names have at most " + MAX_PARAMETER_NAME, start);
        }
        return new Token(Token.Kind.PARAMETER, text.substring(start, position), name, start);
    }

    /** {@code [-] digits [. digits] [(e|E) [+|-] digits]}. */
    private Token number(int start) {
        if (text.charAt(position) == '-') {
            position++;
        }
        if (!digits()) {
            throw new FilterSyntaxException("Expected a digit after - at column " + (position + 1), position);
        }
        if (position < text.length() && text.charAt(position) == '.') {
            position++;
            if (!digits()) {
                throw new FilterSyntaxException("Expected a digit after the decimal point at column " + (position + 1),
                        position);
            }
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            if (!digits()) {
                throw new FilterSyntaxException("Expected the exponent's digits at column " + (position + 1), position);
            }
        }
        if (position < text.length() && isNamePart(text.charAt(position))) {
            throw new FilterSyntaxException("Unexpected character \"" + text.charAt(position) + "\" after the number at column "
                    + (position + 1), position);
        }
        return slice(Token.Kind.NUMBER, start);
    }

    private boolean digits() {
        int start = position;
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
        return position > start;
    }

    static boolean isNameStart(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
