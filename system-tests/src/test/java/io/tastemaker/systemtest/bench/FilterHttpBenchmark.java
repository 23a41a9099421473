package io.tastemaker.systemtest.bench;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.SyntheticInteractions.Interaction;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsRequest;

/**
 * GetRecommendations with and without a filter over a 50,000-item catalog, through the AWS SDK
 * against a real server: {@code bench/filter-http [h2|postgresql] [--items N] [--requests R] [--seed S]}.
 *
 * <p>Data: an Items dataset of N items (CATEGORY one of 20, PRICE), interactions of N / 5 users
 * following a power law (one in five a purchase) plus one click on every item, so the model's
 * catalog is the N items; an aws-user-personalization campaign (EASE over the 5,000 most popular
 * items, the rest by popularity). Three kinds of request, interleaved request by request over the
 * same random users so that noise hits them alike: no filter; an Items filter
 * ({@code INCLUDE ... Items.CATEGORY IN ($CATEGORY)}, two categories per request); and that filter
 * plus {@code EXCLUDE ... Interactions.EVENT_TYPE IN ("purchase")}, which reads the user's
 * interactions from the database on every request. One client thread, after a warm-up; prints p50,
 * p90 and p99 in milliseconds and the filtered/unfiltered ratios. A benchmark: it asserts nothing.
 */
public final class FilterHttpBenchmark {

    private static final int CATEGORIES = 20;

    private FilterHttpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = "h2";
        int items = 50_000;
        int requests = 3_000;
        long seed = 20261128L;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--items" -> items = Integer.parseInt(args[++i]);
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> database = args[i];
            }
        }
        System.setProperty("tastemaker.it.database", database);
        System.out.printf(Locale.ROOT, "FilterHttpBenchmark: %s, %,d items, %,d requests of each kind, seed %d%n",
                database, items, requests, seed);
        int users = items / 5;
        SplittableRandom random = new SplittableRandom(seed);
        List<Interaction> interactions = new ArrayList<>(SyntheticInteractions.generate(seed, items * 3, users, items, 1.0));
        for (int item = 1; item <= items; item++) {
            interactions.add(new Interaction(SyntheticInteractions.userId(1 + random.nextInt(users)),
                    SyntheticInteractions.itemId(item), SyntheticInteractions.FIRST_TIMESTAMP + item, "click"));
        }
        List<String> itemLines = new ArrayList<>(items);
        for (int item = 1; item <= items; item++) {
            itemLines.add(SyntheticInteractions.itemId(item) + ",c" + random.nextInt(CATEGORIES) + ","
                    + (1 + random.nextInt(500)));
        }
        Path interactionsCsv = Files.createTempFile("tastemaker-filter-bench-", ".csv");
        Path itemsCsv = Files.createTempFile("tastemaker-filter-bench-items-", ".csv");
        SyntheticInteractions.writeCsv(interactionsCsv, interactions);
        SyntheticInteractions.writeCsv(itemsCsv, "ITEM_ID,CATEGORY,PRICE", itemLines);

        TastemakerServer server = TastemakerServer.shared();
        try (Clients clients = Clients.of(server)) {
            PersonalizeClient p = clients.personalize();
            String group = p.createDatasetGroup(b -> b.name("filter-bench")).datasetGroupArn();
            load(clients, group, "Interactions", SyntheticInteractions.SCHEMA, interactionsCsv);
            load(clients, group, "Items", """
                    {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
                     "fields": [{"name": "ITEM_ID", "type": "string"},
                                {"name": "CATEGORY", "type": "string", "categorical": true},
                                {"name": "PRICE", "type": "double"}], "version": "1.0"}""", itemsCsv);
            long trainStart = System.nanoTime();
            String campaign = clients.trainAndDeploy(group, "arn:aws:personalize:::recipe/aws-user-personalization",
                    "filter-bench", Map.of()).campaignArn();
            System.out.printf(Locale.ROOT, "trained and deployed in %.0f s%n", (System.nanoTime() - trainStart) / 1e9);
            String itemsFilter = p.createFilter(b -> b.name("bench-category").datasetGroupArn(group)
                    .filterExpression("INCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY)")).filterArn();
            String bothFilter = p.createFilter(b -> b.name("bench-category-unpurchased").datasetGroupArn(group)
                    .filterExpression("INCLUDE ItemID WHERE Items.CATEGORY IN ($CATEGORY)"
                            + " | EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"purchase\")")).filterArn();

            PersonalizeRuntimeClient runtime = clients.runtime();
            String[] kinds = {"no filter", "Items filter", "Items + Interactions filter"};
            int warmUp = Math.max(200, requests / 5);
            long[][] nanos = new long[kinds.length][requests];
            int[] returned = new int[kinds.length];
            for (int r = -warmUp; r < requests; r++) {
                String user = SyntheticInteractions.userId(1 + random.nextInt(users));
                String categories = "\"c" + random.nextInt(CATEGORIES) + "\",\"c" + random.nextInt(CATEGORIES) + "\"";
                for (int kind = 0; kind < kinds.length; kind++) {
                    GetRecommendationsRequest.Builder request = GetRecommendationsRequest.builder().campaignArn(campaign)
                            .userId(user).numResults(25);
                    if (kind > 0) {
                        request.filterArn(kind == 1 ? itemsFilter : bothFilter).filterValues(Map.of("CATEGORY", categories));
                    }
                    GetRecommendationsRequest built = request.build();
                    long start = System.nanoTime();
                    int size = runtime.getRecommendations(built).itemList().size();
                    long took = System.nanoTime() - start;
                    if (r >= 0) {
                        nanos[kind][r] = took;
                        returned[kind] += size;
                    }
                }
            }
            double[] p50 = new double[kinds.length];
            double[] p99 = new double[kinds.length];
            for (int kind = 0; kind < kinds.length; kind++) {
                Arrays.sort(nanos[kind]);
                p50[kind] = percentile(nanos[kind], 0.50);
                p99[kind] = percentile(nanos[kind], 0.99);
                System.out.printf(Locale.ROOT, "%-28s p50 %6.2f ms   p90 %6.2f ms   p99 %6.2f ms   (%.1f items per answer)%n",
                        kinds[kind], p50[kind], percentile(nanos[kind], 0.90), p99[kind], returned[kind] / (double) requests);
            }
            for (int kind = 1; kind < kinds.length; kind++) {
                System.out.printf(Locale.ROOT, "%-28s p50 %+.1f%%   p99 %+.1f%% against no filter%n", kinds[kind],
                        100 * (p50[kind] / p50[0] - 1), 100 * (p99[kind] / p99[0] - 1));
            }
        } finally {
            Files.deleteIfExists(interactionsCsv);
            Files.deleteIfExists(itemsCsv);
        }
        System.exit(0);
    }

    private static void load(Clients clients, String group, String type, String schema, Path csv) {
        PersonalizeClient p = clients.personalize();
        String name = "filter-bench-" + type.toLowerCase(Locale.ROOT);
        String schemaArn = p.createSchema(b -> b.name(name).schema(schema)).schemaArn();
        String dataset = p.createDataset(b -> b.name(name).datasetGroupArn(group).schemaArn(schemaArn).datasetType(type))
                .datasetArn();
        String job = p.createDatasetImportJob(b -> b.jobName(name).datasetArn(dataset)
                .dataSource(s -> s.dataLocation(csv.toUri().toString()))).datasetImportJobArn();
        String status = clients.awaitDatasetImportJob(job).status();
        if (!"ACTIVE".equals(status)) {
            throw new IllegalStateException("Import of " + type + " ended " + status);
        }
    }

    private static double percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
