package io.tastemaker.domain.error;

/** The caller is not allowed to perform the action. */
public class AccessDeniedException extends PersonalizeException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
