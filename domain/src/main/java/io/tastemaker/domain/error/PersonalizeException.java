package io.tastemaker.domain.error;

import jakarta.ejb.ApplicationException;

/**
 * The one error vocabulary of Tastemaker. Every subclass is named after an error of Amazon
 * Personalize's service models; {@link #errorName()} is the name that goes on the wire
 * ({@code __type} in JSON 1.1, {@code x-amzn-ErrorType} in REST-JSON).
 *
 * <p>They are application exceptions: a service that throws one rolls its transaction back, so
 * that a refused request leaves nothing behind.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class PersonalizeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected PersonalizeException(String message) {
        super(message);
    }

    protected PersonalizeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The AWS error name, e.g. {@code ResourceNotFoundException}. */
    public String errorName() {
        return getClass().getSimpleName();
    }

    /** The HTTP status the runtime and events APIs use for this error. */
    public abstract int httpStatus();
}
