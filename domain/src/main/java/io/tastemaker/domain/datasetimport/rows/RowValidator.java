package io.tastemaker.domain.datasetimport.rows;

import io.tastemaker.domain.common.Texts;
import io.tastemaker.domain.schema.FieldSpec;
import io.tastemaker.domain.schema.ReservedField;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns the records of a CSV import into typed rows, or into rejections that name the line, the
 * field and the rule. It never throws for bad data: what to do with a rejection (count it, keep
 * it for the report, fail the job past a threshold) is the job's decision.
 *
 * <p>The rules, per value (Personalize's {@code DG/limits}, {@code DG/data-prep-formatting}):
 * <ul>
 *   <li>the row has as many values as the header has columns, and is valid CSV;</li>
 *   <li>an empty value is {@code null}, allowed only for a nullable field; an ID made of spaces
 *       is empty;</li>
 *   <li>{@code USER_ID}, {@code ITEM_ID} and {@code EVENT_TYPE}: at most 256 characters;</li>
 *   <li>other strings: at most 1000 characters; for a categorical field, each of its
 *       {@code |}-separated values; for {@code IMPRESSION}, the whole value, and each item ID in
 *       it at most 256;</li>
 *   <li>textual strings are cut to 20,000 characters, not rejected, as Personalize does;</li>
 *   <li>{@code int} and {@code long}: a whole number in the type's range; {@code float} and
 *       {@code double}: a finite decimal number in the type's range ({@code EVENT_VALUE} among
 *       them); {@code boolean}: {@code true} or {@code false}, in any case. Spaces around numbers
 *       and booleans are ignored;</li>
 *   <li>{@code TIMESTAMP} (Interactions) and {@code CREATION_TIMESTAMP} (Items): a whole,
 *       non-negative number of Unix epoch seconds below 10^11; a larger value is most likely in
 *       milliseconds and is rejected with a message that says so.</li>
 * </ul>
 * Lengths count Unicode code points. A row is rejected for its first problem, left to right.
 *
 * <p>Immutable and thread-safe: partitions of one import may share it.
 */
public final class RowValidator {

    /** The longest {@code USER_ID}, {@code ITEM_ID} or {@code EVENT_TYPE}, in characters. */
    public static final int MAX_ID_LENGTH = 256;
    /** The longest non-categorical, non-textual string value, and the longest {@code IMPRESSION}. */
    public static final int MAX_STRING_LENGTH = 1000;
    /** The longest single categorical value, between {@code |} separators. */
    public static final int MAX_CATEGORICAL_VALUE_LENGTH = 1000;
    /** Textual values are cut to this many characters. */
    public static final int MAX_TEXTUAL_LENGTH = 20_000;
    /** Epoch-second values from here up are taken for milliseconds: 10^11 s is in the year 5138. */
    public static final long MILLISECONDS_THRESHOLD = 100_000_000_000L;

    private enum Kind { ID, STRING, CATEGORICAL, TEXTUAL, IMPRESSION, INT, LONG, EPOCH_SECONDS, FLOAT, DOUBLE, BOOLEAN }

    /** A value that broke a rule, returned in place of the value so that no exception is needed. */
    private record Problem(String reason) {
    }

    private final FieldLayout layout;
    private final int columnCount;
    private final int[] fieldIndex;
    private final FieldSpec[] specs;
    private final Kind[] kinds;

    public RowValidator(HeaderMapping mapping) {
        Objects.requireNonNull(mapping, "mapping");
        this.layout = mapping.layout();
        this.columnCount = mapping.columnCount();
        this.fieldIndex = new int[columnCount];
        this.specs = new FieldSpec[columnCount];
        this.kinds = new Kind[columnCount];
        for (int column = 0; column < columnCount; column++) {
            int field = mapping.fieldIndexOfColumn(column);
            fieldIndex[column] = field;
            specs[column] = layout.fields[field];
            kinds[column] = kindOf(specs[column], layout.reservedAt(field));
        }
    }

    /** Validates a record from {@link CsvRecordReader}; a malformed record is rejected. */
    public RowResult validate(CsvRecord record) {
        Objects.requireNonNull(record, "record");
        if (record.isMalformed()) {
            return new RowRejection(record.lineNumber(), "The row is not valid CSV: " + record.malformation() + ".");
        }
        return validate(record.lineNumber(), record.values());
    }

    /** Validates the values of the row that starts on {@code lineNumber}. */
    public RowResult validate(long lineNumber, String[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length != columnCount) {
            return new RowRejection(lineNumber, String.format(Locale.ROOT,
                    "The row has %d values, but the header has %d columns.", values.length, columnCount));
        }
        Object[] typed = new Object[layout.fields.length];
        for (int column = 0; column < columnCount; column++) {
            Kind kind = kinds[column];
            FieldSpec spec = specs[column];
            String raw = values[column];
            String text = raw == null ? "" : isText(kind) ? raw : raw.strip();
            if (text.isEmpty() || (kind == Kind.ID && text.isBlank())) {
                if (!spec.nullable()) {
                    return new RowRejection(lineNumber, "Field " + spec.name() + " is empty, but the schema requires a value.");
                }
                continue;
            }
            Object value = convert(kind, spec.name(), text);
            if (value instanceof Problem problem) {
                return new RowRejection(lineNumber, problem.reason());
            }
            typed[fieldIndex[column]] = value;
        }
        return new ValidatedRow(layout, lineNumber, typed);
    }

    private static Kind kindOf(FieldSpec spec, ReservedField reserved) {
        switch (spec.type()) {
            case STRING:
                if (reserved == ReservedField.USER_ID || reserved == ReservedField.ITEM_ID
                        || reserved == ReservedField.EVENT_TYPE) {
                    return Kind.ID;
                }
                if (reserved == ReservedField.IMPRESSION) {
                    return Kind.IMPRESSION;
                }
                if (spec.categorical()) {
                    return Kind.CATEGORICAL;
                }
                return spec.textual() ? Kind.TEXTUAL : Kind.STRING;
            case INT:
                return Kind.INT;
            case LONG:
                return reserved == ReservedField.TIMESTAMP || reserved == ReservedField.CREATION_TIMESTAMP
                        ? Kind.EPOCH_SECONDS : Kind.LONG;
            case FLOAT:
                return Kind.FLOAT;
            case DOUBLE:
                return Kind.DOUBLE;
            case BOOLEAN:
                return Kind.BOOLEAN;
            default:
                throw new IllegalStateException("Unknown field type " + spec.type());
        }
    }

    private static boolean isText(Kind kind) {
        return kind == Kind.ID || kind == Kind.STRING || kind == Kind.CATEGORICAL || kind == Kind.TEXTUAL
                || kind == Kind.IMPRESSION;
    }

    private static Object convert(Kind kind, String field, String text) {
        return switch (kind) {
            case ID -> maxLength(field, text, MAX_ID_LENGTH);
            case STRING -> maxLength(field, text, MAX_STRING_LENGTH);
            case CATEGORICAL -> categorical(field, text);
            case TEXTUAL -> truncate(text, MAX_TEXTUAL_LENGTH);
            case IMPRESSION -> impression(field, text);
            case INT -> wholeNumber(field, text, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
            case LONG -> wholeNumber(field, text, Long.MIN_VALUE, Long.MAX_VALUE, "a long");
            case EPOCH_SECONDS -> epochSeconds(field, text);
            case FLOAT -> floatNumber(field, text);
            case DOUBLE -> doubleNumber(field, text);
            case BOOLEAN -> bool(field, text);
        };
    }

    private static Object maxLength(String field, String text, int max) {
        int length = length(text, max);
        if (length > max) {
            return new Problem(String.format(Locale.ROOT,
                    "Field %s is %d characters long; the maximum is %d.", field, length, max));
        }
        return text;
    }

    private static Object categorical(String field, String text) {
        if (text.length() <= MAX_CATEGORICAL_VALUE_LENGTH) {
            return text;
        }
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '|') {
                int length = text.codePointCount(start, i);
                if (length > MAX_CATEGORICAL_VALUE_LENGTH) {
                    return new Problem(String.format(Locale.ROOT,
                            "Field %s has a categorical value of %d characters; the maximum is %d.",
                            field, length, MAX_CATEGORICAL_VALUE_LENGTH));
                }
                start = i + 1;
            }
        }
        return text;
    }

    private static Object impression(String field, String text) {
        Object checked = maxLength(field, text, MAX_STRING_LENGTH);
        if (checked instanceof Problem) {
            return checked;
        }
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '|') {
                int length = text.codePointCount(start, i);
                if (length > MAX_ID_LENGTH) {
                    return new Problem(String.format(Locale.ROOT,
                            "Field %s holds an item ID of %d characters; the maximum is %d.", field, length, MAX_ID_LENGTH));
                }
                start = i + 1;
            }
        }
        return text;
    }

    private static String truncate(String text, int max) {
        if (text.length() <= max || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }

    private static Object wholeNumber(String field, String text, long min, long max, String typeName) {
        if (!isWholeNumber(text)) {
            return new Problem("Field " + field + " must be a whole number, found " + quote(text) + ".");
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return max == Integer.MAX_VALUE ? (Object) (int) value : (Object) value;
            }
        } catch (NumberFormatException e) {
            // all digits, so the number is out of the range of a long: reported below
        }
        return new Problem(String.format(Locale.ROOT, "Field %s is out of the range of %s (%d to %d), found %s.",
                field, typeName, min, max, quote(text)));
    }

    private static Object epochSeconds(String field, String text) {
        if (!isWholeNumber(text)) {
            return new Problem("Field " + field + " must be a whole number of Unix epoch seconds, found "
                    + quote(text) + ".");
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = text.charAt(0) == '-' ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (value < 0) {
            return new Problem("Field " + field + " must be Unix epoch seconds, which are not negative, found "
                    + quote(text) + ".");
        }
        if (value >= MILLISECONDS_THRESHOLD) {
            return new Problem("Field " + field + " must be in Unix epoch seconds, found " + quote(text)
                    + ", which looks like milliseconds (values of 10^11 or more are rejected).");
        }
        return value;
    }

    private static Object floatNumber(String field, String text) {
        if (!isDecimal(text)) {
            return notANumber(field, text);
        }
        float value = Float.parseFloat(text);
        if (Float.isInfinite(value)) {
            return new Problem("Field " + field + " is out of the range of a float, found " + quote(text) + ".");
        }
        return value;
    }

    private static Object doubleNumber(String field, String text) {
        if (!isDecimal(text)) {
            return notANumber(field, text);
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            return new Problem("Field " + field + " is out of the range of a double, found " + quote(text) + ".");
        }
        return value;
    }

    private static Problem notANumber(String field, String text) {
        return new Problem("Field " + field + " must be a number, found " + quote(text) + ".");
    }

    private static Object bool(String field, String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        return new Problem("Field " + field + " must be true or false, found " + quote(text) + ".");
    }

    /** An optional sign and at least one ASCII digit, nothing else. */
    static boolean isWholeNumber(String text) {
        int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        if (i == text.length()) {
            return false;
        }
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A plain decimal number: optional sign, digits with an optional point (at least one digit
     * on either side), optional exponent. Rejects what {@link Double#parseDouble} would also take:
     * {@code NaN}, {@code Infinity}, hexadecimal, and the {@code f}/{@code d} suffixes.
     */
    static boolean isDecimal(String text) {
        int n = text.length();
        int i = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The length in code points, computed only when the char count exceeds {@code max}. */
    private static int length(String text, int max) {
        return text.length() <= max ? text.length() : text.codePointCount(0, text.length());
    }

    private static String quote(String text) {
        return "'" + Texts.abbreviate(text) + "'";
    }
}
