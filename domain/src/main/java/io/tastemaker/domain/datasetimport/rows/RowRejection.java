package io.tastemaker.domain.datasetimport.rows;

import java.util.Objects;

/**
 * A row that can't be imported, and why.
 *
 * @param lineNumber the 1-based physical line on which the row starts
 * @param reason one sentence naming the field and the rule, without the line number
 */
public record RowRejection(long lineNumber, String reason) implements RowResult {

    public RowRejection {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean isValid() {
        return false;
    }

    /** The reason with its line, as a report of rejected rows lists it: {@code Line 12: ...}. */
    public String message() {
        return "Line " + lineNumber + ": " + reason;
    }
}
