package io.tastemaker.engine.filter;

/**
 * A filter expression that does not follow the grammar in the {@linkplain io.tastemaker.engine.filter
 * package documentation}. The message says what was expected, where, and what was found instead, for
 * example {@code Expected IN, NOT IN, =, !=, <, <=, > or >= after Items.GENRE at column 34, found "LIKE"}.
 */
public final class FilterSyntaxException extends FilterValidationException {

    private static final long serialVersionUID = 1L;

    FilterSyntaxException(String message, int offset) {
        super(message, offset);
    }

    /** "{@code <expected> at column <n>, found <what>}". */
    static FilterSyntaxException expected(String expected, Token found) {
        return new FilterSyntaxException(expected + " at column " + (found.offset() + 1) + ", found " + found.describe(),
                found.offset());
    }
}
