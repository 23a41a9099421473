package io.tastemaker.security.kms;

/** KMS's {@code InvalidKeyUsageException}: the key cannot be used that way, e.g. an asymmetric encryption algorithm with a symmetric key. */
public class InvalidKeyUsageException extends KmsException {

    private static final long serialVersionUID = 1L;

    public InvalidKeyUsageException(String message) {
        super(message);
    }
}
