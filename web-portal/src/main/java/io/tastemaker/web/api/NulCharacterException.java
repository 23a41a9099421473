package io.tastemaker.web.api;

/**
 * A JSON request holds the character U+0000 in a string or a member name. No member of any
 * served API may hold it, and PostgreSQL cannot store it, so the request is refused before any
 * work as the service's validation error: {@code InvalidInputException} for Personalize and the
 * operator's API ({@code InvalidNextTokenException} in a {@code nextToken}, which no token this
 * server gives holds), {@code ValidationException} for KMS ({@link ApiErrors}).
 */
public class NulCharacterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    /** @param path where the character is, e.g. {@code eventList[0].itemId} */
    public NulCharacterException(String path) {
        super("1 validation error detected: '" + path + "' holds the character U+0000, which no member may hold.");
        this.path = path;
    }

    /** Where the character is, e.g. {@code eventList[0].itemId}. */
    public String path() {
        return path;
    }
}
