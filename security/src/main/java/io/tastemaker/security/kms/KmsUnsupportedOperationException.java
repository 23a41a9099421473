package io.tastemaker.security.kms;

/** KMS's {@code UnsupportedOperationException}: a valid request this server does not serve, e.g. an asymmetric key spec or an external key store. */
public class KmsUnsupportedOperationException extends KmsException {

    private static final long serialVersionUID = 1L;

    public KmsUnsupportedOperationException(String message) {
        super(message);
    }

    @Override
    public String errorName() {
        return "UnsupportedOperationException";
    }
}
