package io.tastemaker.engine.filter;

/**
 * A filter that cannot be applied to a request: {@code filterValues} that break Personalize's
 * encoding or limits, a parameter an {@code INCLUDE} expression needs but the request does not
 * supply, a value of the wrong type for its field, or a {@code CurrentItem} filter without an item.
 * The domain maps it to {@code InvalidInputException}.
 */
public final class FilterRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A request problem described by {@code message}. */
    public FilterRequestException(String message) {
        super(message);
    }
}
