package io.tastemaker.domain.recommendation;

import io.tastemaker.domain.common.Texts;
import io.tastemaker.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A request's {@code metadataColumns} (GetRecommendations, GetPersonalizedRanking): the Items
 * dataset columns to return with each item, checked against Personalize's limits: at most one key,
 * {@code ITEMS}; at most {@value #MAX_COLUMNS} columns, each named once (names ignore case); and,
 * when columns are asked for, at most {@value #MAX_RESULTS} items in the answer.
 *
 * @param itemColumns the column names as the request spells them, in its order; empty for none
 */
public record MetadataColumns(List<String> itemColumns) {

    /** Columns a request may ask for (Personalize's documented limit). */
    public static final int MAX_COLUMNS = 10;
    /** Items a response may hold when it carries metadata (numResults, or GetPersonalizedRanking's inputList). */
    public static final int MAX_RESULTS = 50;
    /** Characters of a column name (Personalize's {@code ColumnName}). */
    public static final int MAX_NAME = 150;
    /** The one dataset whose columns may be asked for. */
    public static final String ITEMS = "ITEMS";

    /** No metadata asked for. */
    public static final MetadataColumns NONE = new MetadataColumns(List.of());

    public MetadataColumns {
        itemColumns = List.copyOf(itemColumns);
    }

    /**
     * Checks the request's map (dataset type → column names).
     *
     * @param requested the map as sent; null or empty for none
     * @throws InvalidInputException naming the key or column at fault and the limit
     */
    public static MetadataColumns of(Map<String, List<String>> requested) {
        if (requested == null || requested.isEmpty()) {
            return NONE;
        }
        if (requested.size() > 1 || !requested.containsKey(ITEMS)) {
            throw new InvalidInputException("metadataColumns takes one key, ITEMS (the columns of the Items dataset); "
                    + "got " + String.join(", ", requested.keySet().stream().map(Texts::abbreviate).toList()) + ".");
        }
        List<String> columns = requested.get(ITEMS);
        if (columns == null || columns.isEmpty()) {
            return NONE;
        }
        if (columns.size() > MAX_COLUMNS) {
            throw new InvalidInputException("metadataColumns.ITEMS lists " + columns.size() + " columns; a request may ask "
                    + "for at most " + MAX_COLUMNS + ".");
        }
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>(columns.size());
        for (String column : columns) {
            if (column == null || column.isBlank() || column.length() > MAX_NAME) {
                throw new InvalidInputException("Every column of metadataColumns.ITEMS must be the name of a column of the "
                        + "Items schema, 1 to " + MAX_NAME + " characters; got "
                        + (column == null ? "null" : "'" + Texts.abbreviate(column) + "'") + ".");
            }
            if (!seen.add(column.toUpperCase(Locale.ROOT))) {
                throw new InvalidInputException("metadataColumns.ITEMS names column " + column + " twice (column names "
                        + "ignore case); name it once.");
            }
            names.add(column);
        }
        return new MetadataColumns(names);
    }

    /** Whether any column is asked for. */
    public boolean requested() {
        return !itemColumns.isEmpty();
    }

    /**
     * Checks the size of the answer against the limit with metadata.
     *
     * @param member the request member that sets the size ({@code numResults}, {@code inputList})
     * @param size its value
     * @throws InvalidInputException if columns are asked for and {@code size} exceeds {@value #MAX_RESULTS}
     */
    public void checkResults(String member, int size) {
        if (requested() && size > MAX_RESULTS) {
            throw new InvalidInputException(member + " may be at most " + MAX_RESULTS + " when metadataColumns are asked "
                    + "for, got " + size + ". Ask for fewer results, or send the request without metadataColumns.");
        }
    }
}
