package io.tastemaker.domain.error;

/** The named resource does not exist in the caller's account. */
public class ResourceNotFoundException extends PersonalizeException {

    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException(String message) {
        super(message);
    }

    public ResourceNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
