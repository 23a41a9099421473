package io.tastemaker.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.SyntheticInteractions;
import io.tastemaker.systemtest.support.SyntheticInteractions.Interaction;
import io.tastemaker.systemtest.support.TastemakerServer;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.DatasetGroupSummary;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;
import software.amazon.awssdk.services.personalize.model.ImportMode;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalize.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;
import software.amazon.awssdk.services.personalizeruntime.model.PredictedItem;

/**
 * What the server answers to bad requests and bad data, seen through the official AWS SDK (and
 * one raw HTTP call): the error's class and code, the failure reason of a failed import, and that
 * the bad request left nothing behind. Each case uses resources of its own, named with a suffix
 * unique to the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final String POPULARITY_COUNT = "arn:aws:personalize:::recipe/aws-popularity-count";
    private static final long SEED = 7_2024L;
    private static final Pattern ERROR_TYPE = Pattern.compile("\"__type\"\\s*:\\s*\"([^\"]*)\"");

    private TastemakerServer server;
    private Clients clients;
    private PersonalizeClient personalize;
    private final String suffix = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger counter = new AtomicInteger();

    @BeforeAll
    void start() {
        server = TastemakerServer.shared();
        clients = Clients.of(server);
        personalize = clients.personalize();
        System.out.println("BadInputIT seed: " + SEED);
    }

    @AfterAll
    void closeClients() {
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    void createSchemaRefusesTextThatIsNotJson() {
        String name = unique("not-json");
        assertError(() -> personalize.createSchema(r -> r.name(name).schema("this is { not JSON")),
                InvalidInputException.class, "InvalidInputException");
        assertThat(schemaNames()).doesNotContain(name);
    }

    @Test
    void createSchemaRefusesASchemaThatIsNotARecord() {
        String name = unique("not-record");
        assertError(() -> personalize.createSchema(r -> r.name(name).schema("{\"type\": \"array\", \"items\": \"string\"}")),
                InvalidInputException.class, "InvalidInputException");
        assertThat(schemaNames()).doesNotContain(name);
    }

    @Test
    void aStringTimestampIsRefusedWhenTheInteractionsDatasetIsCreated() {
        String schema = SyntheticInteractions.SCHEMA.replace("{\"name\": \"TIMESTAMP\", \"type\": \"long\"}",
                "{\"name\": \"TIMESTAMP\", \"type\": \"string\"}");
        assertThat(schema).contains("\"TIMESTAMP\", \"type\": \"string\"");
        String schemaArn = personalize.createSchema(r -> r.name(unique("string-timestamp")).schema(schema)).schemaArn();
        String groupArn = createDatasetGroup("string-timestamp");

        InvalidInputException e = assertError(() -> personalize.createDataset(r -> r.name(unique("string-timestamp"))
                        .schemaArn(schemaArn).datasetGroupArn(groupArn).datasetType("Interactions")),
                InvalidInputException.class, "InvalidInputException");
        assertThat(e.awsErrorDetails().errorMessage()).contains("TIMESTAMP");
        assertThat(datasetArns(groupArn)).isEmpty();
    }

    @Test
    void invalidNamesAreRefused() {
        assertError(() -> personalize.createSchema(r -> r.name("bad name!").schema(SyntheticInteractions.SCHEMA)),
                InvalidInputException.class, "InvalidInputException");
        assertThat(schemaNames()).doesNotContain("bad name!");
        assertError(() -> personalize.createDatasetGroup(r -> r.name("bad name!")),
                InvalidInputException.class, "InvalidInputException");
        assertThat(datasetGroupNames()).doesNotContain("bad name!");
    }

    @Test
    void anImportWithoutItemIdFailsAndLeavesTheDatasetEmpty() throws IOException {
        String groupArn = createDatasetGroup("no-item-id");
        String datasetArn = createInteractionsDataset(groupArn, "no-item-id");
        List<Interaction> rows = SyntheticInteractions.generate(SEED, 2_000, 100, 60, 1.0);
        List<String> withoutItemId = rows.stream().map(i -> i.userId() + "," + i.timestamp() + "," + i.eventType()).toList();

        DatasetImportJob failed = importCsv(datasetArn, "USER_ID,TIMESTAMP,EVENT_TYPE", withoutItemId);
        assertThat(failed.status()).isEqualTo("CREATE FAILED");
        assertThat(failed.failureReason()).contains("ITEM_ID");

        // The dataset has no rows: training finds nothing to train on.
        String solutionArn = personalize.createSolution(r -> r.name(unique("no-item-id")).datasetGroupArn(groupArn)
                .recipeArn(POPULARITY_COUNT)).solutionArn();
        clients.awaitSolution(solutionArn);
        SolutionVersion empty = train(solutionArn);
        assertThat(empty.status()).isEqualTo("CREATE FAILED");
        assertThat(empty.failureReason()).containsIgnoringCase("no interactions");

        // A good FULL import afterwards works, and training then succeeds.
        DatasetImportJob good = importCsv(datasetArn, SyntheticInteractions.HEADER, rows.stream().map(Interaction::csv).toList());
        assertThat(good.status()).as("failure reason: %s", good.failureReason()).isEqualTo("ACTIVE");
        SolutionVersion trained = train(solutionArn);
        assertThat(trained.status()).as("failure reason: %s", trained.failureReason()).isEqualTo("ACTIVE");
    }

    @Test
    void anImportWithAnUnknownColumnFailsNamingTheColumn() throws IOException {
        String groupArn = createDatasetGroup("extra-column");
        String datasetArn = createInteractionsDataset(groupArn, "extra-column");
        List<String> lines = new ArrayList<>();
        for (Interaction i : SyntheticInteractions.generate(SEED, 500, 50, 30, 1.0)) {
            lines.add(i.csv() + ",red");
        }
        lines.set(10, "user-00001,item-00001,yesterday,click,blue");

        DatasetImportJob job = importCsv(datasetArn, SyntheticInteractions.HEADER + ",SHIRT_COLOR", lines);
        assertThat(job.status()).isEqualTo("CREATE FAILED");
        assertThat(job.failureReason()).contains("SHIRT_COLOR");
    }

    @Test
    void rowsWithBadTimestampsAreSkippedAndTheRestImported() throws IOException {
        String groupArn = createDatasetGroup("bad-timestamps");
        String datasetArn = createInteractionsDataset(groupArn, "bad-timestamps");
        List<Interaction> good = SyntheticInteractions.generate(SEED + 1, 3_000, 150, 80, 1.0);
        Map<String, Integer> popularity = SyntheticInteractions.distinctUsersPerItem(good);
        int top = popularity.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        // Bad rows that, if imported, would make item-rejected the most popular item.
        String[] badTimestamps = {"not-a-time", "1700000000000", "-5", "12.5", ""};
        List<String> lines = new ArrayList<>();
        int bad = 0;
        for (int i = 0; i < good.size(); i++) {
            lines.add(good.get(i).csv());
            if (i % 10 == 0 && bad < top + 10) {
                lines.add(SyntheticInteractions.userId(bad + 1) + ",item-rejected," + badTimestamps[bad % badTimestamps.length]
                        + ",click");
                bad++;
            }
        }
        System.out.printf(Locale.ROOT, "Importing %d good and %d bad rows%n", good.size(), bad);

        DatasetImportJob job = importCsv(datasetArn, SyntheticInteractions.HEADER, lines);
        assertThat(job.status()).as("failure reason: %s", job.failureReason()).isEqualTo("ACTIVE");

        String solutionArn = personalize.createSolution(r -> r.name(unique("bad-timestamps")).datasetGroupArn(groupArn)
                .recipeArn(POPULARITY_COUNT)).solutionArn();
        clients.awaitSolution(solutionArn);
        SolutionVersion version = train(solutionArn);
        assertThat(version.status()).as("failure reason: %s", version.failureReason()).isEqualTo("ACTIVE");
        String campaignArn = personalize.createCampaign(r -> r.name(unique("bad-timestamps"))
                .solutionVersionArn(version.solutionVersionArn())).campaignArn();
        Campaign campaign = clients.awaitCampaign(campaignArn);
        assertThat(campaign.status()).as("failure reason: %s", campaign.failureReason()).isEqualTo("ACTIVE");

        List<String> recommended = clients.runtime().getRecommendations(r -> r.campaignArn(campaignArn).userId("user-00001")
                .numResults(10)).itemList().stream().map(PredictedItem::itemId).toList();
        assertThat(recommended).doesNotContain("item-rejected")
                .containsExactlyElementsOf(SyntheticInteractions.mostPopular(popularity, 10));
    }

    @Test
    void describingAnUnknownDatasetGroupIsResourceNotFound() {
        String known = createDatasetGroup("known");
        String unknown = known.substring(0, known.lastIndexOf('/') + 1) + unique("never-created");
        assertError(() -> personalize.describeDatasetGroup(r -> r.datasetGroupArn(unknown)),
                ResourceNotFoundException.class, "ResourceNotFoundException");
    }

    @Test
    void anUnsignedRequestIsRefusedAsMissingAuthenticationToken() throws Exception {
        HttpClient http = server.httpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .timeout(Duration.ofSeconds(30))
                .header("X-Amz-Target", "AmazonPersonalize.ListDatasetGroups")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as("status; body %s", response.body()).isBetween(400, 499);
        Matcher type = ERROR_TYPE.matcher(response.body());
        assertThat(type.find()).as("__type in %s", response.body()).isTrue();
        assertThat(type.group(1)).isEqualTo("MissingAuthenticationTokenException");
    }

    @Test
    void aWrongSecretIsAnInvalidSignatureAndCreatesNothing() {
        String name = unique("wrong-secret");
        try (Clients wrong = Clients.withCredentials(server, server.accessKeyId(),
                new StringBuilder(server.secretAccessKey()).reverse().toString())) {
            assertError(() -> wrong.personalize().listDatasetGroups(r -> { }), AwsServiceException.class,
                    "InvalidSignatureException");
            assertError(() -> wrong.personalize().createDatasetGroup(r -> r.name(name)), AwsServiceException.class,
                    "InvalidSignatureException");
        }
        assertThat(datasetGroupNames()).doesNotContain(name);
    }

    @Test
    void anUnknownAccessKeyIsAnUnrecognizedClient() {
        String name = unique("unknown-key");
        try (Clients stranger = Clients.withCredentials(server, "AKIAITTESTNOSUCHKEY9", server.secretAccessKey())) {
            assertError(() -> stranger.personalize().createDatasetGroup(r -> r.name(name)), AwsServiceException.class,
                    "UnrecognizedClientException");
        }
        assertThat(datasetGroupNames()).doesNotContain(name);
    }

    @Test
    void aDatasetGroupWithADatasetCannotBeDeleted() {
        String groupArn = createDatasetGroup("in-use");
        String datasetArn = createInteractionsDataset(groupArn, "in-use");

        assertError(() -> personalize.deleteDatasetGroup(r -> r.datasetGroupArn(groupArn)),
                ResourceInUseException.class, "ResourceInUseException");
        assertThat(personalize.describeDatasetGroup(r -> r.datasetGroupArn(groupArn)).datasetGroup().status())
                .isEqualTo("ACTIVE");
        assertThat(datasetArns(groupArn)).containsExactly(datasetArn);
    }

    @Test
    void aSecondDatasetGroupOfTheSameNameIsRefused() {
        String name = unique("duplicate");
        String arn = personalize.createDatasetGroup(r -> r.name(name)).datasetGroupArn();
        assertError(() -> personalize.createDatasetGroup(r -> r.name(name)),
                ResourceAlreadyExistsException.class, "ResourceAlreadyExistsException");
        assertThat(datasetGroups().stream().filter(g -> g.name().equals(name)).map(DatasetGroupSummary::datasetGroupArn))
                .containsExactly(arn);
    }

    // ---------------------------------------------------------------------------------------

    private <T extends AwsServiceException> T assertError(ThrowingCallable call, Class<T> type, String errorCode) {
        T e = catchThrowableOfType(type, call);
        assertThat(e).as("expected %s (%s)", type.getSimpleName(), errorCode).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).as("error code; message: %s", e.getMessage()).isEqualTo(errorCode);
        assertThat(e.statusCode()).as("HTTP status").isBetween(400, 499);
        return e;
    }

    private String unique(String name) {
        return name + "-" + suffix + "-" + counter.incrementAndGet();
    }

    private String createDatasetGroup(String name) {
        String arn = personalize.createDatasetGroup(r -> r.name(unique(name))).datasetGroupArn();
        assertThat(clients.awaitDatasetGroup(arn).status()).isEqualTo("ACTIVE");
        return arn;
    }

    private String createInteractionsDataset(String groupArn, String name) {
        String schemaArn = personalize.createSchema(r -> r.name(unique(name)).schema(SyntheticInteractions.SCHEMA)).schemaArn();
        String arn = personalize.createDataset(r -> r.name(unique(name)).schemaArn(schemaArn).datasetGroupArn(groupArn)
                .datasetType("Interactions")).datasetArn();
        assertThat(clients.awaitDataset(arn).status()).isEqualTo("ACTIVE");
        return arn;
    }

    private DatasetImportJob importCsv(String datasetArn, String header, List<String> lines) throws IOException {
        Path csv = Files.createTempFile(server.dataDir().getParent(), "bad-input-", ".csv");
        SyntheticInteractions.writeCsv(csv, header, lines);
        String arn = personalize.createDatasetImportJob(r -> r.jobName(unique("import")).datasetArn(datasetArn)
                .dataSource(s -> s.dataLocation(csv.toUri().toString())).importMode(ImportMode.FULL)).datasetImportJobArn();
        return clients.awaitDatasetImportJob(arn);
    }

    private SolutionVersion train(String solutionArn) {
        String arn = personalize.createSolutionVersion(r -> r.solutionArn(solutionArn)).solutionVersionArn();
        return clients.awaitSolutionVersion(arn);
    }

    private List<String> schemaNames() {
        return StreamSupport.stream(personalize.listSchemasPaginator(r -> { }).schemas().spliterator(), false)
                .map(s -> s.name()).toList();
    }

    private List<DatasetGroupSummary> datasetGroups() {
        return StreamSupport.stream(personalize.listDatasetGroupsPaginator(r -> { }).datasetGroups().spliterator(), false)
                .toList();
    }

    private List<String> datasetGroupNames() {
        return datasetGroups().stream().map(DatasetGroupSummary::name).toList();
    }

    private List<String> datasetArns(String groupArn) {
        return StreamSupport.stream(personalize.listDatasetsPaginator(r -> r.datasetGroupArn(groupArn)).datasets()
                .spliterator(), false).map(d -> d.datasetArn()).toList();
    }
}
