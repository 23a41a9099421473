package io.tastemaker.web.console;

import java.io.Serializable;

/**
 * Why a filter expression (or a policy document) was refused, shown under the editor: the message,
 * and, when the problem has a place, the expression (the document's line) on one line with a caret
 * under that column.
 *
 * @param message the domain's message
 * @param line the expression with line breaks and tabs as spaces (so columns line up), or null
 * @param caret spaces and a {@code ^} under the column, or null
 */
public record ExpressionProblem(String message, String line, String caret) implements Serializable {

    /** A problem at 1-based {@code column} of {@code expression} ({@code column < 1}: no place). */
    static ExpressionProblem of(String message, String expression, int column) {
        if (column < 1 || expression == null) {
            return new ExpressionProblem(message, null, null);
        }
        String line = expression.replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
        int at = Math.min(column, line.length() + 1);
        return new ExpressionProblem(message, line, " ".repeat(at - 1) + "^");
    }

    public String getMessage() {
        return message;
    }

    public String getLine() {
        return line;
    }

    public String getCaret() {
        return caret;
    }

    /** The expression line and the caret line under it, for a {@code <pre>}. */
    public String getPointer() {
        return caret == null ? null : line + "\n" + caret;
    }

    public boolean isPlaced() {
        return caret != null;
    }
}
