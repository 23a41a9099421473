package io.tastemaker.security.kms;

/** KMS's {@code InvalidCiphertextException}: the ciphertext is not one this server made, was altered, or the encryption context differs from the one it was made with. */
public class InvalidCiphertextException extends KmsException {

    private static final long serialVersionUID = 1L;

    public InvalidCiphertextException(String message) {
        super(message);
    }
}
