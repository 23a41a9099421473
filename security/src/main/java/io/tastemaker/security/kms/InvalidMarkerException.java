package io.tastemaker.security.kms;

/** KMS's {@code InvalidMarkerException}: the paging marker was not made by this server for this listing. */
public class InvalidMarkerException extends KmsException {

    private static final long serialVersionUID = 1L;

    public InvalidMarkerException(String message) {
        super(message);
    }
}
