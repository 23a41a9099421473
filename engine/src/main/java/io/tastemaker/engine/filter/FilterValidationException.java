package io.tastemaker.engine.filter;

/**
 * A filter expression that Personalize would refuse at {@code CreateFilter}: its syntax (see the
 * subclass {@link FilterSyntaxException}) or its meaning against the dataset group's schemas (an
 * unknown field, a textual field, an operator the field's type does not allow, too many fields, …).
 *
 * <p>The message names the offending part and says what to do instead. When the problem has a place
 * in the expression, {@link #offset()} and {@link #column()} give it; otherwise both are
 * {@code -1}. The domain maps this exception to {@code InvalidInputException}.
 */
public class FilterValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    /** A problem with no single place in the expression. */
    public FilterValidationException(String message) {
        this(message, -1);
    }

    /** A problem at {@code offset} (0-based) in the expression; the message already names the column. */
    public FilterValidationException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** The 0-based character offset of the problem in the expression, or {@code -1}. */
    public int offset() {
        return offset;
    }

    /** The 1-based column of the problem (the expression is read as one line), or {@code -1}. */
    public int column() {
        return offset < 0 ? -1 : offset + 1;
    }
}
