package io.tastemaker.security.audit;

import io.tastemaker.security.error.ServiceException;

/**
 * A search of the audit trail that cannot be served, named as CloudTrail names it (e.g.
 * {@code InvalidTimeRangeException}), or a look at another account's records
 * ({@code AccessDeniedException}).
 */
public class AuditQueryException extends ServiceException {

    private static final long serialVersionUID = 1L;

    private final String errorName;

    public AuditQueryException(String errorName, String message) {
        super(message);
        this.errorName = errorName;
    }

    @Override
    public String errorName() {
        return errorName;
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
