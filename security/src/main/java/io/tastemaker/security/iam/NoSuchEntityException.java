package io.tastemaker.security.iam;

/** IAM's {@code NoSuchEntity}: the named user, group, policy, key or account does not exist. */
public class NoSuchEntityException extends IamException {

    private static final long serialVersionUID = 1L;

    public NoSuchEntityException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
