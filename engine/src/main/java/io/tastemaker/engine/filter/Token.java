package io.tastemaker.engine.filter;

/**
 * One token of a filter expression.
 *
 * @param kind what the token is
 * @param text the token's characters as written
 * @param value the string's content without quotes and escapes, or the parameter's name without
 *     {@code $}; otherwise the same as {@code text}
 * @param offset the 0-based offset of the token's first character
 */
record Token(Kind kind, String text, String value, int offset) {

    enum Kind {
        /** A name: keyword, dataset, field. Keywords are recognised by the parser, ignoring case. */
        WORD,
        STRING,
        NUMBER,
        PARAMETER,
        DOT,
        COMMA,
        OPEN,
        CLOSE,
        PIPE,
        STAR,
        /** One of {@code = != < <= > >=}. */
        COMPARISON,
        END
    }

    boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** The token as a message shows it after "found". */
    String describe() {
        switch (kind) {
            case END:
                return "end of expression";
            case STRING:
                return text;
            default:
                return "\"" + text + "\"";
        }
    }
}
