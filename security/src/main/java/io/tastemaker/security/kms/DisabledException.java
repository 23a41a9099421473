package io.tastemaker.security.kms;

/** KMS's {@code DisabledException}: the key is disabled, so it cannot encrypt, decrypt or make data keys. */
public class DisabledException extends KmsException {

    private static final long serialVersionUID = 1L;

    public DisabledException(String message) {
        super(message);
    }
}
