package io.tastemaker.domain.error;

import io.tastemaker.security.error.ServiceException;

/**
 * Personalize's part of the one error vocabulary. Every subclass is named after an error of
 * Amazon Personalize's service models; {@link #errorName()} is the name that goes on the wire
 * ({@code __type} in JSON 1.1, {@code x-amzn-ErrorType} in REST-JSON).
 *
 * <p>They are application exceptions (inherited from {@link ServiceException}): a service that
 * throws one rolls its transaction back, so that a refused request leaves nothing behind.
 */
public abstract class PersonalizeException extends ServiceException {

    private static final long serialVersionUID = 1L;

    protected PersonalizeException(String message) {
        super(message);
    }

    protected PersonalizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
