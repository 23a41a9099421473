package io.tastemaker.domain.datasetimport.rows;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record of a CSV file, as {@link CsvRecordReader} read it.
 *
 * <p>A record whose syntax is broken (text after a closing quote, a quote left open at the end
 * of the file, a record longer than the reader's limit) is still returned, with
 * {@link #malformation()} saying what is wrong, so that the row can be rejected with its line
 * number instead of stopping the import. Its values are then best effort, and empty for a record
 * that was too long.
 *
 * <p>The array is not copied, for speed: callers must not modify it.
 *
 * @param lineNumber the 1-based physical line on which the record starts
 * @param values the field values; a missing value is the empty string, never {@code null}
 * @param malformation what is wrong with the record's syntax, or {@code null} if nothing is
 */
public record CsvRecord(long lineNumber, String[] values, String malformation) {

    public CsvRecord {
        Objects.requireNonNull(values, "values");
        if (lineNumber < 1) {
            throw new IllegalArgumentException("Line numbers start at 1, got " + lineNumber);
        }
    }

    /** A well-formed record. */
    public static CsvRecord of(long lineNumber, String... values) {
        return new CsvRecord(lineNumber, values, null);
    }

    /** Whether the record's CSV syntax is broken. */
    public boolean isMalformed() {
        return malformation != null;
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CsvRecord that
                && lineNumber == that.lineNumber
                && Arrays.equals(values, that.values)
                && Objects.equals(malformation, that.malformation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lineNumber, Arrays.hashCode(values), malformation);
    }

    @Override
    public String toString() {
        return "CsvRecord[line " + lineNumber + ", " + Arrays.toString(values)
                + (malformation == null ? "" : ", malformed: " + malformation) + "]";
    }
}
