package io.tastemaker.security.kms;

/** KMS's {@code TagException}: a tag key or value breaks its constraints, or a key repeats. */
public class TagException extends KmsException {

    private static final long serialVersionUID = 1L;

    public TagException(String message) {
        super(message);
    }
}
