package io.tastemaker.web.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's metrics, kept in lock-free counters and written in Prometheus' text format by
 * {@link #exposition}. Names follow Personalize's CloudWatch metrics where there is one:
 *
 * <ul>
 *   <li>{@code tastemaker_requests_total{service,operation,outcome}}: API calls by outcome
 *       ({@code success}, {@code failure}).</li>
 *   <li>{@code tastemaker_request_errors_total{service,operation,error_code}}: failed calls by AWS
 *       error code.</li>
 *   <li>{@code tastemaker_request_duration_seconds{service,operation}}: a histogram of the time from
 *       the request's arrival to its answer.</li>
 *   <li>{@code tastemaker_personalize_get_recommendations_total{campaign_arn}} and
 *       {@code tastemaker_personalize_get_recommendations_latency_seconds_sum/_count}: successful
 *       GetRecommendations per campaign (CloudWatch {@code GetRecommendations},
 *       {@code GetRecommendationsLatency}; a campaign's TPS is the rate of the counter); the same
 *       for {@code get_personalized_ranking}.</li>
 *   <li>{@code tastemaker_personalize_put_events_events_total}, {@code ..._put_items_items_total},
 *       {@code ..._put_users_users_total}: records accepted by PutEvents, PutItems, PutUsers.</li>
 *   <li>{@code tastemaker_audit_queue_depth}, {@code tastemaker_audit_queue_capacity},
 *       {@code tastemaker_audit_written_total}, {@code tastemaker_audit_dropped_total}.</li>
 * </ul>
 * Only successful calls are counted per campaign, so that made-up ARNs create no series; each
 * family holds at most {@value #MAX_SERIES} label sets, further ones are counted under
 * {@code operation="other"} or {@code campaign_arn="other"}.
 */
@ApplicationScoped
public class Metrics {

    static final int MAX_SERIES = 1000;
    static final String OTHER = "other";
    /** Histogram bounds in seconds: from 1 ms (a warm GetRecommendations) to 30 s (a large import call). */
    static final double[] BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    private static final long[] BOUNDS_NANOS = Arrays.stream(BOUNDS).mapToLong(s -> Math.round(s * 1e9)).toArray();

    private final Map<Call, CallSeries> calls = new ConcurrentHashMap<>();
    private final Map<Error, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, Timed> recommendations = new ConcurrentHashMap<>();
    private final Map<String, Timed> rankings = new ConcurrentHashMap<>();
    private final LongAdder events = new LongAdder();
    private final LongAdder items = new LongAdder();
    private final LongAdder users = new LongAdder();

    /** The audit trail's figures at the time of an exposition. */
    public record AuditFigures(long queueDepth, long queueCapacity, long written, long dropped) {
    }

    private record Call(String service, String operation) {
    }

    private record Error(String service, String operation, String code) {
    }

    /** Counts of one operation and its latency histogram (buckets not cumulative; the +Inf bucket last). */
    private static final class CallSeries {
        final LongAdder success = new LongAdder();
        final LongAdder failure = new LongAdder();
        final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
        final LongAdder sumNanos = new LongAdder();

        CallSeries() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }
    }

    private static final class Timed {
        final LongAdder count = new LongAdder();
        final LongAdder sumNanos = new LongAdder();
    }

    /**
     * Counts one API call.
     *
     * @param errorCode the AWS error code of a failure; null on success
     */
    public void call(String service, String operation, boolean success, String errorCode, long nanos) {
        CallSeries series = bounded(calls, new Call(service, operation), new Call(service, OTHER), CallSeries::new);
        (success ? series.success : series.failure).increment();
        int bucket = Arrays.binarySearch(BOUNDS_NANOS, nanos);
        series.buckets[bucket >= 0 ? bucket : -bucket - 1].increment();
        series.sumNanos.add(nanos);
        if (!success) {
            String code = errorCode == null ? "Unknown" : errorCode;
            bounded(errors, new Error(service, operation, code), new Error(service, OTHER, OTHER), LongAdder::new)
                    .increment();
        }
    }

    /** Counts a successful GetRecommendations of a campaign. */
    public void recommendations(String campaignArn, long nanos) {
        timed(recommendations, campaignArn, nanos);
    }

    /** Counts a successful GetPersonalizedRanking of a campaign. */
    public void ranking(String campaignArn, long nanos) {
        timed(rankings, campaignArn, nanos);
    }

    /** Counts records accepted by PutEvents, PutItems or PutUsers. */
    public void ingested(String operation, int records) {
        switch (operation) {
            case "PutEvents" -> events.add(records);
            case "PutItems" -> items.add(records);
            case "PutUsers" -> users.add(records);
            default -> { }
        }
    }

    private static void timed(Map<String, Timed> map, String campaignArn, long nanos) {
        Timed t = bounded(map, campaignArn, OTHER, Timed::new);
        t.count.increment();
        t.sumNanos.add(nanos);
    }

    /** The series of a key, created if the map has room; the overflow series otherwise. */
    private static <K, V> V bounded(Map<K, V> map, K key, K overflow, java.util.function.Supplier<V> create) {
        V series = map.get(key);
        if (series != null) {
            return series;
        }
        K chosen = map.size() < MAX_SERIES ? key : overflow;
        return map.computeIfAbsent(chosen, k -> create.get());
    }

    /** Every metric in Prometheus' text format. */
    public String exposition(AuditFigures audit) {
        Exposition out = new Exposition();
        List<Map.Entry<Call, CallSeries>> callList = calls.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Call, CallSeries> e) -> e.getKey().service())
                        .thenComparing(e -> e.getKey().operation()))
                .toList();
        out.family("tastemaker_requests_total", "counter", "API calls by service, operation and outcome.");
        for (var e : callList) {
            Call c = e.getKey();
            out.sample("tastemaker_requests_total", e.getValue().success.sum(), "service", c.service(), "operation",
                    c.operation(), "outcome", "success");
            out.sample("tastemaker_requests_total", e.getValue().failure.sum(), "service", c.service(), "operation",
                    c.operation(), "outcome", "failure");
        }
        out.family("tastemaker_request_errors_total", "counter", "Failed API calls by AWS error code.");
        errors.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Error, LongAdder> e) -> e.getKey().service())
                        .thenComparing(e -> e.getKey().operation()).thenComparing(e -> e.getKey().code()))
                .forEach(e -> out.sample("tastemaker_request_errors_total", e.getValue().sum(), "service",
                        e.getKey().service(), "operation", e.getKey().operation(), "error_code", e.getKey().code()));
        String duration = "tastemaker_request_duration_seconds";
        out.family(duration, "histogram", "Time from a request's arrival to its answer, in seconds.");
        for (var e : callList) {
            Call c = e.getKey();
            CallSeries s = e.getValue();
            long cumulative = 0;
            for (int i = 0; i < s.buckets.length; i++) {
                cumulative += s.buckets[i].sum();
                String le = i < BOUNDS.length ? Exposition.number(BOUNDS[i]) : "+Inf";
                out.sample(duration + "_bucket", cumulative, "service", c.service(), "operation", c.operation(), "le", le);
            }
            out.sample(duration + "_sum", s.sumNanos.sum() / 1e9, "service", c.service(), "operation", c.operation());
            out.sample(duration + "_count", cumulative, "service", c.service(), "operation", c.operation());
        }
        campaigns(out, "tastemaker_personalize_get_recommendations", "GetRecommendations", recommendations);
        campaigns(out, "tastemaker_personalize_get_personalized_ranking", "GetPersonalizedRanking", rankings);
        out.family("tastemaker_personalize_put_events_events_total", "counter", "Events accepted by PutEvents.");
        out.sample("tastemaker_personalize_put_events_events_total", events.sum());
        out.family("tastemaker_personalize_put_items_items_total", "counter", "Items accepted by PutItems.");
        out.sample("tastemaker_personalize_put_items_items_total", items.sum());
        out.family("tastemaker_personalize_put_users_users_total", "counter", "Users accepted by PutUsers.");
        out.sample("tastemaker_personalize_put_users_users_total", users.sum());
        out.family("tastemaker_audit_queue_depth", "gauge", "Audit entries waiting for the writer.");
        out.sample("tastemaker_audit_queue_depth", audit.queueDepth());
        out.family("tastemaker_audit_queue_capacity", "gauge", "Audit entries the queue holds at most.");
        out.sample("tastemaker_audit_queue_capacity", audit.queueCapacity());
        out.family("tastemaker_audit_written_total", "counter", "Audit records written since start.");
        out.sample("tastemaker_audit_written_total", audit.written());
        out.family("tastemaker_audit_dropped_total", "counter",
                "Audit entries lost since start: the queue was full, or the database refused them.");
        out.sample("tastemaker_audit_dropped_total", audit.dropped());
        return out.toString();
    }

    private static void campaigns(Exposition out, String prefix, String operation, Map<String, Timed> map) {
        List<Map.Entry<String, Timed>> list = map.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
        out.family(prefix + "_total", "counter", "Successful " + operation + " calls per campaign.");
        list.forEach(e -> out.sample(prefix + "_total", e.getValue().count.sum(), "campaign_arn", e.getKey()));
        out.family(prefix + "_latency_seconds", "summary", "Time of successful " + operation + " calls per campaign.");
        for (var e : list) {
            out.sample(prefix + "_latency_seconds_sum", e.getValue().sumNanos.sum() / 1e9, "campaign_arn", e.getKey());
            out.sample(prefix + "_latency_seconds_count", e.getValue().count.sum(), "campaign_arn", e.getKey());
        }
    }
}
