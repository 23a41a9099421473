package io.tastemaker.security.kms;

/** The common AWS {@code ValidationException}: a request member breaks its constraint (length, range, enumeration, required). */
public class ValidationException extends KmsException {

    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super(message);
    }
}
