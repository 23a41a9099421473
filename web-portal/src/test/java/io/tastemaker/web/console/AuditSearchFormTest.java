package io.tastemaker.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.security.audit.AuditQuery;
import io.tastemaker.security.audit.AuditQueryException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit page's search form: times in UTC, export links that carry the search, CSV that spreadsheets cannot run. */
class AuditSearchFormTest {

    @Test
    void times_are_read_in_utc_at_three_precisions() {
        assertThat(AuditSearchForm.time("from", "2026-11-28")).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(AuditSearchForm.time("from", "2026-11-28 14:03")).isEqualTo(Instant.parse("2026-11-28T14:03:00Z"));
        assertThat(AuditSearchForm.time("from", "2026-11-28T14:03:07")).isEqualTo(Instant.parse("2026-11-28T14:03:07Z"));
        assertThat(AuditSearchForm.time("from", "2026-11-28T14:03:07.5Z")).isEqualTo(Instant.parse("2026-11-28T14:03:07.5Z"));
        assertThat(AuditSearchForm.time("from", " ")).isNull();
        assertThatThrownBy(() -> AuditSearchForm.time("to", "yesterday")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'yesterday' is not a time for to");
    }

    @Test
    void a_search_becomes_a_query_and_an_export_link() {
        Map<String, String> values = new HashMap<>();
        values.put("from", "2026-11-28");
        values.put("action", "personalize:Create");
        values.put("resource", "campaign/a&b c");
        values.put("outcome", "Failure");
        values.put("principal", " ");
        AuditQuery query = AuditSearchForm.query(values);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(query.actionPrefix()).isEqualTo("personalize:Create");
        assertThat(query.principal()).isNull();
        String link = AuditSearchForm.queryString(values);
        assertThat(link).isEqualTo("from=2026-11-28&action=personalize%3ACreate&resource=campaign%2Fa%26b+c&outcome=Failure");
        Map<String, String> back = AuditSearchForm.fromParameters(name -> {
            for (String pair : link.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals(name)) {
                    return java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            return null;
        });
        assertThat(AuditSearchForm.query(back)).isEqualTo(query);
    }

    @Test
    void a_reversed_range_or_an_unknown_outcome_is_refused() {
        Map<String, String> values = new HashMap<>(Map.of("from", "2026-11-29", "to", "2026-11-28"));
        assertThatThrownBy(() -> AuditSearchForm.query(values)).isInstanceOf(AuditQueryException.class)
                .hasMessageContaining("before its end");
        assertThatThrownBy(() -> AuditSearchForm.query(Map.of("outcome", "Maybe"))).isInstanceOf(AuditQueryException.class);
    }

    @Test
    void csv_fields_are_quoted_and_formulas_defused() {
        assertThat(AuditExportServlet.csvField("plain")).isEqualTo("plain");
        assertThat(AuditExportServlet.csvField(null)).isEmpty();
        assertThat(AuditExportServlet.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExportServlet.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditExportServlet.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditExportServlet.csvField("-1")).isEqualTo("\"'-1\"");
    }
}
