package io.tastemaker.security.iam;

/** IAM's {@code InvalidInput}: a parameter is missing or out of its range. */
public class InvalidInputException extends IamException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
