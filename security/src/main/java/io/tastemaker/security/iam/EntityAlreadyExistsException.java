package io.tastemaker.security.iam;

/** IAM's {@code EntityAlreadyExists}: an entity of that name already exists. */
public class EntityAlreadyExistsException extends IamException {

    private static final long serialVersionUID = 1L;

    public EntityAlreadyExistsException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
