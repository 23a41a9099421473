package io.tastemaker.domain.error;

/** The pagination token is not one this server issued. */
public class InvalidNextTokenException extends PersonalizeException {

    private static final long serialVersionUID = 1L;

    public InvalidNextTokenException(String message) {
        super(message);
    }

    public InvalidNextTokenException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
