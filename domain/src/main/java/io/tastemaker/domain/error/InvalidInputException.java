package io.tastemaker.domain.error;

/** A request parameter or body is invalid. */
public class InvalidInputException extends PersonalizeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
