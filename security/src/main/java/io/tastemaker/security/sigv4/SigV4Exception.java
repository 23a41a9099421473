package io.tastemaker.security.sigv4;

import java.util.Objects;

/**
 * A request was refused by {@link SigV4Verifier}. The message is meant for the caller and names
 * what is wrong; it never contains a secret.
 *
 * <p>Refusals are expected outcomes, not bugs, and may come in floods: the exception does not
 * capture a stack trace.
 */
public final class SigV4Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SigV4Error error;

    /**
     * Creates a refusal.
     *
     * @param error   which AWS error this is
     * @param message what is wrong, for the caller
     */
    public SigV4Exception(SigV4Error error, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The error this refusal is. */
    public SigV4Error error() {
        return error;
    }

    /** The error name as AWS JSON services return it, e.g. {@code InvalidSignatureException}. */
    public String errorName() {
        return error.errorName();
    }

    /** The HTTP status to answer with. */
    public int httpStatus() {
        return error.httpStatus();
    }
}
