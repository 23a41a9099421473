package io.tastemaker.systemtest.bench;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.TastemakerServer;
import io.tastemaker.systemtest.support.TwoGroups;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.personalizeevents.model.Event;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * Real-time figures through the AWS SDK (SigV4 on every call) against a real server sharing the
 * machine with this load generator: {@code bench/events [h2|postgresql] [seconds] [threads]}.
 *
 * <ol>
 *   <li>Sustained PutEvents throughput: {@code threads} clients send batches of 10 events for
 *       {@code seconds}; events per second and call latency percentiles.</li>
 *   <li>GetRecommendations latency on an EASE campaign (the user's newest 100 events are read from
 *       the database on every call).</li>
 *   <li>PutEvents to a changed recommendation: for users of one group, send ten views of the other
 *       group's items and time until GetRecommendations answers differently.</li>
 * </ol>
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
public final class EventsBenchmark {

    private EventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        System.setProperty("tastemaker.it.database", database);
        TastemakerServer server = TastemakerServer.shared();
        try (Clients clients = Clients.of(server)) {
            TwoGroups data = TwoGroups.importInto(server, clients, "bench-events", 77L);
            String campaign = clients.trainAndDeploy(data.datasetGroupArn(),
                    "arn:aws:personalize:::recipe/aws-user-personalization", "bench-events", Map.of()).campaignArn();
            String trackerArn = clients.personalize().createEventTracker(r -> r.name("bench-events")
                    .datasetGroupArn(data.datasetGroupArn())).eventTrackerArn();
            String trackingId = clients.awaitEventTracker(trackerArn).trackingId();
            System.out.printf(Locale.ROOT, "database            %s, %d cores shared by server and load generator%n",
                    server.databaseKind(), Runtime.getRuntime().availableProcessors());

            throughput(clients, trackingId, seconds, threads);
            recommendationLatency(clients, campaign);
            eventToChange(clients, trackingId, campaign);
        }
        System.exit(0);
    }

    private static void throughput(Clients clients, String trackingId, int seconds, int threads) throws Exception {
        AtomicLong events = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                long sent = 0;
                while (System.nanoTime() < end) {
                    List<Event> batch = new ArrayList<>(10);
                    for (int i = 0; i < 10; i++) {
                        batch.add(Event.builder().eventType("click").itemId(TwoGroups.item((int) (sent % 2), (int) (sent % 30)))
                                .sentAt(Instant.now()).build());
                        sent++;
                    }
                    String user = "load-" + thread + "-" + (sent % 1000);
                    long start = System.nanoTime();
                    clients.events().putEvents(r -> r.trackingId(trackingId).userId(user).sessionId("s-" + user)
                            .eventList(batch));
                    if (n < latencies.length) {
                        latencies[n++] = System.nanoTime() - start;
                    }
                    events.addAndGet(10);
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] part = result.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "PutEvents           %,d events in %d s with %d threads: %,.0f events/s; "
                + "call p50 %.1f ms, p99 %.1f ms%n", events.get(), seconds, threads, events.get() / (double) seconds,
                percentile(all, 50), percentile(all, 99));
    }

    private static void recommendationLatency(Clients clients, String campaign) {
        int calls = 2_000;
        long[] latencies = new long[calls];
        for (int i = 0; i < calls; i++) {
            String user = TwoGroups.user(i % 2, i % TwoGroups.USERS_PER_GROUP);
            long start = System.nanoTime();
            clients.runtime().getRecommendations(r -> r.campaignArn(campaign).userId(user).numResults(25));
            latencies[i] = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "GetRecommendations  %,d calls, 25 items: p50 %.2f ms, p99 %.2f ms%n", calls,
                percentile(latencies, 50), percentile(latencies, 99));
    }

    private static void eventToChange(Clients clients, String trackingId, String campaign) {
        int trials = TwoGroups.USERS_PER_GROUP;
        long[] latencies = new long[trials];
        for (int u = 0; u < trials; u++) {
            String user = TwoGroups.user(0, u);
            List<String> before = ids(clients.runtime().getRecommendations(r -> r.campaignArn(campaign).userId(user)
                    .numResults(10)).itemList());
            List<Event> batch = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                batch.add(Event.builder().eventType("click").itemId(TwoGroups.item(1, i)).sentAt(Instant.now()).build());
            }
            long start = System.nanoTime();
            clients.events().putEvents(r -> r.trackingId(trackingId).userId(user).sessionId("change-" + user).eventList(batch));
            while (true) {
                List<String> now = ids(clients.runtime().getRecommendations(r -> r.campaignArn(campaign).userId(user)
                        .numResults(10)).itemList());
                if (!now.equals(before)) {
                    break;
                }
                if (System.nanoTime() - start > 10_000_000_000L) {
                    throw new IllegalStateException("Recommendations of " + user + " did not change within 10 s");
                }
            }
            latencies[u] = System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "PutEvents to change %d users: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", trials,
                percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100));
    }

    private static List<String> ids(List<PredictedItem> items) {
        return items.stream().map(PredictedItem::itemId).toList();
    }

    /** The {@code p}-th percentile (nearest rank) of nanosecond latencies, in milliseconds. */
    private static double percentile(long[] nanos, double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
