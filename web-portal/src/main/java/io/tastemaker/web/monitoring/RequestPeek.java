package io.tastemaker.web.monitoring;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the audit trail and the metrics may take from a request body, and nothing else: IAM's
 * form {@code Action}, the ARNs among the top-level JSON members (members named {@code ...Arn}
 * whose value starts with {@code arn:}), and the number of records a PutEvents, PutItems or
 * PutUsers call carries. Values of other members are skipped unread; a body that does not parse
 * gives nothing.
 *
 * @param formAction IAM's {@code Action} form field, or null
 * @param arns       ARNs named by top-level members, at most {@value #MAX_ARNS}
 * @param records    the length of a top-level {@code eventList}, {@code items} or {@code users}
 *                   array; 0 if none
 */
public record RequestPeek(String formAction, List<String> arns, int records) {

    /** Nothing learned. */
    public static final RequestPeek NONE = new RequestPeek(null, List.of(), 0);
    static final int MAX_ARNS = 10;
    static final int MAX_ARN_LENGTH = 2048;
    private static final Set<String> RECORD_LISTS = Set.of("eventList", "items", "users");
    private static final Pattern OPERATION = Pattern.compile("[A-Za-z0-9]{1,64}");
    /** One factory for all peeks: {@code Json.createParser} looks the JSON-P provider up on every call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    /** Peeks at a body of the given content type. */
    public static RequestPeek of(String contentType, byte[] body) {
        if (body == null || body.length == 0 || contentType == null) {
            return NONE;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return new RequestPeek(formAction(new String(body, StandardCharsets.UTF_8)), List.of(), 0);
        }
        if (type.contains("json")) {
            return json(body);
        }
        return NONE;
    }

    /** The {@code Action} of a Query-protocol form, if it is a plausible operation name. */
    static String formAction(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("Action=")) {
                String value = URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
                return OPERATION.matcher(value).matches() ? value : null;
            }
        }
        return null;
    }

    private static RequestPeek json(byte[] body) {
        List<String> arns = new ArrayList<>();
        int records = 0;
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return NONE;
            }
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_OBJECT) {
                    break;
                }
                if (event != JsonParser.Event.KEY_NAME) {
                    return NONE;
                }
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                if (value == JsonParser.Event.VALUE_STRING) {
                    String text = parser.getString();
                    if (key.toLowerCase(Locale.ROOT).endsWith("arn") && text.startsWith("arn:")
                            && text.length() <= MAX_ARN_LENGTH && arns.size() < MAX_ARNS) {
                        arns.add(text);
                    }
                } else if (value == JsonParser.Event.START_ARRAY && RECORD_LISTS.contains(key)) {
                    records = count(parser);
                } else if (value == JsonParser.Event.START_ARRAY) {
                    parser.skipArray();
                } else if (value == JsonParser.Event.START_OBJECT) {
                    parser.skipObject();
                }
            }
        } catch (JsonParsingException | IllegalStateException | java.util.NoSuchElementException e) {
            return NONE;
        }
        return new RequestPeek(null, List.copyOf(arns), records);
    }

    /** Counts the elements of the array the parser has just entered, and leaves it. */
    private static int count(JsonParser parser) {
        int n = 0;
        while (parser.hasNext()) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                return n;
            }
            n++;
            if (event == JsonParser.Event.START_OBJECT) {
                parser.skipObject();
            } else if (event == JsonParser.Event.START_ARRAY) {
                parser.skipArray();
            }
        }
        return n;
    }
}
