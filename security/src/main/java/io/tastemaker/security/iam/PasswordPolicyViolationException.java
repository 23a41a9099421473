package io.tastemaker.security.iam;

/** IAM's {@code PasswordPolicyViolation}: the password does not meet the account's password policy. */
public class PasswordPolicyViolationException extends IamException {

    private static final long serialVersionUID = 1L;

    public PasswordPolicyViolationException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
