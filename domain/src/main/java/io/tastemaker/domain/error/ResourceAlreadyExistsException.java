package io.tastemaker.domain.error;

/** A resource with the same name already exists. */
public class ResourceAlreadyExistsException extends PersonalizeException {

    private static final long serialVersionUID = 1L;

    public ResourceAlreadyExistsException(String message) {
        super(message);
    }

    public ResourceAlreadyExistsException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
