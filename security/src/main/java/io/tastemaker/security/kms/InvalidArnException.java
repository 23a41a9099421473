package io.tastemaker.security.kms;

/** KMS's {@code InvalidArnException}: a value that is an ARN is not a well-formed KMS key ARN. */
public class InvalidArnException extends KmsException {

    private static final long serialVersionUID = 1L;

    public InvalidArnException(String message) {
        super(message);
    }
}
