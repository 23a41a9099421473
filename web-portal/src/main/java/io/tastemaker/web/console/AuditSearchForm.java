package io.tastemaker.web.console;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.security.audit.AuditQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The criteria of an audit search as typed (times in UTC: {@code 2026-11-28},
 * {@code 2026-11-28 14:03}, {@code 2026-11-28 14:03:07} or an ISO instant), turned into an
 * {@link AuditQuery} and into the query string of an export link, from which
 * {@link AuditExportServlet} reads them back.
 */
final class AuditSearchForm {

    static final String[] FIELDS = {"from", "to", "account", "principal", "action", "resource", "outcome", "sourceIp"};
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", java.util.Locale.ROOT);

    private AuditSearchForm() {
    }

    /** The query of the given field values (by {@link #FIELDS} name); blank fields match everything. */
    static AuditQuery query(Map<String, String> values) {
        return new AuditQuery(time("from", values.get("from")), time("to", values.get("to")), values.get("account"),
                values.get("principal"), values.get("action"), values.get("resource"), values.get("outcome"),
                values.get("sourceIp"));
    }

    /** The non-blank values as a URL query string. */
    static String queryString(Map<String, String> values) {
        StringJoiner out = new StringJoiner("&");
        for (String field : FIELDS) {
            String v = values.get(field);
            if (v != null && !v.isBlank()) {
                out.add(field + "=" + URLEncoder.encode(v.trim(), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    /** The field values of a request's parameters. */
    static Map<String, String> fromParameters(java.util.function.Function<String, String> parameter) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            values.put(field, parameter.apply(field));
        }
        return values;
    }

    static Instant time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.endsWith("Z")) {
                return Instant.parse(t);
            }
            String spaced = t.replace('T', ' ');
            return LocalDateTime.parse(spaced, spaced.length() == 16 ? MINUTES : SECONDS).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("'" + t + "' is not a time for " + field + ": write 2026-11-28, 2026-11-28 14:03 "
                    + "or 2026-11-28 14:03:07 (UTC).");
        }
    }
}
