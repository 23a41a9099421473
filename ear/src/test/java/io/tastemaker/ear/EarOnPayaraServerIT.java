package io.tastemaker.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;
import software.amazon.awssdk.services.personalize.model.ImportMode;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;
import software.amazon.awssdk.services.personalizeruntime.model.GetRecommendationsResponse;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * {@code tastemaker.ear} on Payara Server Full: a fresh domain on free ports, the EAR deployed
 * with {@code asadmin deploy}, then, through the official AWS SDK, a CSV import (the
 * {@code DatasetImportJob} batch job), a Popularity-Count training (the
 * {@code SolutionTrainingJob} batch job), a campaign and its recommendations, which must be the
 * items with the most distinct users (ties by item id ascending) as computed here.
 *
 * <p>The domain is always stopped, and the end of its {@code server.log} is printed when
 * anything fails. System properties, set by the {@code payara-server} profile of the ear module:
 * {@code tastemaker.it.payara.home} (the unpacked {@code payara6}), {@code tastemaker.it.ear},
 * {@code tastemaker.it.work}; {@code tastemaker.it.seed} replays a run's data;
 * {@code tastemaker.it.server.heap} (default {@code 1g}) is the domain's {@code -Xmx}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class EarOnPayaraServerIT {

    private static final String ACCESS_KEY_ID = "AKIAITEAROPERATOR001";
    private static final String SECRET_ACCESS_KEY = "itEarSecretKey0123456789abcdefghijklmnop";
    private static final String ADMIN_PASSWORD = "It-Ear-Operator-Passw0rd";
    private static final String APPLICATION = "tastemaker";
    private static final String POPULARITY_COUNT = "arn:aws:personalize:::recipe/aws-popularity-count";
    private static final String SCHEMA = """
            {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
             "fields": [
               {"name": "USER_ID", "type": "string"},
               {"name": "ITEM_ID", "type": "string"},
               {"name": "TIMESTAMP", "type": "long"},
               {"name": "EVENT_TYPE", "type": "string"}
             ],
             "version": "1.0"}""";

    private static final long DEFAULT_SEED = 20_261_128L;
    private static final int INTERACTIONS = 4_000;
    private static final int USERS = 500;
    private static final int ITEMS = 200;
    /** Skew of item popularity (Zipf): the top items get well over a hundred distinct users each. */
    private static final double EXPONENT = 0.8;
    private static final int NUM_RESULTS = 10;
    private static final long FIRST_TIMESTAMP = 1_700_000_000L;
    private static final long SPAN_SECONDS = 90L * 24 * 3600;

    private static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RESOURCE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
    private static final int LOG_TAIL_LINES = 200;

    @RegisterExtension
    static final Failures FAILURES = new Failures();

    private final String suffix = Long.toString(System.currentTimeMillis(), 36);
    private Path runDir;
    private PayaraServerDomain domain;
    private Thread stopOnExit;
    private URI endpoint;
    private PersonalizeClient personalize;
    private PersonalizeRuntimeClient runtime;

    private Map<String, Integer> distinctUsers;
    private String firstUser;
    private String datasetGroupArn;
    private String datasetArn;
    private String solutionVersionArn;

    @BeforeAll
    void startDomainAndDeploy() throws Exception {
        Path payaraHome = Path.of(requiredProperty("tastemaker.it.payara.home"));
        Path ear = Path.of(requiredProperty("tastemaker.it.ear"));
        assertThat(payaraHome.resolve("bin").resolve("asadmin")).as("the unpacked Payara Server").isRegularFile();
        assertThat(ear).as("the EAR under test").isRegularFile();
        runDir = Path.of(System.getProperty("tastemaker.it.work", "target/ear-it")).toAbsolutePath()
                .resolve("run-" + suffix);
        Path dataDir = runDir.resolve("data");
        Files.createDirectories(dataDir);

        domain = new PayaraServerDomain(payaraHome, runDir, "tastemaker-it");
        stopOnExit = new Thread(domain::stop, "ear-it-stop-domain");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            long begin = System.nanoTime();
            domain.create();
            domain.configure(System.getProperty("tastemaker.it.server.heap", "1g"));
            endpoint = URI.create("http://127.0.0.1:" + domain.httpPort());
            System.out.printf(Locale.ROOT, "Domain %s: admin port %d, HTTP %s%n", domain.domainDir(), domain.adminPort(),
                    endpoint);

            Map<String, String> env = new LinkedHashMap<>();
            env.put("TASTEMAKER_DATA_DIR", dataDir.toString());
            env.put("TASTEMAKER_DB_DATASOURCE", "org.h2.jdbcx.JdbcDataSource");
            env.put("TASTEMAKER_DB_URL", "jdbc:h2:file:" + dataDir.resolve("db").resolve("tastemaker"));
            env.put("TASTEMAKER_DB_USER", "sa");
            env.put("TASTEMAKER_DB_PASSWORD", "");
            env.put("TASTEMAKER_ADMIN_ACCESS_KEY_ID", ACCESS_KEY_ID);
            env.put("TASTEMAKER_ADMIN_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
            env.put("TASTEMAKER_ADMIN_PASSWORD", ADMIN_PASSWORD);
            domain.start(env);
            domain.deploy(ear, APPLICATION);
            awaitHealth();
            System.out.printf(Locale.ROOT, "tastemaker.ear serves %s after %.1f s (domain created, started, deployed)%n",
                    endpoint, (System.nanoTime() - begin) / 1e9);
        } catch (Exception | AssertionError e) {
            FAILURES.failed = true;
            throw e;
        }
        personalize = PersonalizeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(clientConfig()).build();
        runtime = PersonalizeRuntimeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(clientConfig()).build();
    }

    @AfterAll
    void stopDomain() {
        if (personalize != null) {
            personalize.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (domain == null) {
            return;
        }
        if (FAILURES.failed) {
            System.err.printf(Locale.ROOT, "%n===== last %d lines of %s =====%n%s%n===== end of server.log =====%n",
                    LOG_TAIL_LINES, domain.serverLog(), domain.serverLogTail(LOG_TAIL_LINES));
        }
        domain.stop();
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
    }

    @Test
    @Order(1)
    void theEarIsDeployedAsAnEnterpriseApplication() {
        String applications = domain.remote("list-applications", "--long");
        assertThat(applications).as("asadmin list-applications --long")
                .containsPattern("(?m)^" + APPLICATION + "\\s+<ear, [^>]*web[^>]*>\\s+enabled");
    }

    @Test
    @Order(2)
    void importsInteractionsThroughTheDatasetImportJob() throws IOException {
        String schemaArn = personalize.createSchema(r -> r.name("ear-interactions-" + suffix).schema(SCHEMA)).schemaArn();
        datasetGroupArn = personalize.createDatasetGroup(r -> r.name("ear-" + suffix)).datasetGroupArn();
        assertThat(await("dataset group", RESOURCE_TIMEOUT,
                () -> personalize.describeDatasetGroup(r -> r.datasetGroupArn(datasetGroupArn)).datasetGroup().status(),
                EarOnPayaraServerIT::isTerminal, s -> s)).isEqualTo("ACTIVE");
        String dataset = personalize.createDataset(r -> r.name("ear-interactions-" + suffix).schemaArn(schemaArn)
                .datasetGroupArn(datasetGroupArn).datasetType("Interactions")).datasetArn();
        assertThat(await("dataset", RESOURCE_TIMEOUT,
                () -> personalize.describeDataset(r -> r.datasetArn(dataset)).dataset().status(),
                EarOnPayaraServerIT::isTerminal, s -> s)).isEqualTo("ACTIVE");

        long seed = Long.getLong("tastemaker.it.seed", DEFAULT_SEED);
        System.out.printf(Locale.ROOT, "EarOnPayaraServerIT seed: %d (replay with -Dtastemaker.it.seed=%d)%n", seed, seed);
        List<String[]> rows = interactions(seed);
        firstUser = rows.get(0)[0];
        distinctUsers = distinctUsersPerItem(rows);
        Path csv = runDir.resolve("interactions.csv");
        writeCsv(csv, rows);

        String jobArn = personalize.createDatasetImportJob(r -> r.jobName("ear-import-" + suffix).datasetArn(dataset)
                .dataSource(s -> s.dataLocation(csv.toUri().toString())).importMode(ImportMode.FULL)).datasetImportJobArn();
        DatasetImportJob job = await("dataset import job " + jobArn, JOB_TIMEOUT,
                () -> personalize.describeDatasetImportJob(r -> r.datasetImportJobArn(jobArn)).datasetImportJob(),
                j -> isTerminal(j.status()), j -> j.status() + " " + j.failureReason());
        assertThat(job.status()).as("import failure reason: %s", job.failureReason()).isEqualTo("ACTIVE");
        datasetArn = dataset;
    }

    @Test
    @Order(3)
    void trainsPopularityCountThroughTheSolutionTrainingJob() {
        assumeTrue(datasetArn != null, "the import step failed");
        String solutionArn = personalize.createSolution(r -> r.name("ear-popularity-" + suffix)
                .datasetGroupArn(datasetGroupArn).recipeArn(POPULARITY_COUNT)).solutionArn();
        assertThat(await("solution", RESOURCE_TIMEOUT,
                () -> personalize.describeSolution(r -> r.solutionArn(solutionArn)).solution().status(),
                EarOnPayaraServerIT::isTerminal, s -> s)).isEqualTo("ACTIVE");
        String versionArn = personalize.createSolutionVersion(r -> r.solutionArn(solutionArn)).solutionVersionArn();
        SolutionVersion version = await("solution version " + versionArn, JOB_TIMEOUT,
                () -> personalize.describeSolutionVersion(r -> r.solutionVersionArn(versionArn)).solutionVersion(),
                v -> isTerminal(v.status()), v -> v.status() + " " + v.failureReason());
        assertThat(version.status()).as("training failure reason: %s", version.failureReason()).isEqualTo("ACTIVE");
        solutionVersionArn = versionArn;
    }

    @Test
    @Order(4)
    void campaignRecommendsTheItemsWithTheMostDistinctUsers() {
        assumeTrue(solutionVersionArn != null, "the training step failed");
        String campaignArn = personalize.createCampaign(r -> r.name("ear-campaign-" + suffix)
                .solutionVersionArn(solutionVersionArn).minProvisionedTPS(1)).campaignArn();
        Campaign campaign = await("campaign " + campaignArn, RESOURCE_TIMEOUT,
                () -> personalize.describeCampaign(r -> r.campaignArn(campaignArn)).campaign(),
                c -> isTerminal(c.status()), c -> c.status() + " " + c.failureReason());
        assertThat(campaign.status()).as("campaign failure reason: %s", campaign.failureReason()).isEqualTo("ACTIVE");

        List<String> expected = mostPopular(distinctUsers, NUM_RESULTS);
        System.out.println("Expected top " + NUM_RESULTS + " (item=distinct users): "
                + expected.stream().map(i -> i + "=" + distinctUsers.get(i)).toList());
        GetRecommendationsResponse known = runtime.getRecommendations(r -> r.campaignArn(campaignArn).userId(firstUser)
                .numResults(NUM_RESULTS));
        assertThat(known.itemList()).extracting(PredictedItem::itemId).containsExactlyElementsOf(expected);
        assertThat(known.recommendationId()).isNotBlank();
        GetRecommendationsResponse unknown = runtime.getRecommendations(r -> r.campaignArn(campaignArn)
                .userId("user-never-seen").numResults(NUM_RESULTS));
        assertThat(unknown.itemList()).extracting(PredictedItem::itemId).containsExactlyElementsOf(expected);
    }

    @Test
    @Order(5)
    void theImportAndTheTrainingRanAsCompletedBatchJobs() {
        assumeTrue(solutionVersionArn != null, "the training step failed");
        String executions = domain.remote("list-batch-job-executions", "--output", "jobname,batchstatus,exitstatus",
                "--header=false");
        Map<String, List<String>> statusesByJob = new HashMap<>();
        for (String line : executions.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("Command"))
                .toList()) {
            String[] columns = line.split("\\s+");
            statusesByJob.computeIfAbsent(columns[0], k -> new ArrayList<>())
                    .add(String.join(" ", Arrays.asList(columns).subList(1, columns.length)));
        }
        assertThat(statusesByJob).as("asadmin list-batch-job-executions:%n%s", executions)
                .containsEntry("DatasetImportJob", List.of("COMPLETED COMPLETED"))
                .containsEntry("SolutionTrainingJob", List.of("COMPLETED COMPLETED"));
    }

    // ----- the server ---------------------------------------------------------------------------

    private void awaitHealth() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/ping")).timeout(Duration.ofSeconds(10)).GET().build();
        String status = await("GET /ping", HEALTH_TIMEOUT, () -> {
            try {
                return "HTTP " + http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }, "HTTP 200"::equals, s -> s);
        assertThat(status).isEqualTo("HTTP 200");
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    /** No retries, so that each answer of the server is seen exactly once; a deadline on every call. */
    private static ClientOverrideConfiguration clientConfig() {
        return ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(CALL_TIMEOUT).build();
    }

    private static boolean isTerminal(String status) {
        return status != null && ("ACTIVE".equals(status) || status.endsWith("FAILED") || status.endsWith("STOPPED"));
    }

    /** Polls {@code probe} until {@code done}; on timeout fails with the last value described. */
    private static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> done,
            Function<T, String> describe) {
        long begin = System.nanoTime();
        long deadline = begin + timeout.toNanos();
        long pauseMillis = 200;
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(String.format(Locale.ROOT, "Timed out after %d s waiting for %s; last seen: %s",
                        timeout.toSeconds(), what, describe.apply(last)));
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
            pauseMillis = Math.min(2_000, pauseMillis * 2);
            last = probe.get();
        }
        System.out.printf(Locale.ROOT, "%s: %s after %.1f s%n", what, describe.apply(last), (System.nanoTime() - begin) / 1e9);
        return last;
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run this test through the"
                    + " payara-server profile of the ear module (mvn verify -pl ear).");
        }
        return value;
    }

    // ----- the data -----------------------------------------------------------------------------

    /**
     * {@code INTERACTIONS} rows {@code [USER_ID, ITEM_ID, TIMESTAMP, EVENT_TYPE]}: users uniform,
     * items by a Zipf law over a seeded shuffle of the ids (so popularity order is not id order).
     */
    private static List<String[]> interactions(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] itemOfRank = new int[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            itemOfRank[i] = i + 1;
        }
        for (int i = ITEMS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = itemOfRank[i];
            itemOfRank[i] = itemOfRank[j];
            itemOfRank[j] = t;
        }
        double[] cumulative = new double[ITEMS];
        double sum = 0;
        for (int rank = 0; rank < ITEMS; rank++) {
            sum += Math.pow(rank + 1, -EXPONENT);
            cumulative[rank] = sum;
        }
        List<String[]> rows = new ArrayList<>(INTERACTIONS);
        for (int i = 0; i < INTERACTIONS; i++) {
            int user = 1 + random.nextInt(USERS);
            int rank = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            rank = rank >= 0 ? rank : Math.min(-rank - 1, ITEMS - 1);
            rows.add(new String[] {
                String.format(Locale.ROOT, "user-%04d", user),
                String.format(Locale.ROOT, "item-%04d", itemOfRank[rank]),
                Long.toString(FIRST_TIMESTAMP + random.nextLong(SPAN_SECONDS)),
                random.nextInt(10) < 8 ? "click" : "purchase"});
        }
        return rows;
    }

    private static void writeCsv(Path file, List<String[]> rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\n");
            for (String[] row : rows) {
                out.write(String.join(",", row));
                out.write('\n');
            }
        }
    }

    private static Map<String, Integer> distinctUsersPerItem(List<String[]> rows) {
        Map<String, Set<String>> users = new HashMap<>();
        for (String[] row : rows) {
            users.computeIfAbsent(row[1], k -> new HashSet<>()).add(row[0]);
        }
        Map<String, Integer> counts = new HashMap<>();
        users.forEach((item, set) -> counts.put(item, set.size()));
        return counts;
    }

    /** The {@code n} items with the most distinct users, ties by item id ascending. */
    private static List<String> mostPopular(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(n)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Remembers that a step failed, so that {@code @AfterAll} prints the end of server.log. */
    static final class Failures implements TestWatcher {

        volatile boolean failed;

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    }
}
