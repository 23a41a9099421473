package io.tastemaker.security.crypto;

/**
 * A sealed value could not be opened: it is malformed, or it failed authentication because it
 * was altered or sealed under another key or other associated data. The message never contains
 * key or plaintext material.
 */
public final class SecretBoxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public SecretBoxException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     * @param cause   the underlying failure
     */
    public SecretBoxException(String message, Throwable cause) {
        super(message, cause);
    }
}
