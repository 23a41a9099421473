package io.tastemaker.security.kms;

/** The common AWS {@code AccessDeniedException}, as Decrypt answers for a ciphertext whose key does not exist or belongs to another account (without telling which). */
public class KmsAccessDeniedException extends KmsException {

    private static final long serialVersionUID = 1L;

    public KmsAccessDeniedException(String message) {
        super(message);
    }

    @Override
    public String errorName() {
        return "AccessDeniedException";
    }
}
