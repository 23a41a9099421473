package io.tastemaker.systemtest.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.TastemakerServer;
import io.tastemaker.systemtest.support.WireRequest;
import io.tastemaker.systemtest.support.WireRequest.Answer;
import io.tastemaker.systemtest.support.WireRequest.Signing;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.personalize.model.DatasetGroupSummary;

/**
 * Forged, stale and tampered Signature Version 4 requests, signed by the AWS SDK's own signer
 * ({@link WireRequest}) and then changed on the way, as an attacker who holds a captured request
 * or a key id but not its secret would. Each is refused with the error name and status AWS uses
 * (the verifier's, {@code io.tastemaker.security.sigv4}), and does nothing: each case asks for a
 * dataset group of its own name, and at the end the account holds exactly the groups of the cases
 * that had to succeed. A few changes that must not matter (an unsigned header added, a presigned
 * URL, a time within the allowed skew) are served, which shows the refusals are about the attack
 * and not about the harness.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class SignatureAttacksIT {

    private static final Duration BEYOND_SKEW = Duration.ofMinutes(16);
    private static final Duration WITHIN_SKEW = Duration.ofMinutes(14);
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    private TastemakerServer server;
    private Clients operator;
    private Clients.NewAccount key;
    private Clients clients;
    private String suffix;
    private String keptGroupArn;
    private final Set<String> mustExist = new LinkedHashSet<>();
    private final Set<String> mustNotExist = new LinkedHashSet<>();

    /** What the server must answer: a status, and for an error its {@code __type} and part of its message. */
    record Expected(int status, String type, String message) {
        static Expected served() {
            return new Expected(200, null, null);
        }

        static Expected refused(int status, String type, String message) {
            return new Expected(status, type, message);
        }
    }

    /** One attack: the request it sends, built from a CreateDatasetGroup of the case's own group name. */
    record Case(String name, Function<String, WireRequest> request, Expected expected) {
    }

    @BeforeAll
    void createTheAccount() {
        server = TastemakerServer.shared();
        operator = Clients.of(server);
        suffix = UUID.randomUUID().toString().substring(0, 6);
        key = operator.createAccount("sigv4-" + suffix);
        clients = key.clients(server);
        keptGroupArn = clients.personalize().createDatasetGroup(r -> r.name("kept-" + suffix)).datasetGroupArn();
    }

    @AfterAll
    void close() {
        clients.close();
        operator.close();
    }

    private Signing signing() {
        return Signing.of(key.accessKeyId(), key.secretAccessKey());
    }

    private WireRequest create(String group) {
        return WireRequest.json11(server, "AmazonPersonalize.CreateDatasetGroup",
                Json.createObjectBuilder().add("name", group).build().toString());
    }

    private List<Case> cases() {
        Signing s = signing();
        Clock now = Clock.systemUTC();
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("correctly signed", g -> create(g).signed(s), Expected.served()));
        cases.add(new Case("an unsigned header added after signing", g -> create(g).signed(s)
                .withHeader("X-Tm-Unsigned", "added later"), Expected.served()));
        cases.add(new Case("X-Amz-Date 14 minutes old", g -> create(g).signed(s.clock(Clock.offset(now,
                WITHIN_SKEW.negated()))), Expected.served()));
        cases.add(new Case("X-Amz-Date 14 minutes ahead", g -> create(g).signed(s.clock(Clock.offset(now, WITHIN_SKEW))),
                Expected.served()));
        cases.add(new Case("presigned for 5 minutes", g -> create(g).signed(s.presigned(Duration.ofMinutes(5))),
                Expected.served()));

        cases.add(new Case("X-Amz-Date 16 minutes old (a replay after the skew)", g -> create(g).signed(s.clock(
                Clock.offset(now, BEYOND_SKEW.negated()))), invalid("Signature expired")));
        cases.add(new Case("X-Amz-Date 16 minutes ahead", g -> create(g).signed(s.clock(Clock.offset(now, BEYOND_SKEW))),
                invalid("Signature not yet current")));
        cases.add(new Case("X-Amz-Date changed after signing", g -> create(g).signed(s.clock(Clock.offset(now,
                Duration.ofMinutes(-1)))).withHeader("X-Amz-Date", AMZ_DATE.format(now.instant())), invalid(SIGNATURE_MISMATCH)));
        cases.add(new Case("body changed after signing", g -> create(g).signed(s)
                .withBody("{\"name\":\"" + g + "-x\"}"), invalid("The provided 'x-amz-content-sha256' header does not match")));
        cases.add(new Case("body changed and its signed x-amz-content-sha256 recomputed", g -> create(g).signed(s)
                .withBody("{\"name\":\"" + g + "-x\"}").withHeader("x-amz-content-sha256", sha256("{\"name\":\"" + g + "-x\"}")),
                invalid(SIGNATURE_MISMATCH)));
        cases.add(new Case("body changed under a signed UNSIGNED-PAYLOAD", g -> create(g).signed(s.unsignedPayload())
                .withBody("{\"name\":\"" + g + "-x\"}"), invalid("UNSIGNED-PAYLOAD")));
        cases.add(new Case("signed Content-Type changed", g -> create(g).signed(s)
                .withHeader("Content-Type", "application/json"), invalid(SIGNATURE_MISMATCH)));
        cases.add(new Case("signed header removed (Content-Type)", g -> create(g).signed(s).withoutHeader("Content-Type"),
                incomplete("Signed header 'content-type' is not present in the request.")));
        cases.add(new Case("X-Amz-Date removed", g -> create(g).signed(s).withoutHeader("X-Amz-Date"),
                incomplete("requires existence of a 'X-Amz-Date' header")));
        cases.add(new Case("signed for region eu-west-1", g -> create(g).signed(s.region("eu-west-1")),
                invalid("Credential should be scoped to a valid region, not 'eu-west-1'")));
        cases.add(new Case("signed for kms, sent to AmazonPersonalize", g -> create(g).signed(s.service("kms")),
                invalid("Credential should be scoped to correct service: 'personalize'")));
        cases.add(new Case("signed for tastemaker, sent to AmazonPersonalize", g -> create(g).signed(s.service("tastemaker")),
                invalid("Credential should be scoped to correct service: 'personalize'")));
        cases.add(new Case("signed for personalize, target changed to TrentService", g -> create(g).signed(s)
                .withHeader("X-Amz-Target", "TrentService.CreateKey"), invalid("Credential should be scoped to correct service: 'kms'")));
        cases.add(new Case("signed for personalize, target changed to Tastemaker", g -> create(g).signed(s)
                .withHeader("X-Amz-Target", "Tastemaker.CreateAccount"),
                invalid("Credential should be scoped to correct service: 'tastemaker'")));
        cases.add(new Case("an IAM form POST signed for personalize", g -> WireRequest.json11(server, "unused", "")
                .withoutHeader("X-Amz-Target").withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withBody("Action=CreateUser&UserName=" + g + "&Version=2010-05-08").signed(s),
                Expected.refused(403, "SignatureDoesNotMatch", "Credential should be scoped to correct service: 'iam'")));
        cases.add(new Case("wrong secret", g -> create(g).signed(s.secret("x".repeat(40))), invalid(SIGNATURE_MISMATCH)));
        cases.add(new Case("the operator's key id with this account's secret", g -> create(g)
                .signed(Signing.of(server.accessKeyId(), key.secretAccessKey())), invalid(SIGNATURE_MISMATCH)));
        cases.add(new Case("unknown access key id", g -> create(g).signed(Signing.of("AKIA" + "Z".repeat(16),
                key.secretAccessKey())), Expected.refused(403, "UnrecognizedClientException", INVALID_TOKEN)));
        cases.add(new Case("an access key id of 200 characters", g -> create(g).signed(Signing.of("AKIA" + "Z".repeat(196),
                key.secretAccessKey())), Expected.refused(403, "UnrecognizedClientException", INVALID_TOKEN)));
        cases.add(new Case("a session token added and signed", g -> create(g).withHeader("X-Amz-Security-Token", "FwoGZX")
                .signed(s), Expected.refused(403, "UnrecognizedClientException", INVALID_TOKEN)));
        cases.add(new Case("no Authorization", g -> create(g), Expected.refused(403, "MissingAuthenticationTokenException",
                "Missing Authentication Token")));
        cases.add(new Case("Authorization without a signature", g -> create(g).signed(s).withHeader("Authorization",
                "AWS4-HMAC-SHA256 Credential=" + key.accessKeyId() + "/20250101/us-east-1/personalize/aws4_request"),
                incomplete("Authorization header requires 'SignedHeaders' parameter.")));
        cases.add(new Case("Authorization with another algorithm", g -> {
            WireRequest signed = create(g).signed(s);
            return signed.withHeader("Authorization", signed.header("Authorization").get(0)
                    .replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1"));
        }, incomplete("Unsupported authorization algorithm 'AWS4-HMAC-SHA1'")));
        cases.add(new Case("two Authorization headers", g -> {
            WireRequest signed = create(g).signed(s);
            return signed.addingHeader("Authorization", signed.header("Authorization").get(0));
        }, incomplete("more than one Authorization header")));
        cases.add(new Case("one hex digit of the signature changed", g -> {
            WireRequest signed = create(g).signed(s);
            String auth = signed.header("Authorization").get(0);
            char last = auth.charAt(auth.length() - 1);
            return signed.withHeader("Authorization", auth.substring(0, auth.length() - 1) + (last == '0' ? '1' : '0'));
        }, invalid(SIGNATURE_MISMATCH)));
        cases.add(new Case("Credential scope of the day before", g -> {
            WireRequest signed = create(g).signed(s);
            String day = signed.header("X-Amz-Date").get(0).substring(0, 8);
            String before = LocalDate.parse(day, DateTimeFormatter.BASIC_ISO_DATE).minusDays(1)
                    .format(DateTimeFormatter.BASIC_ISO_DATE);
            return signed.withHeader("Authorization", signed.header("Authorization").get(0).replace("/" + day + "/",
                    "/" + before + "/"));
        }, invalid("Date in Credential scope does not match")));
        cases.add(new Case("SignedHeaders without host", g -> {
            WireRequest signed = create(g).signed(s);
            return signed.withHeader("Authorization", signed.header("Authorization").get(0).replace("host;", ""));
        }, incomplete("'Host' or ':authority' must be a 'SignedHeader'")));
        cases.add(new Case("sent to another host name than signed", g -> create(g).signed(s).withHost("localhost"),
                invalid(SIGNATURE_MISMATCH)));
        cases.add(new Case("signed for POST /, sent to /events", g -> create(g).signed(s).withPath("/events"),
                invalid(SIGNATURE_MISMATCH)));
        cases.add(new Case("signed for POST /recommendations, sent to /personalize-ranking", g -> WireRequest.restJson(server,
                "/recommendations", "{\"campaignArn\":\"arn:aws:personalize:us-east-1:" + key.accountId() + ":campaign/" + g
                        + "\",\"userId\":\"u\",\"inputList\":[\"i\"]}").signed(s).withPath("/personalize-ranking"),
                invalid(SIGNATURE_MISMATCH)));
        cases.add(new Case("presigned, expired", g -> create(g).signed(s.presigned(Duration.ofSeconds(60))
                .clock(Clock.offset(now, Duration.ofMinutes(-10)))), invalid("Request has expired")));
        cases.add(new Case("presigned, X-Amz-Expires raised after signing", g -> {
            WireRequest signed = create(g).signed(s.presigned(Duration.ofSeconds(60)));
            return signed.withQuery(signed.query().replace("X-Amz-Expires=60", "X-Amz-Expires=3600"));
        }, invalid(SIGNATURE_MISMATCH)));
        cases.add(new Case("presigned, X-Amz-Expires beyond 7 days", g -> {
            WireRequest signed = create(g).signed(s.presigned(Duration.ofSeconds(60)));
            return signed.withQuery(signed.query().replace("X-Amz-Expires=60", "X-Amz-Expires=604801"));
        }, incomplete("X-Amz-Expires must be a whole number of seconds from 1 to 604800")));
        cases.add(new Case("presigned, body changed", g -> create(g).signed(s.presigned(Duration.ofMinutes(5)))
                .withBody("{\"name\":\"" + g + "-x\"}"), invalid(SIGNATURE_MISMATCH)));
        cases.add(new Case("presigned and an Authorization header", g -> {
            WireRequest header = create(g).signed(s);
            return create(g).signed(s.presigned(Duration.ofMinutes(5))).withHeader("Authorization",
                    header.header("Authorization").get(0)).withHeader("X-Amz-Date", header.header("X-Amz-Date").get(0));
        }, incomplete("Only one auth mechanism allowed")));
        return cases;
    }

    private static Expected invalid(String message) {
        return Expected.refused(403, "InvalidSignatureException", message);
    }

    private static Expected incomplete(String message) {
        return Expected.refused(400, "IncompleteSignatureException", message);
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> every_forged_or_tampered_request_is_refused_by_name() {
        List<Case> cases = cases();
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            String group = "sig-" + suffix + "-" + (cases.indexOf(c) + 1);
            Answer answer = c.request().apply(group).send();
            Expected expected = c.expected();
            assertThat(answer.status()).as("%s: %s", c.name(), answer).isEqualTo(expected.status());
            if (expected.status() == 200) {
                mustExist.add(group);
                return;
            }
            mustNotExist.add(group);
            mustNotExist.add(group + "-x");
            assertThat(answer.errorType()).as(c.name()).isEqualTo(expected.type());
            assertThat(answer.message()).as(c.name()).contains(expected.message());
            assertThat(answer.message()).as("%s: the answer names no secret", c.name())
                    .doesNotContain(key.secretAccessKey()).doesNotContain(server.secretAccessKey());
        }));
    }

    @Test
    @Order(2)
    void a_signed_operation_cannot_be_turned_into_another() {
        String describe = Json.createObjectBuilder().add("datasetGroupArn", keptGroupArn).build().toString();
        WireRequest signed = WireRequest.json11(server, "AmazonPersonalize.DescribeDatasetGroup", describe).signed(signing());
        assertThat(signed.send().status()).isEqualTo(200);
        Answer swapped = signed.withHeader("X-Amz-Target", "AmazonPersonalize.DeleteDatasetGroup").send();
        assertThat(swapped.status()).isEqualTo(403);
        assertThat(swapped.errorType()).isEqualTo("InvalidSignatureException");
        Answer replayed = signed.send();
        assertThat(replayed.status()).as("a replay within the skew is served, as by AWS; it only describes").isEqualTo(200);
        assertThat(clients.personalize().describeDatasetGroup(r -> r.datasetGroupArn(keptGroupArn)).datasetGroup().status())
                .isEqualTo("ACTIVE");
    }

    @Test
    @Order(3)
    void a_suspended_accounts_key_is_unrecognized_until_it_is_resumed() {
        Clients.NewAccount suspended = operator.createAccount("sigv4-suspended-" + suffix);
        Signing theirs = Signing.of(suspended.accessKeyId(), suspended.secretAccessKey());
        String before = "before-" + suffix;
        assertThat(create(before).signed(theirs).send().status()).isEqualTo(200);
        operator.operatorJson("SuspendAccount", "{\"accountId\":\"" + suspended.accountId() + "\"}");
        String during = "during-" + suffix;
        Answer refused = create(during).signed(theirs).send();
        Answer presigned = create(during).signed(theirs.presigned(Duration.ofMinutes(5))).send();
        operator.operatorJson("ResumeAccount", "{\"accountId\":\"" + suspended.accountId() + "\"}");

        for (Answer answer : List.of(refused, presigned)) {
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.errorType()).isEqualTo("UnrecognizedClientException");
            assertThat(answer.message()).isEqualTo(INVALID_TOKEN);
        }
        try (Clients resumed = suspended.clients(server)) {
            assertThat(resumed.personalize().listDatasetGroups(r -> { }).datasetGroups())
                    .extracting(DatasetGroupSummary::name).containsExactly(before);
        }
    }

    @Test
    @Order(4)
    void the_refused_requests_changed_nothing() {
        Set<String> names = new LinkedHashSet<>();
        clients.personalize().listDatasetGroupsPaginator(r -> { }).datasetGroups().forEach(g -> names.add(g.name()));
        assertThat(mustExist).hasSize(5);
        assertThat(names).containsAll(mustExist).contains("kept-" + suffix);
        assertThat(names).doesNotContainAnyElementsOf(mustNotExist);
        assertThat(names).hasSize(mustExist.size() + 1);
        System.out.printf(Locale.ROOT, "SignatureAttacksIT: %d requests served, %d refused, the account holds %s%n",
                mustExist.size(), mustNotExist.size() / 2, names);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
