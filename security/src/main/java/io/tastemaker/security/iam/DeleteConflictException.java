package io.tastemaker.security.iam;

/** IAM's {@code DeleteConflict}: the entity still has attached policies, members or keys. */
public class DeleteConflictException extends IamException {

    private static final long serialVersionUID = 1L;

    public DeleteConflictException(String message) {
        super(message);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
