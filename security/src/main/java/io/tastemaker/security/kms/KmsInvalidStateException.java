package io.tastemaker.security.kms;

/** KMS's {@code KMSInvalidStateException}: the key's state (e.g. {@code PendingDeletion}) does not allow the operation. */
public class KmsInvalidStateException extends KmsException {

    private static final long serialVersionUID = 1L;

    public KmsInvalidStateException(String message) {
        super(message);
    }

    @Override
    public String errorName() {
        return "KMSInvalidStateException";
    }
}
