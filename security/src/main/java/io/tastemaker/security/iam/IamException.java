package io.tastemaker.security.iam;

import io.tastemaker.security.error.ServiceException;

/**
 * An error of AWS IAM's service model. The class names are those of the AWS SDK's IAM
 * exceptions; the wire code drops the {@code Exception} suffix ({@code NoSuchEntity}), as IAM's
 * Query protocol does.
 */
public abstract class IamException extends ServiceException {

    private static final long serialVersionUID = 1L;

    protected IamException(String message) {
        super(message);
    }

    @Override
    public String errorName() {
        String name = getClass().getSimpleName();
        return name.endsWith("Exception") ? name.substring(0, name.length() - "Exception".length()) : name;
    }
}
