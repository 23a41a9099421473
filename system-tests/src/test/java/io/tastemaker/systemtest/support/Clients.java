package io.tastemaker.systemtest.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.Dataset;
import software.amazon.awssdk.services.personalize.model.DatasetGroup;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;
import software.amazon.awssdk.services.personalize.model.EventTracker;
import software.amazon.awssdk.services.personalize.model.Solution;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;
import software.amazon.awssdk.services.personalizeevents.PersonalizeEventsClient;
import software.amazon.awssdk.services.personalizeruntime.PersonalizeRuntimeClient;

/**
 * The official AWS SDK clients, pointed at a {@link TastemakerServer} with {@code endpointOverride}
 * (HTTPS, trusting the server's generated certificate and nothing else), region
 * {@code us-east-1} (IAM: the global region) and static credentials. Retries are off, so that a test sees each
 * answer of the server exactly once; every call has a deadline.
 *
 * <p>Also: waiting for a resource to leave its {@code CREATE PENDING}/{@code CREATE IN_PROGRESS}
 * state. The {@code await*} methods return the last description, whatever its final status, so
 * that the test asserts the status it expects.
 */
public final class Clients implements AutoCloseable {

    /** Imports and training of the flow test's 120,000 interactions stay well below this on two cores. */
    public static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);
    /** Resources that involve no data work. */
    public static final Duration RESOURCE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

    private final URI endpoint;
    private final HttpClient http;
    private final StaticCredentialsProvider credentials;
    private final PersonalizeClient personalize;
    private final PersonalizeRuntimeClient runtime;
    private final PersonalizeEventsClient events;
    private final IamClient iam;
    private final KmsClient kms;

    private Clients(TastemakerServer server, String accessKeyId, String secretAccessKey) {
        endpoint = server.endpoint();
        http = server.httpClient();
        credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        ClientOverrideConfiguration config = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(CALL_TIMEOUT)
                .build();
        personalize = PersonalizeClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(trusting(server))
                .overrideConfiguration(config).build();
        runtime = PersonalizeRuntimeClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(trusting(server))
                .overrideConfiguration(config).build();
        events = PersonalizeEventsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(trusting(server))
                .overrideConfiguration(config).build();
        iam = IamClient.builder().endpointOverride(server.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(credentials).httpClientBuilder(trusting(server))
                .overrideConfiguration(config).build();
        kms = KmsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClientBuilder(trusting(server))
                .overrideConfiguration(config).build();
    }

    /**
     * The SDK's HTTP client for any AWS SDK client of the tests (e.g. {@code IamClient}): it
     * trusts the server's certificate and no other.
     */
    public static UrlConnectionHttpClient.Builder trusting(TastemakerServer server) {
        ServerCertificate certificate = server.certificate();
        return UrlConnectionHttpClient.builder().tlsTrustManagersProvider(certificate::trustManagers);
    }

    /** Clients signing as the server's operator. */
    public static Clients of(TastemakerServer server) {
        return new Clients(server, server.accessKeyId(), server.secretAccessKey());
    }

    /** Clients signing with the given credentials, which the server may well refuse. */
    public static Clients withCredentials(TastemakerServer server, String accessKeyId, String secretAccessKey) {
        return new Clients(server, accessKeyId, secretAccessKey);
    }

    public PersonalizeClient personalize() {
        return personalize;
    }

    public PersonalizeRuntimeClient runtime() {
        return runtime;
    }

    public PersonalizeEventsClient events() {
        return events;
    }

    /** IAM (its Query protocol, signed for the global region), acting inside these credentials' account. */
    public IamClient iam() {
        return iam;
    }

    /** AWS KMS ({@code TrentService}, signed for {@code kms}) on the same endpoint. */
    public KmsClient kms() {
        return kms;
    }

    /** The access key id these clients sign with. */
    public String accessKeyId() {
        return credentials.resolveCredentials().accessKeyId();
    }

    /** The secret access key these clients sign with (for tools such as the AWS CLI). */
    public String secretAccessKey() {
        return credentials.resolveCredentials().secretAccessKey();
    }

    public DatasetGroup awaitDatasetGroup(String arn) {
        return Awaits.until("dataset group " + arn, RESOURCE_TIMEOUT,
                () -> personalize.describeDatasetGroup(r -> r.datasetGroupArn(arn)).datasetGroup(),
                g -> Awaits.isTerminal(g.status()), g -> statusOf(g.status(), g.failureReason()));
    }

    public Dataset awaitDataset(String arn) {
        return Awaits.until("dataset " + arn, RESOURCE_TIMEOUT,
                () -> personalize.describeDataset(r -> r.datasetArn(arn)).dataset(),
                d -> Awaits.isTerminal(d.status()), d -> statusOf(d.status(), null));
    }

    public DatasetImportJob awaitDatasetImportJob(String arn) {
        return Awaits.until("dataset import job " + arn, JOB_TIMEOUT,
                () -> personalize.describeDatasetImportJob(r -> r.datasetImportJobArn(arn)).datasetImportJob(),
                j -> Awaits.isTerminal(j.status()), j -> statusOf(j.status(), j.failureReason()));
    }

    public Solution awaitSolution(String arn) {
        return Awaits.until("solution " + arn, RESOURCE_TIMEOUT,
                () -> personalize.describeSolution(r -> r.solutionArn(arn)).solution(),
                s -> Awaits.isTerminal(s.status()), s -> statusOf(s.status(), null));
    }

    public SolutionVersion awaitSolutionVersion(String arn) {
        return Awaits.until("solution version " + arn, JOB_TIMEOUT,
                () -> personalize.describeSolutionVersion(r -> r.solutionVersionArn(arn)).solutionVersion(),
                v -> Awaits.isTerminal(v.status()), v -> statusOf(v.status(), v.failureReason()));
    }

    public Campaign awaitCampaign(String arn) {
        return Awaits.until("campaign " + arn, RESOURCE_TIMEOUT,
                () -> personalize.describeCampaign(r -> r.campaignArn(arn)).campaign(),
                c -> Awaits.isTerminal(c.status()), c -> statusOf(c.status(), c.failureReason()));
    }

    /** Waits for the campaign's {@code latestCampaignUpdate} to reach a final status. */
    public Campaign awaitCampaignUpdate(String arn) {
        return Awaits.until("update of campaign " + arn, RESOURCE_TIMEOUT,
                () -> personalize.describeCampaign(r -> r.campaignArn(arn)).campaign(),
                c -> c.latestCampaignUpdate() != null && Awaits.isTerminal(c.latestCampaignUpdate().status()),
                c -> c.latestCampaignUpdate() == null ? "no latestCampaignUpdate (campaign " + statusOf(c.status(),
                        c.failureReason()) + ")" : statusOf(c.latestCampaignUpdate().status(),
                        c.latestCampaignUpdate().failureReason()));
    }

    public EventTracker awaitEventTracker(String arn) {
        return Awaits.until("event tracker " + arn, RESOURCE_TIMEOUT,
                () -> personalize.describeEventTracker(r -> r.eventTrackerArn(arn)).eventTracker(),
                t -> Awaits.isTerminal(t.status()), t -> statusOf(t.status(), null));
    }

    /** A solution with one ACTIVE version deployed in an ACTIVE campaign. */
    public record Deployment(String solutionArn, String solutionVersionArn, String campaignArn) {
    }

    /**
     * Creates a solution of {@code recipeArn} named {@code name} (with the given hyperparameters),
     * trains a version and deploys it in a campaign of the same name.
     *
     * @throws IllegalStateException naming the failure reason if the version or the campaign does
     *     not become ACTIVE
     */
    public Deployment trainAndDeploy(String datasetGroupArn, String recipeArn, String name,
            Map<String, String> hyperParameters) {
        String solution = personalize.createSolution(r -> r.name(name).datasetGroupArn(datasetGroupArn).recipeArn(recipeArn)
                .solutionConfig(c -> c.algorithmHyperParameters(hyperParameters))).solutionArn();
        awaitSolution(solution);
        String version = personalize.createSolutionVersion(r -> r.solutionArn(solution)).solutionVersionArn();
        SolutionVersion trained = awaitSolutionVersion(version);
        if (!"ACTIVE".equals(trained.status())) {
            throw new IllegalStateException("Solution version of " + name + " ended " + trained.status() + ": "
                    + trained.failureReason());
        }
        String campaign = personalize.createCampaign(r -> r.name(name).solutionVersionArn(version)).campaignArn();
        Campaign deployed = awaitCampaign(campaign);
        if (!"ACTIVE".equals(deployed.status())) {
            throw new IllegalStateException("Campaign " + name + " ended " + deployed.status() + ": "
                    + deployed.failureReason());
        }
        return new Deployment(solution, version, campaign);
    }

    /**
     * Calls a control-plane operation with a SigV4-signed JSON body and returns the response body
     * as it came over the wire, for members the SDK's model does not carry (Tastemaker's
     * extensions, such as DescribeSolutionVersion's {@code trainingProgress}).
     *
     * @throws IllegalStateException if the server answers with a status other than 200
     */
    public JsonObject controlPlaneJson(String operation, String jsonBody) {
        return json("personalize", "AmazonPersonalize." + operation, jsonBody);
    }

    /**
     * Calls one of Tastemaker's operator operations ({@code X-Amz-Target: Tastemaker.<operation>},
     * signed for service {@code tastemaker}), e.g. CreateAccount.
     *
     * @throws IllegalStateException if the server answers with a status other than 200
     */
    public JsonObject operatorJson(String operation, String jsonBody) {
        return json("tastemaker", "Tastemaker." + operation, jsonBody);
    }

    /**
     * Creates a new account as the operator; these clients must sign as the operator. Returns
     * clients that sign with the new account's administrator key.
     */
    public NewAccount createAccount(String accountName) {
        JsonObject created = operatorJson("CreateAccount",
                Json.createObjectBuilder().add("accountName", accountName).build().toString());
        return new NewAccount(created.getString("accountId"), created.getString("accessKeyId"),
                created.getString("secretAccessKey"), created.getString("adminPassword"));
    }

    /** An account made by {@link #createAccount}: its id, its admin's access key and console password. */
    public record NewAccount(String accountId, String accessKeyId, String secretAccessKey, String adminPassword) {

        public Clients clients(TastemakerServer server) {
            return withCredentials(server, accessKeyId, secretAccessKey);
        }
    }

    /**
     * A SigV4-signed JSON 1.1 call: {@code POST /} with the given {@code X-Amz-Target}, signed for
     * the given service in us-east-1.
     *
     * @throws IllegalStateException if the server answers with a status other than 200
     */
    public JsonObject json(String signingService, String target, String jsonBody) {
        HttpResponse<String> response = signedJson(signingService, target, jsonBody);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(target + " answered " + response.statusCode() + ": " + response.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** As {@link #json}, but returns the response whatever its status. */
    public HttpResponse<String> signedJson(String signingService, String target, String jsonBody) {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", target)
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials.resolveCredentials())
                .request(request).payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingService));
        HttpRequest.Builder http = HttpRequest.newBuilder(signed.request().getUri()).timeout(CALL_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> http.header(name, value));
            }
        });
        try {
            return this.http.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + target, e);
        }
    }

    private static String statusOf(String status, String failureReason) {
        return failureReason == null ? "status " + status : "status " + status + ", failureReason: " + failureReason;
    }

    @Override
    public void close() {
        personalize.close();
        runtime.close();
        events.close();
        iam.close();
        kms.close();
    }
}
