package io.tastemaker.domain.datasetimport.rows;

import io.tastemaker.domain.common.Texts;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.FieldSpec;
import io.tastemaker.domain.schema.ParsedSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Maps the columns of a CSV header to the fields of a dataset's schema, by name, ignoring case
 * and the spaces around a column name. Columns may come in any order.
 *
 * <p>A header that can't be mapped fails the whole import: every problem is reported at once, in
 * one {@link InvalidInputException}:
 * <ul>
 *   <li>a column that names no field of the schema;</li>
 *   <li>two columns naming the same field;</li>
 *   <li>an empty column name;</li>
 *   <li>a non-nullable field of the schema (the dataset type's required fields among them)
 *       without a column. A nullable field may be left out; its value is then {@code null} in
 *       every row.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class HeaderMapping {

    private final FieldLayout layout;
    private final List<String> columns;
    private final int[] fieldOfColumn;
    private final int[] columnOfField;

    private HeaderMapping(FieldLayout layout, List<String> columns, int[] fieldOfColumn, int[] columnOfField) {
        this.layout = layout;
        this.columns = columns;
        this.fieldOfColumn = fieldOfColumn;
        this.columnOfField = columnOfField;
    }

    /**
     * Maps a header record.
     *
     * @throws InvalidInputException if the header record is malformed or can't be mapped
     */
    public static HeaderMapping of(CsvRecord header, ParsedSchema schema, DatasetType type) {
        Objects.requireNonNull(header, "header");
        if (header.isMalformed()) {
            throw new InvalidInputException("The CSV header on line " + header.lineNumber() + " is malformed: "
                    + header.malformation() + ".");
        }
        return of(header.values(), schema, type);
    }

    /**
     * Maps the column names of a header.
     *
     * @throws InvalidInputException if the header can't be mapped; the message names each column
     *     or field at fault
     */
    public static HeaderMapping of(String[] header, ParsedSchema schema, DatasetType type) {
        Objects.requireNonNull(header, "header");
        FieldLayout layout = new FieldLayout(schema, type);
        if (header.length == 0 || (header.length == 1 && header[0].isBlank())) {
            throw new InvalidInputException("The CSV header is empty: its first line must name the columns of the schema "
                    + schema.name() + ".");
        }
        List<String> problems = new ArrayList<>();
        List<String> columns = new ArrayList<>(header.length);
        int[] fieldOfColumn = new int[header.length];
        int[] columnOfField = new int[layout.fields.length];
        Arrays.fill(columnOfField, -1);
        for (int column = 0; column < header.length; column++) {
            String name = header[column] == null ? "" : header[column].strip();
            columns.add(name);
            fieldOfColumn[column] = -1;
            if (name.isEmpty()) {
                problems.add("The CSV header has an empty column name in column " + (column + 1) + ".");
                continue;
            }
            int field = layout.indexOf(name);
            if (field < 0) {
                problems.add("The CSV header column " + Texts.abbreviate(name) + " (column " + (column + 1)
                        + ") is not a field of the schema " + schema.name() + ".");
            } else if (columnOfField[field] >= 0) {
                problems.add(String.format(Locale.ROOT,
                        "The CSV header names the field %s more than once (columns %d and %d).",
                        layout.fields[field].name(), columnOfField[field] + 1, column + 1));
            } else {
                columnOfField[field] = column;
                fieldOfColumn[column] = field;
            }
        }
        for (int field = 0; field < layout.fields.length; field++) {
            FieldSpec spec = layout.fields[field];
            if (columnOfField[field] < 0 && !spec.nullable()) {
                problems.add("The CSV header is missing column " + spec.name() + " required by the schema.");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(String.join(" ", problems));
        }
        return new HeaderMapping(layout, List.copyOf(columns), fieldOfColumn, columnOfField);
    }

    /** The schema the header was mapped to. */
    public ParsedSchema schema() {
        return layout.schema;
    }

    /** The dataset type whose reserved fields the rows are read with. */
    public DatasetType datasetType() {
        return layout.type;
    }

    /** The column names as the header gives them, stripped of surrounding spaces. */
    public List<String> columns() {
        return columns;
    }

    /** The number of columns, which every row must have. */
    public int columnCount() {
        return fieldOfColumn.length;
    }

    /** The schema field of a 0-based column. */
    public FieldSpec fieldOfColumn(int column) {
        return layout.fields[fieldOfColumn[column]];
    }

    /** The 0-based column of a field (name in any case), or -1 if the header leaves it out. */
    public int columnOf(String fieldName) {
        int field = layout.indexOf(fieldName);
        return field < 0 ? -1 : columnOfField[field];
    }

    FieldLayout layout() {
        return layout;
    }

    /** For each column, the index of its field in the schema. */
    int fieldIndexOfColumn(int column) {
        return fieldOfColumn[column];
    }
}
