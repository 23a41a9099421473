package io.tastemaker.web.auth;

/** A request body over the limit; refused before authentication or any other work. */
public class RequestTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RequestTooLargeException(String message) {
        super(message);
    }
}
