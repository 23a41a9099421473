package io.tastemaker.web.console;

import io.tastemaker.domain.dataset.DatasetRows;
import java.io.Serializable;

/** A row an import refused: the line it started on and why. */
public final class RejectionRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long lineNumber;
    private final String reason;

    RejectionRow(long lineNumber, String reason) {
        this.lineNumber = lineNumber;
        this.reason = reason;
    }

    static RejectionRow of(DatasetRows.Rejection rejection) {
        return new RejectionRow(rejection.lineNumber(), rejection.reason());
    }

    public long getLineNumber() {
        return lineNumber;
    }

    public String getReason() {
        return reason;
    }
}
