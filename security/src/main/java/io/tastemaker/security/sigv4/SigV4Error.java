package io.tastemaker.security.sigv4;

/**
 * The authentication errors an AWS JSON service returns, by the name its wire protocol uses and
 * the HTTP status that goes with it.
 */
public enum SigV4Error {

    /** The request carries no signature at all. */
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", 403),

    /** The signature is malformed or lacks a part, so it cannot be checked. */
    INCOMPLETE_SIGNATURE("IncompleteSignatureException", 400),

    /** The access key id is unknown or inactive, or a security token was sent. */
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", 403),

    /** The signature could be checked and is wrong, expired or scoped to something else. */
    INVALID_SIGNATURE("InvalidSignatureException", 403);

    private final String errorName;
    private final int httpStatus;

    SigV4Error(String errorName, int httpStatus) {
        this.errorName = errorName;
        this.httpStatus = httpStatus;
    }

    /** The error name as AWS JSON services return it (the {@code __type}). */
    public String errorName() {
        return errorName;
    }

    /** The HTTP status AWS answers this error with. */
    public int httpStatus() {
        return httpStatus;
    }
}
