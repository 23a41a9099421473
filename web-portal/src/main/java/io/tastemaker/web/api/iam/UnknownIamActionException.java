package io.tastemaker.web.api.iam;

import io.tastemaker.security.error.ServiceException;

/** IAM's {@code InvalidAction}: the form names no action, or one this server does not serve. */
public class UnknownIamActionException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public UnknownIamActionException(String action) {
        super(action == null ? "The request must name an Action, e.g. Action=ListUsers&Version=2010-05-08."
                : "The action " + action + " is not valid for this web service.");
    }

    @Override
    public String errorName() {
        return "InvalidAction";
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
