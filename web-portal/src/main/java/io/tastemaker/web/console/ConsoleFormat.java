package io.tastemaker.web.console;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How the console writes values: times in UTC, counts with thousands separators, scores and
 * metrics with a fixed number of decimals, all in {@link Locale#ROOT} so that a page reads the
 * same whatever the server's locale.
 */
public final class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private ConsoleFormat() {
    }

    /** {@code 2026-11-28 14:03:07 UTC}; empty for no time. */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** {@code 3,000}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A recommendation score, six decimals: scores of one list often differ only far behind the point. */
    public static String score(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    /** An offline metric, four decimals, as the Personalize console shows them. */
    public static String metric(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Seconds with one decimal; empty when unknown. */
    public static String seconds(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f s", value);
    }

    /** The part of an ARN after its last {@code /}: a version id, a recipe name. */
    public static String lastSegment(String arn) {
        if (arn == null) {
            return "";
        }
        int slash = arn.lastIndexOf('/');
        return slash < 0 ? arn : arn.substring(slash + 1);
    }

    /** JSON indented for reading; the text as it is when it is not JSON. */
    public static String prettyJson(String json) {
        if (json == null) {
            return "";
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonStructure structure = reader.read();
            StringWriter out = new StringWriter();
            try (JsonWriter writer = PRETTY.createWriter(out)) {
                writer.write(structure);
            }
            return out.toString().strip();
        } catch (JsonException e) {
            return json;
        }
    }
}
