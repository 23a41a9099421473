package io.tastemaker.systemtest.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.PrometheusText;
import io.tastemaker.systemtest.support.PrometheusText.Sample;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalizeevents.model.Event;

/**
 * {@code GET /metrics}: served without a signature to this machine, in Prometheus' text format
 * (parsed strictly), and its counters rise with the calls made: requests by outcome, errors by
 * code, the latency histogram, and the events PutEvents accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT {

    private static final String INTERACTIONS_SCHEMA = """
            {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
             "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ITEM_ID", "type": "string"},
                        {"name": "TIMESTAMP", "type": "long"}], "version": "1.0"}""";

    private TastemakerServer server;
    private Clients clients;

    @BeforeAll
    void start() {
        server = TastemakerServer.shared();
        clients = Clients.of(server);
    }

    @AfterAll
    void close() {
        clients.close();
    }

    private HttpResponse<String> get() throws IOException, InterruptedException {
        return server.httpClient().send(HttpRequest.newBuilder(server.endpoint().resolve("/metrics")).timeout(Duration.ofSeconds(30)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Sample> scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get();
        assertThat(response.statusCode()).isEqualTo(200);
        return PrometheusText.parse(response.body());
    }

    private static Map<String, String> op(String operation, String... more) {
        Map<String, String> labels = new java.util.HashMap<>(Map.of("service", "personalize", "operation", operation));
        for (int i = 0; i < more.length; i += 2) {
            labels.put(more[i], more[i + 1]);
        }
        return labels;
    }

    @Test
    void metrics_are_served_unsigned_in_prometheus_text_format() throws Exception {
        HttpResponse<String> response = get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        List<Sample> samples = PrometheusText.parse(response.body());
        assertThat(samples).extracting(Sample::name).contains("tastemaker_audit_queue_depth", "tastemaker_audit_dropped_total",
                "tastemaker_personalize_put_events_events_total");
        assertThat(PrometheusText.value(samples, "tastemaker_audit_dropped_total", Map.of())).isZero();
    }

    @Test
    void counters_rise_with_calls_and_errors() throws Exception {
        PersonalizeClient personalize = clients.personalize();
        personalize.listDatasetGroups(r -> { });
        List<Sample> before = scrape();
        for (int i = 0; i < 3; i++) {
            personalize.listDatasetGroups(r -> { });
        }
        assertThatThrownBy(() -> personalize.describeDatasetGroup(r -> r.datasetGroupArn(
                "arn:aws:personalize:us-east-1:000000000000:dataset-group/nothing-" + UUID.randomUUID())))
                .isInstanceOf(ResourceNotFoundException.class);
        List<Sample> after = scrape();

        String requests = "tastemaker_requests_total";
        assertThat(after).as("samples").anySatisfy(x -> assertThat(x.labels()).isEqualTo(op("ListDatasetGroups", "outcome",
                "success")));
        assertThat(PrometheusText.value(after, requests, op("ListDatasetGroups", "outcome", "success"))
                - PrometheusText.value(before, requests, op("ListDatasetGroups", "outcome", "success"))).isEqualTo(3);
        assertThat(PrometheusText.value(after, requests, op("DescribeDatasetGroup", "outcome", "failure"))
                - PrometheusText.value(before, requests, op("DescribeDatasetGroup", "outcome", "failure"))).isEqualTo(1);
        String errors = "tastemaker_request_errors_total";
        Map<String, String> notFound = op("DescribeDatasetGroup", "error_code", "ResourceNotFoundException");
        assertThat(PrometheusText.value(after, errors, notFound) - PrometheusText.value(before, errors, notFound)).isEqualTo(1);
        String count = "tastemaker_request_duration_seconds_count";
        assertThat(PrometheusText.value(after, count, op("ListDatasetGroups"))
                - PrometheusText.value(before, count, op("ListDatasetGroups"))).isEqualTo(3);
        assertThat(PrometheusText.value(after, "tastemaker_request_duration_seconds_bucket", op("ListDatasetGroups", "le", "+Inf")))
                .isEqualTo(PrometheusText.value(after, count, op("ListDatasetGroups")));
        assertThat(PrometheusText.value(after, "tastemaker_audit_written_total", Map.of()))
                .isGreaterThan(PrometheusText.value(before, "tastemaker_audit_written_total", Map.of()));
    }

    @Test
    void events_accepted_by_put_events_are_counted() throws Exception {
        PersonalizeClient personalize = clients.personalize();
        String name = "metrics-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        String group = personalize.createDatasetGroup(r -> r.name(name)).datasetGroupArn();
        clients.awaitDatasetGroup(group);
        String schema = personalize.createSchema(r -> r.name(name).schema(INTERACTIONS_SCHEMA)).schemaArn();
        String dataset = personalize.createDataset(r -> r.name(name).schemaArn(schema).datasetGroupArn(group)
                .datasetType("Interactions")).datasetArn();
        clients.awaitDataset(dataset);
        String tracker = personalize.createEventTracker(r -> r.name(name).datasetGroupArn(group)).eventTrackerArn();
        String trackingId = clients.awaitEventTracker(tracker).trackingId();

        List<Sample> before = scrape();
        clients.events().putEvents(r -> r.trackingId(trackingId).userId("u1").sessionId("s1").eventList(
                Event.builder().eventType("click").itemId("i1").sentAt(Instant.now()).build(),
                Event.builder().eventType("click").itemId("i2").sentAt(Instant.now()).build(),
                Event.builder().eventType("click").itemId("i3").sentAt(Instant.now()).build()));
        List<Sample> after = scrape();

        String events = "tastemaker_personalize_put_events_events_total";
        assertThat(PrometheusText.value(after, events, Map.of()) - PrometheusText.value(before, events, Map.of())).isEqualTo(3);
        assertThat(PrometheusText.value(after, "tastemaker_requests_total", op("PutEvents", "outcome", "success"))
                - PrometheusText.value(before, "tastemaker_requests_total", op("PutEvents", "outcome", "success"))).isEqualTo(1);
    }
}
