package io.tastemaker.domain.error;

/** A quota was exceeded. */
public class LimitExceededException extends PersonalizeException {

    private static final long serialVersionUID = 1L;

    public LimitExceededException(String message) {
        super(message);
    }

    public LimitExceededException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
