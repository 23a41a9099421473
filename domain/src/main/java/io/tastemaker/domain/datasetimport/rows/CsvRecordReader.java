package io.tastemaker.domain.datasetimport.rows;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Streams the records of an RFC 4180 CSV text: fields separated by commas, records by CRLF, LF
 * or a lone CR; a field in double quotes may hold commas, line breaks and doubled quotes
 * ({@code ""} for one {@code "}). A UTF-8 byte order mark at the start is skipped.
 *
 * <p>Where the RFC leaves room, the reader chooses:
 * <ul>
 *   <li>empty lines (outside quotes) are not records and are skipped; a line holding only
 *       {@code ""} is a record with one empty value;</li>
 *   <li>a quote inside an unquoted field is kept as a character ({@code 5" screen});</li>
 *   <li>text after a closing quote ({@code "a"b}), a quote still open at the end of the file and
 *       a record longer than {@code maxRecordLength} characters make a
 *       {@linkplain CsvRecord#isMalformed() malformed} record, returned like the others: the
 *       reader never throws for bad data, only for I/O errors.</li>
 * </ul>
 *
 * <p>Memory is constant: one 64 KiB buffer and the current record, capped by
 * {@code maxRecordLength}. Each character is looked at once, in a plain loop.
 *
 * <p>Checkpoint and restart: {@link #position()} counts the records returned or skipped so far
 * (the header included, blank lines not). A job that checkpointed position {@code n} reopens the
 * same file, reads the header again and calls {@link #skipTo(long) skipTo(n)}; skipping parses
 * but builds no strings.
 *
 * <p>Not thread-safe; one reader per file.
 */
public final class CsvRecordReader implements Closeable {

    /** The longest record kept, in characters (values plus separators): 4 MiB characters. */
    public static final int DEFAULT_MAX_RECORD_LENGTH = 4 * 1024 * 1024;

    private static final int BUFFER_SIZE = 64 * 1024;
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String[] NO_VALUES = new String[0];

    private final Reader in;
    private final int maxRecordLength;
    private final char[] buffer = new char[BUFFER_SIZE];
    private int pos;
    private int limit;
    private boolean endOfInput;
    private boolean started;
    private boolean closed;
    /** The last character of the previous buffer, to see a CRLF split across two reads. */
    private char lastCharOfPreviousBuffer;

    private long line = 1;
    private long position;

    private final StringBuilder value = new StringBuilder(64);
    private String[] values = new String[16];
    private int valueCount;
    private int recordLength;
    private boolean tooLong;
    private String malformation;
    private boolean discarding;

    /** A reader with the {@linkplain #DEFAULT_MAX_RECORD_LENGTH default record limit}. */
    public CsvRecordReader(Reader in) {
        this(in, DEFAULT_MAX_RECORD_LENGTH);
    }

    /**
     * @param in the CSV text; closed by {@link #close()}
     * @param maxRecordLength the longest record kept, in characters; a longer one is returned
     *     malformed and without values
     */
    public CsvRecordReader(Reader in, int maxRecordLength) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxRecordLength < 1) {
            throw new IllegalArgumentException("maxRecordLength must be at least 1, got " + maxRecordLength);
        }
        this.maxRecordLength = maxRecordLength;
    }

    /**
     * A reader over UTF-8 bytes that refuses invalid UTF-8: {@link #read()} then throws an
     * {@link IOException} naming the line, rather than importing replacement characters into
     * IDs.
     */
    public static CsvRecordReader ofUtf8(InputStream in) {
        Objects.requireNonNull(in, "in");
        return new CsvRecordReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
    }

    /**
     * The next record, or {@code null} at the end of the input.
     *
     * @throws IOException if reading or decoding fails
     */
    public CsvRecord read() throws IOException {
        ensureOpen();
        long startLine = parseRecord();
        if (startLine < 0) {
            return null;
        }
        String[] recordValues = tooLong ? NO_VALUES : Arrays.copyOf(values, valueCount);
        Arrays.fill(values, 0, valueCount, null);
        return new CsvRecord(startLine, recordValues, malformation);
    }

    /**
     * Skips records until {@link #position()} is {@code target}, without building their values.
     *
     * @return whether the target was reached; {@code false} if the input has fewer records
     * @throws IllegalArgumentException if the reader is already past {@code target}
     * @throws IOException if reading or decoding fails
     */
    public boolean skipTo(long target) throws IOException {
        ensureOpen();
        if (target < position) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Cannot skip back to record %d: the reader is at record %d", target, position));
        }
        discarding = true;
        try {
            while (position < target) {
                if (parseRecord() < 0) {
                    return false;
                }
            }
            return true;
        } finally {
            discarding = false;
        }
    }

    /** The number of records returned or skipped so far, header included. */
    public long position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("The CSV reader is closed");
        }
    }

    /** Parses one record into the value buffer; its start line, or -1 at the end of the input. */
    private long parseRecord() throws IOException {
        if (!skipEmptyLines()) {
            return -1;
        }
        long startLine = line;
        valueCount = 0;
        recordLength = 0;
        tooLong = false;
        malformation = null;
        while (readValue()) {
            // one more value follows a comma
        }
        position++;
        return startLine;
    }

    private boolean skipEmptyLines() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                return false;
            }
            char c = buffer[pos];
            if (c != '\n' && c != '\r') {
                return true;
            }
            pos++;
            endOfLine(c);
        }
    }

    /** Reads one value; whether a comma followed it (so another value comes). */
    private boolean readValue() throws IOException {
        value.setLength(0);
        if (pos >= limit && !fill()) {
            addValue();
            return false;
        }
        if (buffer[pos] == '"') {
            pos++;
            return readQuoted();
        }
        return readUnquoted();
    }

    private boolean readUnquoted() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                addValue();
                return false;
            }
            char[] buf = buffer;
            int end = limit;
            int start = pos;
            int p = start;
            while (p < end) {
                char c = buf[p];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            append(start, p);
            if (p < end) {
                char c = buf[p];
                pos = p + 1;
                addValue();
                if (c == ',') {
                    return true;
                }
                endOfLine(c);
                return false;
            }
            pos = p;
        }
    }

    private boolean readQuoted() throws IOException {
        long openedOnLine = line;
        int column = valueCount + 1;
        while (true) {
            if (pos >= limit && !fill()) {
                malformed(String.format(Locale.ROOT,
                        "the quote opened on line %d in column %d is not closed before the end of the file",
                        openedOnLine, column));
                addValue();
                return false;
            }
            char[] buf = buffer;
            int end = limit;
            int start = pos;
            int p = start;
            while (p < end) {
                char c = buf[p];
                if (c == '"') {
                    break;
                }
                if (c == '\r' || (c == '\n' && (p > 0 ? buf[p - 1] : lastCharOfPreviousBuffer) != '\r')) {
                    line++;
                }
                p++;
            }
            append(start, p);
            if (p == end) {
                pos = p;
                continue;
            }
            pos = p + 1;
            if (pos >= limit && !fill()) {
                addValue();
                return false;
            }
            char next = buffer[pos];
            if (next == '"') {
                appendQuote();
                pos++;
            } else if (next == ',') {
                pos++;
                addValue();
                return true;
            } else if (next == '\n' || next == '\r') {
                pos++;
                addValue();
                endOfLine(next);
                return false;
            } else {
                malformed(String.format(Locale.ROOT,
                        "unexpected character '%c' after the closing quote in column %d", next, column));
                return readUnquoted();
            }
        }
    }

    /** Counts the line break {@code c}, just consumed, and consumes the LF of a CRLF. */
    private void endOfLine(char c) throws IOException {
        line++;
        if (c == '\r' && (pos < limit || fill()) && buffer[pos] == '\n') {
            pos++;
        }
    }

    private void append(int start, int end) {
        int length = end - start;
        if (length == 0 || discarding) {
            return;
        }
        if (grow(length)) {
            value.append(buffer, start, length);
        }
    }

    private void appendQuote() {
        if (!discarding && grow(1)) {
            value.append('"');
        }
    }

    private void addValue() {
        if (discarding) {
            return;
        }
        if (!grow(1)) {
            return;
        }
        if (valueCount == values.length) {
            values = Arrays.copyOf(values, valueCount * 2);
        }
        values[valueCount++] = value.length() == 0 ? "" : value.toString();
    }

    /** Accounts for {@code length} more characters; whether the record still fits. */
    private boolean grow(int length) {
        if (tooLong) {
            return false;
        }
        recordLength += length;
        if (recordLength > maxRecordLength) {
            tooLong = true;
            malformed(String.format(Locale.ROOT, "the record is longer than %d characters", maxRecordLength));
            value.setLength(0);
            value.trimToSize();
            Arrays.fill(values, 0, valueCount, null);
            valueCount = 0;
            return false;
        }
        return true;
    }

    private void malformed(String reason) {
        if (malformation == null) {
            malformation = reason;
        }
    }

    /** Refills the buffer; whether at least one character is available. */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        if (limit > 0) {
            lastCharOfPreviousBuffer = buffer[limit - 1];
        }
        int read;
        try {
            do {
                read = in.read(buffer, 0, buffer.length);
            } while (read == 0);
        } catch (CharacterCodingException e) {
            throw new IOException(String.format(Locale.ROOT,
                    "The CSV cannot be decoded near line %d: it must be UTF-8", line), e);
        }
        if (read < 0) {
            endOfInput = true;
            pos = 0;
            limit = 0;
            return false;
        }
        pos = 0;
        limit = read;
        if (!started) {
            started = true;
            if (buffer[0] == BYTE_ORDER_MARK) {
                pos = 1;
                if (pos == limit) {
                    return fill();
                }
            }
        }
        return true;
    }
}
