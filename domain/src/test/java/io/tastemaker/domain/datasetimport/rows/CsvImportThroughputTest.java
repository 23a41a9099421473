package io.tastemaker.domain.datasetimport.rows;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.domain.schema.DatasetType;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reads and validates a generated 200,000-row interactions CSV. Asserts correctness and counts
 * only; the rate is printed, not asserted, so that a slow build machine does not fail the build.
 */
class CsvImportThroughputTest {

    private static final int ROWS = 200_000;
    private static final int BAD_EVERY = 1000;

    @Test
    void two_hundred_thousand_rows_are_read_and_validated() throws IOException {
        long seed = 42L;
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder(ROWS * 80);
        csv.append("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE,EVENT_VALUE,IMPRESSION,RECOMMENDATION_ID,DEVICE,SESSION_LENGTH\r\n");
        long expectedTimestampSum = 0;
        int expectedBad = 0;
        for (int i = 0; i < ROWS; i++) {
            long timestamp = 1_600_000_000L + random.nextInt(100_000_000);
            boolean bad = i % BAD_EVERY == BAD_EVERY - 1;
            if (bad) {
                expectedBad++;
                timestamp *= 1000;
            } else {
                expectedTimestampSum += timestamp;
            }
            csv.append("user-").append(random.nextInt(50_000)).append(',')
                    .append("item-").append(random.nextInt(20_000)).append(',')
                    .append(timestamp).append(',')
                    .append(random.nextBoolean() ? "click" : "purchase").append(',')
                    .append(random.nextInt(5)).append(".5,")
                    .append("\"item-1|item-2\",")
                    .append(',')
                    .append(random.nextBoolean() ? "\"mobile, app\"" : "desktop").append(',')
                    .append(random.nextInt(3600)).append("\r\n");
        }

        long started = System.nanoTime();
        int valid = 0;
        int rejected = 0;
        long timestampSum = 0;
        try (CsvRecordReader reader = new CsvRecordReader(new StringReader(csv.toString()))) {
            RowValidator validator = new RowValidator(
                    HeaderMapping.of(reader.read(), TestSchemas.INTERACTIONS, DatasetType.INTERACTIONS));
            for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
                RowResult result = validator.validate(record);
                if (result instanceof ValidatedRow row) {
                    valid++;
                    timestampSum += row.timestamp();
                } else {
                    rejected++;
                    assertThat(((RowRejection) result).reason()).contains("looks like milliseconds");
                    assertThat(result.lineNumber()).isEqualTo(reader.position());
                }
            }
            assertThat(reader.position()).isEqualTo(ROWS + 1L);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(Locale.ROOT, "CsvImportThroughputTest seed %d: %d rows (%.1f MB) in %.3f s, %.0f rows/s%n",
                seed, ROWS, csv.length() / 1e6, seconds, ROWS / seconds);
        assertThat(valid).isEqualTo(ROWS - expectedBad);
        assertThat(rejected).isEqualTo(expectedBad);
        assertThat(timestampSum).isEqualTo(expectedTimestampSum);
    }
}
