package io.tastemaker.security.kms;

/** KMS's {@code LimitExceededException}: a quota is reached, e.g. the ten on-demand rotations of a key. */
public class KmsLimitExceededException extends KmsException {

    private static final long serialVersionUID = 1L;

    public KmsLimitExceededException(String message) {
        super(message);
    }

    @Override
    public String errorName() {
        return "LimitExceededException";
    }
}
