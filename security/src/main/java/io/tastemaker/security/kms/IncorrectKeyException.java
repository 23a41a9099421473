package io.tastemaker.security.kms;

/** KMS's {@code IncorrectKeyException}: Decrypt named a key other than the one the ciphertext was made with. */
public class IncorrectKeyException extends KmsException {

    private static final long serialVersionUID = 1L;

    public IncorrectKeyException(String message) {
        super(message);
    }
}
