package io.tastemaker.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.TastemakerServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.InvalidLookupAttributesException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTimeRangeException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.Resource;
import software.amazon.awssdk.services.personalize.model.InvalidNextTokenException;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/**
 * The audit trail through the AWS SDK's CloudTrail client ({@code LookupEvents}): a success, a
 * ResourceNotFound and a refused signature are recorded with who, what, which resource, from
 * where and how it ended; accounts see only their own records; no secret key or password reaches
 * any record; and every hash chain verifies ({@code Tastemaker.VerifyAuditTrail}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT {

    private TastemakerServer server;
    private Clients operator;
    private Clients.NewAccount first;
    private Clients.NewAccount second;
    private final Instant started = Instant.now().minusSeconds(5);

    @BeforeAll
    void start() {
        server = TastemakerServer.shared();
        operator = Clients.of(server);
        first = operator.createAccount(unique("audited"));
        second = operator.createAccount(unique("other"));
    }

    @AfterAll
    void close() {
        operator.close();
    }

    private CloudTrailClient cloudTrail(String accessKeyId, String secretAccessKey) {
        return CloudTrailClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(Clients.trusting(server))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }

    /** Every event the key's account may read that the lookup finds, all pages, newest first. */
    private List<Event> lookup(String accessKeyId, String secret, Consumer<LookupEventsRequest.Builder> request) {
        List<Event> events = new ArrayList<>();
        try (CloudTrailClient trail = cloudTrail(accessKeyId, secret)) {
            String token = null;
            do {
                String next = token;
                var page = trail.lookupEvents(r -> {
                    request.accept(r.startTime(started).maxResults(50));
                    r.nextToken(next);
                });
                events.addAll(page.events());
                token = page.nextToken();
            } while (token != null);
        }
        return events;
    }

    private List<Event> lookupAs(Clients.NewAccount account, LookupAttributeKey key, String value) {
        return lookup(account.accessKeyId(), account.secretAccessKey(),
                r -> r.lookupAttributes(a -> a.attributeKey(key).attributeValue(value)));
    }

    private static JsonObject detail(Event e) {
        try (JsonReader reader = Json.createReader(new StringReader(e.cloudTrailEvent()))) {
            return reader.readObject();
        }
    }

    @Test
    void a_success_and_a_resource_not_found_are_recorded_with_their_fields() {
        String arn;
        String missing;
        try (Clients clients = first.clients(server)) {
            arn = clients.personalize().createDatasetGroup(r -> r.name(unique("audited-group"))).datasetGroupArn();
            clients.personalize().describeDatasetGroup(r -> r.datasetGroupArn(arn));
            missing = arn + "-missing";
            assertThatThrownBy(() -> clients.personalize().describeDatasetGroup(r -> r.datasetGroupArn(missing)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }

        List<Event> described = lookupAs(first, LookupAttributeKey.EVENT_NAME, "DescribeDatasetGroup");
        Event ok = described.stream().filter(e -> e.resources().stream().map(Resource::resourceName).toList().equals(List.of(arn)))
                .findFirst().orElseThrow(() -> new AssertionError("no DescribeDatasetGroup of " + arn + " in " + described));
        assertThat(ok.username()).isEqualTo("admin");
        assertThat(ok.accessKeyId()).isEqualTo(first.accessKeyId());
        assertThat(ok.eventSource()).isEqualTo("personalize.amazonaws.com");
        assertThat(ok.readOnly()).isEqualTo("true");
        assertThat(ok.resources().get(0).resourceType()).isEqualTo("dataset-group");
        assertThat(ok.eventTime()).isAfter(started);
        JsonObject okDetail = detail(ok);
        assertThat(okDetail.getJsonObject("userIdentity").getString("accountId")).isEqualTo(first.accountId());
        assertThat(okDetail.getString("sourceIPAddress")).isEqualTo("127.0.0.1");
        assertThat(okDetail.getString("userAgent")).contains("aws-sdk-java");
        assertThat(okDetail.containsKey("errorCode")).isFalse();
        assertThat(okDetail.getJsonObject("additionalEventData").getString("outcome")).isEqualTo("Success");
        assertThat(okDetail.getJsonObject("additionalEventData").getInt("httpStatus")).isEqualTo(200);

        Event notFound = lookupAs(first, LookupAttributeKey.RESOURCE_NAME, missing).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no record of " + missing));
        assertThat(notFound.eventName()).isEqualTo("DescribeDatasetGroup");
        assertThat(notFound.username()).isEqualTo("admin");
        JsonObject notFoundDetail = detail(notFound);
        assertThat(notFoundDetail.getString("errorCode")).isEqualTo("ResourceNotFoundException");
        assertThat(notFoundDetail.getJsonObject("additionalEventData").getString("outcome")).isEqualTo("Failure");
        assertThat(notFoundDetail.getJsonObject("additionalEventData").getInt("httpStatus")).isEqualTo(400);

        List<Event> created = lookupAs(first, LookupAttributeKey.EVENT_NAME, "CreateDatasetGroup");
        assertThat(created).isNotEmpty().allSatisfy(e -> assertThat(e.readOnly()).isEqualTo("false"));
    }

    @Test
    void a_refused_signature_is_recorded_against_the_account_of_its_key_without_a_principal() {
        try (Clients forged = Clients.withCredentials(server, first.accessKeyId(), "x".repeat(40))) {
            assertThatThrownBy(() -> forged.personalize().listDatasetGroups(r -> { }))
                    .isInstanceOf(PersonalizeException.class)
                    .satisfies(e -> assertThat(((PersonalizeException) e).statusCode()).isEqualTo(403));
        }
        List<Event> byKey = lookupAs(first, LookupAttributeKey.ACCESS_KEY_ID, first.accessKeyId());
        Event refused = byKey.stream().filter(e -> "InvalidSignatureException".equals(detail(e).getString("errorCode", null)))
                .findFirst().orElseThrow(() -> new AssertionError("no refused signature among " + byKey));
        assertThat(refused.eventName()).isEqualTo("ListDatasetGroups");
        assertThat(refused.username()).isNull();
        JsonObject d = detail(refused);
        assertThat(d.getJsonObject("userIdentity").getString("accountId")).isEqualTo(first.accountId());
        assertThat(d.getJsonObject("additionalEventData").getInt("httpStatus")).isEqualTo(403);

        String unknownKey = "AKIA" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
        try (Clients stranger = Clients.withCredentials(server, unknownKey, "y".repeat(40))) {
            assertThatThrownBy(() -> stranger.personalize().listDatasetGroups(r -> { })).isInstanceOf(PersonalizeException.class);
        }
        List<Event> operatorView = lookup(server.accessKeyId(), server.secretAccessKey(),
                r -> r.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.ACCESS_KEY_ID).attributeValue(unknownKey)));
        assertThat(operatorView).hasSize(1);
        assertThat(detail(operatorView.get(0)).getString("errorCode")).isEqualTo("UnrecognizedClientException");
        assertThat(detail(operatorView.get(0)).getJsonObject("userIdentity").containsKey("accountId")).isFalse();
    }

    @Test
    void an_account_sees_only_its_own_records_and_the_operator_sees_all() {
        try (Clients a = first.clients(server); Clients b = second.clients(server)) {
            a.personalize().listDatasetGroups(r -> { });
            b.personalize().listDatasetGroups(r -> { });
            b.personalize().listSchemas(r -> { });
        }
        List<Event> seenBySecond = lookup(second.accessKeyId(), second.secretAccessKey(), r -> { });
        assertThat(seenBySecond).isNotEmpty().allSatisfy(e ->
                assertThat(detail(e).getString("recipientAccountId")).isEqualTo(second.accountId()));
        assertThat(seenBySecond).noneMatch(e -> first.accessKeyId().equals(e.accessKeyId()));
        assertThat(lookupAs(second, LookupAttributeKey.ACCESS_KEY_ID, first.accessKeyId())).isEmpty();
        assertThat(lookupAs(first, LookupAttributeKey.ACCESS_KEY_ID, second.accessKeyId())).isEmpty();

        List<Event> seenByOperator = lookup(server.accessKeyId(), server.secretAccessKey(),
                r -> r.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.ACCESS_KEY_ID).attributeValue(second.accessKeyId())));
        assertThat(seenByOperator).extracting(Event::eventName).contains("ListDatasetGroups", "ListSchemas");
    }

    @Test
    void no_secret_key_or_password_reaches_any_record() {
        try (Clients a = first.clients(server)) {
            assertThatThrownBy(() -> a.personalize().listDatasetGroups(r -> r.nextToken(first.secretAccessKey())))
                    .isInstanceOf(InvalidNextTokenException.class);
            try {
                a.personalize().createDatasetGroup(r -> r.name(unique("g")).roleArn(first.adminPassword()));
            } catch (PersonalizeException refused) {
                // Refused or not, the password went over the wire in the body; it must not be recorded.
            }
        }
        try (Clients wrong = Clients.withCredentials(server, first.accessKeyId(), first.adminPassword() + "x".repeat(20))) {
            assertThatThrownBy(() -> wrong.personalize().listDatasetGroups(r -> { })).isInstanceOf(PersonalizeException.class);
        }
        List<Event> all = lookup(server.accessKeyId(), server.secretAccessKey(), r -> { });
        assertThat(all.size()).isGreaterThan(5);
        String everything = all.toString() + all.stream().map(Event::cloudTrailEvent).toList();
        assertThat(everything).contains(first.accessKeyId())
                .doesNotContain(first.secretAccessKey())
                .doesNotContain(first.adminPassword())
                .doesNotContain(second.secretAccessKey())
                .doesNotContain(second.adminPassword())
                .doesNotContain(server.secretAccessKey())
                .doesNotContain(server.adminPassword())
                .doesNotContain("Signature=");
    }

    @Test
    void bad_lookups_are_refused_with_cloudtrail_error_names() {
        try (CloudTrailClient trail = cloudTrail(first.accessKeyId(), first.secretAccessKey())) {
            assertThatThrownBy(() -> trail.lookupEvents(r -> r.startTime(Instant.now()).endTime(Instant.now().minusSeconds(60))))
                    .isInstanceOf(InvalidTimeRangeException.class);
            assertThatThrownBy(() -> trail.lookupEvents(r -> r.lookupAttributes(
                    a -> a.attributeKey(LookupAttributeKey.READ_ONLY).attributeValue("true"))))
                    .isInstanceOf(InvalidLookupAttributesException.class);
        }
    }

    @Test
    void every_chain_verifies() {
        try (Clients a = first.clients(server)) {
            a.personalize().listDatasetGroups(r -> { });
            JsonObject own = a.operatorJson("VerifyAuditTrail", "{}");
            assertThat(own.getBoolean("intact")).isTrue();
            assertThat(own.getJsonArray("chains")).hasSize(1);
            JsonObject chain = own.getJsonArray("chains").getJsonObject(0);
            assertThat(chain.getString("chainId")).isEqualTo(first.accountId());
            assertThat(chain.getJsonNumber("checked").longValue()).isGreaterThanOrEqualTo(1);
            assertThat(chain.getString("headHash")).matches("[0-9a-f]{64}");
            assertThat(a.signedJson("tastemaker", "Tastemaker.VerifyAuditTrail",
                    "{\"chainId\":\"" + second.accountId() + "\"}").body()).contains("AccessDeniedException");
        }
        JsonObject all = operator.operatorJson("VerifyAuditTrail", "{}");
        assertThat(all.getBoolean("intact")).as(all.toString()).isTrue();
        assertThat(all.getJsonArray("chains").getValuesAs(JsonObject.class)).extracting(c -> c.getString("chainId"))
                .contains(first.accountId(), second.accountId(), operatorAccountId());
    }

    private String operatorAccountId() {
        return operator.operatorJson("ListAccounts", "{}").getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getBoolean("operator")).map(a -> a.getString("accountId")).findFirst().orElseThrow();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
