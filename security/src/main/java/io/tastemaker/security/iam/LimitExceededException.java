package io.tastemaker.security.iam;

/** IAM's {@code LimitExceeded}: a per-entity limit (e.g. two access keys per user) would be exceeded. */
public class LimitExceededException extends IamException {

    private static final long serialVersionUID = 1L;

    public LimitExceededException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
