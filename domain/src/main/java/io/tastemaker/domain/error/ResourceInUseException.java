package io.tastemaker.domain.error;

/** The resource is in use: it has children, or a job on it is still running. */
public class ResourceInUseException extends PersonalizeException {

    private static final long serialVersionUID = 1L;

    public ResourceInUseException(String message) {
        super(message);
    }

    public ResourceInUseException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
