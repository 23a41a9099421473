package io.tastemaker.security.error;

import jakarta.ejb.ApplicationException;

/**
 * The root of every error that goes on the wire, for every service this server speaks
 * (Personalize, IAM, KMS). {@link #errorName()} is the AWS error code; one exception mapper in
 * the web module writes it in the shape of the service that was called.
 *
 * <p>They are application exceptions: a service that throws one rolls its transaction back, so
 * that a refused request leaves nothing behind.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ServiceException(String message) {
        super(message);
    }

    protected ServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The AWS error code, e.g. {@code ResourceNotFoundException} or IAM's {@code NoSuchEntity}. */
    public String errorName() {
        return getClass().getSimpleName();
    }

    /** The HTTP status of this error (REST-JSON, Query); JSON 1.1 control planes answer 400. */
    public abstract int httpStatus();
}
