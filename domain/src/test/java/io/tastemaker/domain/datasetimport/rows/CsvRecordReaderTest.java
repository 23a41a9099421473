package io.tastemaker.domain.datasetimport.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    private static List<CsvRecord> readAll(Reader reader) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader csv = new CsvRecordReader(reader)) {
            for (CsvRecord record = csv.read(); record != null; record = csv.read()) {
                records.add(record);
            }
        }
        return records;
    }

    private static List<CsvRecord> readAll(String text) throws IOException {
        return readAll(new StringReader(text));
    }

    @Test
    void reads_plain_records_with_lf() throws IOException {
        assertThat(readAll("USER_ID,ITEM_ID\nu1,i1\nu2,i2\n")).containsExactly(
                CsvRecord.of(1, "USER_ID", "ITEM_ID"),
                CsvRecord.of(2, "u1", "i1"),
                CsvRecord.of(3, "u2", "i2"));
    }

    @Test
    void reads_crlf_and_lone_cr_line_breaks() throws IOException {
        assertThat(readAll("a,b\r\nc,d\re,f\r\n")).containsExactly(
                CsvRecord.of(1, "a", "b"),
                CsvRecord.of(2, "c", "d"),
                CsvRecord.of(3, "e", "f"));
    }

    @Test
    void the_last_record_needs_no_line_break() throws IOException {
        assertThat(readAll("a,b\nc,d")).containsExactly(CsvRecord.of(1, "a", "b"), CsvRecord.of(2, "c", "d"));
    }

    @Test
    void quoted_values_hold_commas_quotes_and_line_breaks() throws IOException {
        String csv = "ITEM_ID,TITLE,DESCRIPTION\r\n"
                + "i1,\"Crime, and Punishment\",\"He said \"\"no\"\".\"\r\n"
                + "i2,\"two\r\nlines\",\"three\nmore\nlines\"\r\n"
                + "i3,plain,\"\"\r\n";

        assertThat(readAll(csv)).containsExactly(
                CsvRecord.of(1, "ITEM_ID", "TITLE", "DESCRIPTION"),
                CsvRecord.of(2, "i1", "Crime, and Punishment", "He said \"no\"."),
                CsvRecord.of(3, "i2", "two\r\nlines", "three\nmore\nlines"),
                CsvRecord.of(7, "i3", "plain", ""));
    }

    @Test
    void a_utf8_byte_order_mark_is_skipped() throws IOException {
        assertThat(readAll("\uFEFFUSER_ID,ITEM_ID\nu1,i1\n"))
                .first().isEqualTo(CsvRecord.of(1, "USER_ID", "ITEM_ID"));
        assertThat(readAll("\uFEFF\"USER_ID\"\n")).containsExactly(CsvRecord.of(1, "USER_ID"));
    }

    @Test
    void bom_skipping_works_on_bytes_too() throws IOException {
        byte[] bytes = "\uFEFFUSER_ID,GENRES\nu1,Comédie|Drame\n".getBytes(StandardCharsets.UTF_8);
        try (CsvRecordReader csv = CsvRecordReader.ofUtf8(new ByteArrayInputStream(bytes))) {
            assertThat(csv.read()).isEqualTo(CsvRecord.of(1, "USER_ID", "GENRES"));
            assertThat(csv.read()).isEqualTo(CsvRecord.of(2, "u1", "Comédie|Drame"));
            assertThat(csv.read()).isNull();
        }
    }

    @Test
    void empty_values_and_trailing_commas_are_empty_strings() throws IOException {
        assertThat(readAll("a,,c,\n,\n")).containsExactly(
                CsvRecord.of(1, "a", "", "c", ""),
                CsvRecord.of(2, "", ""));
    }

    @Test
    void empty_lines_are_skipped_but_counted() throws IOException {
        assertThat(readAll("\na,b\n\r\n\nc,d\n\n")).containsExactly(
                CsvRecord.of(2, "a", "b"),
                CsvRecord.of(5, "c", "d"));
    }

    @Test
    void a_quote_inside_an_unquoted_value_is_a_character() throws IOException {
        assertThat(readAll("i1,5\" screen\n")).containsExactly(CsvRecord.of(1, "i1", "5\" screen"));
    }

    @Test
    void text_after_a_closing_quote_makes_the_record_malformed_and_reading_goes_on() throws IOException {
        List<CsvRecord> records = readAll("a,\"b\"c,d\ne,f\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(0).malformation()).isEqualTo("unexpected character 'c' after the closing quote in column 2");
        assertThat(records.get(0).values()).containsExactly("a", "bc", "d");
        assertThat(records.get(1)).isEqualTo(CsvRecord.of(2, "e", "f"));
    }

    @Test
    void a_quote_left_open_makes_the_last_record_malformed() throws IOException {
        List<CsvRecord> records = readAll("a,b\nc,\"d\ne,f\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(1).lineNumber()).isEqualTo(2);
        assertThat(records.get(1).malformation())
                .isEqualTo("the quote opened on line 2 in column 2 is not closed before the end of the file");
    }

    @Test
    void a_record_longer_than_the_limit_is_malformed_without_values() throws IOException {
        String csv = "a,b\n" + "x".repeat(50) + ",y\nc,d\n";
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(csv), 20)) {
            for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                records.add(record);
            }
        }

        assertThat(records).hasSize(3);
        assertThat(records.get(1).malformation()).isEqualTo("the record is longer than 20 characters");
        assertThat(records.get(1).values()).isEmpty();
        assertThat(records.get(2)).isEqualTo(CsvRecord.of(3, "c", "d"));
    }

    @Test
    void position_counts_records_and_skip_to_resumes_at_the_same_record() throws IOException {
        String csv = "H1,H2\n\"r1\na\",x\n\nr2,y\nr3,z\nr4,w\n";
        List<CsvRecord> all = readAll(csv);

        try (CsvRecordReader first = new CsvRecordReader(new StringReader(csv))) {
            first.read();
            first.read();
            first.read();
            assertThat(first.position()).isEqualTo(3);
        }
        try (CsvRecordReader restarted = new CsvRecordReader(new StringReader(csv))) {
            assertThat(restarted.read()).isEqualTo(all.get(0));
            assertThat(restarted.skipTo(3)).isTrue();
            assertThat(restarted.position()).isEqualTo(3);
            assertThat(restarted.read()).isEqualTo(all.get(3));
            assertThat(restarted.read()).isEqualTo(all.get(4));
            assertThat(restarted.read()).isNull();
            assertThat(restarted.position()).isEqualTo(5);
        }
    }

    @Test
    void skip_to_reports_a_file_shorter_than_the_checkpoint() throws IOException {
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader("a\nb\n"))) {
            assertThat(reader.skipTo(5)).isFalse();
            assertThat(reader.position()).isEqualTo(2);
            assertThatThrownBy(() -> reader.skipTo(1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void invalid_utf8_fails_with_the_line() throws IOException {
        byte[] bytes = {'a', ',', 'b', '\n', 'c', ',', (byte) 0xC3, (byte) 0x28, '\n'};
        try (CsvRecordReader reader = CsvRecordReader.ofUtf8(new ByteArrayInputStream(bytes))) {
            assertThatThrownBy(reader::read)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("near line 1")
                    .hasMessageContaining("UTF-8");
        }
    }

    @Test
    void a_closed_reader_refuses_to_read() throws IOException {
        CsvRecordReader reader = new CsvRecordReader(new StringReader("a\n"));
        reader.close();

        assertThatThrownBy(reader::read).isInstanceOf(IOException.class);
    }

    @Test
    void random_csv_reads_back_the_same_through_any_chunking() throws IOException {
        long seed = 20_240_611L;
        System.out.println("CsvRecordReaderTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "ab,\"\r\n é|x";
        StringBuilder csv = new StringBuilder();
        List<CsvRecord> expected = new ArrayList<>();
        long line = 1;
        for (int r = 0; r < 2000; r++) {
            int columns = 1 + random.nextInt(5);
            String[] values = new String[columns];
            for (int c = 0; c < columns; c++) {
                StringBuilder value = new StringBuilder();
                int length = random.nextInt(8);
                for (int i = 0; i < length; i++) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                values[c] = value.toString();
            }
            expected.add(CsvRecord.of(line, values));
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    csv.append(',');
                }
                String value = values[c];
                boolean quote = value.isEmpty() && columns == 1 || value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                        || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || random.nextInt(4) == 0;
                if (quote) {
                    csv.append('"').append(value.replace("\"", "\"\"")).append('"');
                    line += lineBreaks(value);
                } else {
                    csv.append(value);
                }
            }
            csv.append(random.nextBoolean() ? "\r\n" : "\n");
            line++;
        }

        assertThat(readAll(csv.toString())).containsExactlyElementsOf(expected);
        assertThat(readAll(new ChunkedReader(csv.toString(), new SplittableRandom(seed)))).containsExactlyElementsOf(expected);
    }

    private static int lineBreaks(String value) {
        int breaks = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r'))) {
                breaks++;
            }
        }
        return breaks;
    }

    /** A reader that hands out 1 to 3 characters per read, to split CRLF, quotes and the BOM. */
    private static final class ChunkedReader extends Reader {
        private final String text;
        private final SplittableRandom random;
        private int next;

        ChunkedReader(String text, SplittableRandom random) {
            this.text = text;
            this.random = random;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (next >= text.length()) {
                return -1;
            }
            int count = Math.min(Math.min(length, 1 + random.nextInt(3)), text.length() - next);
            text.getChars(next, next + count, buffer, offset);
            next += count;
            return count;
        }

        @Override
        public void close() {
            next = text.length();
        }
    }
}
