package io.tastemaker.security.kms;

import io.tastemaker.security.error.ServiceException;

/**
 * An error of AWS KMS's service model ({@code TrentService}). {@link #errorName()} is the error
 * code of the model; where that name would clash with a Java class ({@code
 * UnsupportedOperationException}) or with another service's error, the class carries a
 * {@code Kms} prefix and names the AWS code explicitly. Every KMS client error goes on the wire
 * with HTTP 400, as the AWS SDK's model of KMS records it.
 */
public abstract class KmsException extends ServiceException {

    private static final long serialVersionUID = 1L;

    protected KmsException(String message) {
        super(message);
    }

    protected KmsException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
