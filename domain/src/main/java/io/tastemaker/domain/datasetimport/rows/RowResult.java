package io.tastemaker.domain.datasetimport.rows;

/**
 * What {@link RowValidator} made of one CSV row: a {@link ValidatedRow} to import, or a
 * {@link RowRejection} to count and report.
 */
public sealed interface RowResult permits ValidatedRow, RowRejection {

    /** The 1-based physical line on which the row starts. */
    long lineNumber();

    /** Whether the row is valid. */
    boolean isValid();
}
