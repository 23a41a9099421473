package io.tastemaker.security.kms;

/** KMS's {@code NotFoundException}: no key of the caller's account has that id or ARN (a key of another account is not found either). */
public class NotFoundException extends KmsException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
