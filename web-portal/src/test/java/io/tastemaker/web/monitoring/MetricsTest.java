package io.tastemaker.web.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exposition parses as Prometheus text, and its counts and buckets say what happened. */
class MetricsTest {

    private static final Metrics.AuditFigures AUDIT = new Metrics.AuditFigures(3, 65536, 120, 0);
    private static final String CAMPAIGN = "arn:aws:personalize:us-east-1:123456789012:campaign/shoes";

    private static double value(List<PrometheusTextParser.Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + labels)).value();
    }

    @Test
    void calls_are_counted_by_outcome_error_and_latency_bucket() {
        Metrics metrics = new Metrics();
        metrics.call("personalize", "GetRecommendations", true, null, 800_000);
        metrics.call("personalize", "GetRecommendations", true, null, 3_000_000);
        metrics.call("personalize", "GetRecommendations", false, "ResourceNotFoundException", 40_000_000_000L);
        metrics.recommendations(CAMPAIGN, 800_000);
        metrics.recommendations(CAMPAIGN, 3_000_000);
        metrics.ingested("PutEvents", 10);

        List<PrometheusTextParser.Sample> s = PrometheusTextParser.parse(metrics.exposition(AUDIT));

        Map<String, String> op = Map.of("service", "personalize", "operation", "GetRecommendations");
        assertThat(value(s, "tastemaker_requests_total", Map.of("service", "personalize", "operation", "GetRecommendations",
                "outcome", "success"))).isEqualTo(2);
        assertThat(value(s, "tastemaker_requests_total", Map.of("service", "personalize", "operation", "GetRecommendations",
                "outcome", "failure"))).isEqualTo(1);
        assertThat(value(s, "tastemaker_request_errors_total", Map.of("service", "personalize", "operation",
                "GetRecommendations", "error_code", "ResourceNotFoundException"))).isEqualTo(1);
        assertThat(value(s, "tastemaker_request_duration_seconds_bucket", with(op, "le", "0.001"))).isEqualTo(1);
        assertThat(value(s, "tastemaker_request_duration_seconds_bucket", with(op, "le", "0.0025"))).isEqualTo(1);
        assertThat(value(s, "tastemaker_request_duration_seconds_bucket", with(op, "le", "0.005"))).isEqualTo(2);
        assertThat(value(s, "tastemaker_request_duration_seconds_bucket", with(op, "le", "30"))).isEqualTo(2);
        assertThat(value(s, "tastemaker_request_duration_seconds_bucket", with(op, "le", "+Inf"))).isEqualTo(3);
        assertThat(value(s, "tastemaker_request_duration_seconds_count", op)).isEqualTo(3);
        assertThat(value(s, "tastemaker_request_duration_seconds_sum", op)).isEqualTo(40.0038);
        assertThat(value(s, "tastemaker_personalize_get_recommendations_total", Map.of("campaign_arn", CAMPAIGN)))
                .isEqualTo(2);
        assertThat(value(s, "tastemaker_personalize_get_recommendations_latency_seconds_sum",
                Map.of("campaign_arn", CAMPAIGN))).isEqualTo(0.0038);
        assertThat(value(s, "tastemaker_personalize_put_events_events_total", Map.of())).isEqualTo(10);
        assertThat(value(s, "tastemaker_audit_queue_depth", Map.of())).isEqualTo(3);
        assertThat(value(s, "tastemaker_audit_written_total", Map.of())).isEqualTo(120);
    }

    @Test
    void buckets_are_cumulative_and_end_with_the_count() {
        Metrics metrics = new Metrics();
        long[] nanos = {1, 1_000_000, 1_000_001, 7_000_000, 99_000_000, 2_000_000_000L, 31_000_000_000L};
        for (long n : nanos) {
            metrics.call("kms", "Encrypt", true, null, n);
        }
        List<Double> buckets = PrometheusTextParser.parse(metrics.exposition(AUDIT)).stream()
                .filter(x -> x.name().equals("tastemaker_request_duration_seconds_bucket")).map(x -> x.value()).toList();
        assertThat(buckets).hasSize(Metrics.BOUNDS.length + 1).isSorted();
        assertThat(buckets.get(0)).isEqualTo(2);
        assertThat(buckets.get(buckets.size() - 1)).isEqualTo(nanos.length);
    }

    @Test
    void label_values_are_escaped() {
        Metrics metrics = new Metrics();
        metrics.call("personalize", "we\"ird\\op\nx", false, "Bad\"Code", 5);
        String text = metrics.exposition(AUDIT);
        assertThat(text).contains("operation=\"we\\\"ird\\\\op\\nx\"");
        List<PrometheusTextParser.Sample> s = PrometheusTextParser.parse(text);
        assertThat(s).anySatisfy(x -> assertThat(x.labels().get("operation")).isEqualTo("we\"ird\\op\nx"));
    }

    @Test
    void made_up_operations_cannot_grow_the_series_without_bound() {
        Metrics metrics = new Metrics();
        for (int i = 0; i < Metrics.MAX_SERIES + 500; i++) {
            metrics.call("personalize", "Op" + i, false, "InvalidSignatureException", 1000);
        }
        List<PrometheusTextParser.Sample> s = PrometheusTextParser.parse(metrics.exposition(AUDIT));
        long series = s.stream().filter(x -> x.name().equals("tastemaker_requests_total")).count();
        assertThat(series).isEqualTo(2L * (Metrics.MAX_SERIES + 1));
        assertThat(value(s, "tastemaker_requests_total", Map.of("service", "personalize", "operation", Metrics.OTHER,
                "outcome", "failure"))).isEqualTo(500);
    }

    @Test
    void the_reader_refuses_what_prometheus_would() {
        assertThatThrownBy(() -> PrometheusTextParser.parse("x 1\n")).hasMessageContaining("before its TYPE");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE x counter\nx{a=\"b} 1\n")).hasMessageContaining("Bad");
        assertThatThrownBy(() -> PrometheusTextParser.parse("# TYPE x counter\nx 1")).hasMessageContaining("new line");
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> out = new java.util.HashMap<>(labels);
        out.put(name, value);
        return out;
    }
}
