package io.tastemaker.security.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SERVICE = "personalize";
    private static final String REGION = "us-west-2";
    private static final String HOST = "personalize-runtime.us-west-2.amazonaws.com";
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String INACTIVE_KEY_ID = "AKIAI44QH8DHBEXAMPLE";
    private static final String INACTIVE_SECRET = "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY";
    private static final String RECOMMENDATIONS_BODY = "{\"campaignArn\":\"arn:aws:personalize:"
            + "us-west-2:123456789012:campaign/movies\",\"userId\":\"u-42\",\"numResults\":25}";

    private static final Map<String, Credential> STORE = Map.of(
            KEY_ID, new Credential(KEY_ID, SECRET, "123456789012", "admin", true),
            INACTIVE_KEY_ID,
            new Credential(INACTIVE_KEY_ID, INACTIVE_SECRET, "123456789012", "retired", false));
    private static final SecretLookup LOOKUP = id -> Optional.ofNullable(STORE.get(id));

    private final SigV4Verifier verifier = verifierAt(CLOCK);
    private final SigV4Signer signer = new SigV4Signer(CLOCK, REGION, SERVICE);

    private static SigV4Verifier verifierAt(Clock clock) {
        return new SigV4Verifier(clock, SigV4Verifier.DEFAULT_ALLOWED_SKEW, LOOKUP, SERVICE);
    }

    private static SignedRequest jsonPost(String path, String target, String json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(HOST));
        headers.put("Content-Type", List.of("application/x-amz-json-1.1"));
        headers.put("X-Amz-Target", List.of(target));
        headers.put("User-Agent", List.of("aws-sdk-java/2.40.2"));
        return SignedRequest.of("POST", path, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    private static SignedRequest recommendations() {
        return jsonPost("/recommendations", "AmazonPersonalizeRuntime.GetRecommendations",
                RECOMMENDATIONS_BODY);
    }

    private SignedRequest signedRecommendations() {
        SignedRequest request = recommendations();
        return signer.sign(request, KEY_ID, SECRET).applyTo(request);
    }

    private SigV4Exception refusal(SignedRequest request) {
        return refusal(verifier, request);
    }

    private static SigV4Exception refusal(SigV4Verifier verifier, SignedRequest request) {
        SigV4Exception refused =
                catchThrowableOfType(SigV4Exception.class, () -> verifier.verify(request));
        assertThat(refused).as("the verifier refuses %s", request).isNotNull();
        return refused;
    }

    private static void assertRefusal(
            SigV4Exception refused, String errorName, int status, String messagePart) {
        assertThat(refused.errorName()).as(refused.getMessage()).isEqualTo(errorName);
        assertThat(refused.httpStatus()).isEqualTo(status);
        assertThat(refused.getMessage()).contains(messagePart);
    }

    /** AWS's published test suite, verified end to end. */
    @Nested
    class PublishedSuite {

        private final SigV4Verifier suiteVerifier = new SigV4Verifier(
                AwsTestSuite.CLOCK,
                id -> id.equals(AwsTestSuite.ACCESS_KEY_ID)
                        ? Optional.of(new Credential(id, AwsTestSuite.SECRET, "000000000000", "suite", true))
                        : Optional.empty(),
                "service");

        static List<AwsTestSuite.Case> withoutSessionToken() {
            return AwsTestSuite.cases().stream()
                    .filter(c -> !c.name().startsWith("post-sts"))
                    .toList();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("withoutSessionToken")
        void accepts_the_published_authorization_header(AwsTestSuite.Case vector) {
            SignedRequest request =
                    vector.request().withHeader("Authorization", vector.authorization());

            assertThat(suiteVerifier.verify(request).principalName()).isEqualTo("suite");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("withoutSessionToken")
        void refuses_the_published_request_with_one_signature_digit_changed(AwsTestSuite.Case vector) {
            String signature = vector.signature();
            String changed = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
            SignedRequest request = vector.request().withHeader(
                    "Authorization", vector.authorization().replace(signature, changed));

            assertRefusal(refusal(suiteVerifier, request), "InvalidSignatureException", 403,
                    SigV4Verifier.MISMATCH_MESSAGE);
        }

        @Test
        void our_signer_produces_the_published_authorization_header() {
            SigV4Signer suiteSigner = new SigV4Signer(AwsTestSuite.CLOCK, "us-east-1", "service");
            AwsTestSuite.Case vanilla = AwsTestSuite.named("get-vanilla");
            SignedRequest request = SignedRequest.of(
                    "GET", "/", Map.of("Host", List.of(AwsTestSuite.HOST)), null);

            SigV4Signer.SignatureHeaders headers =
                    suiteSigner.sign(request, AwsTestSuite.ACCESS_KEY_ID, AwsTestSuite.SECRET);

            assertThat(headers.authorization()).isEqualTo(vanilla.authorization());
            assertThat(headers.amzDate()).isEqualTo(AwsTestSuite.AMZ_DATE);
        }

        @Test
        void our_signer_signs_a_form_post_as_published() {
            SigV4Signer suiteSigner = new SigV4Signer(AwsTestSuite.CLOCK, "us-east-1", "service");
            AwsTestSuite.Case form = AwsTestSuite.named("post-x-www-form-urlencoded");
            SignedRequest request = SignedRequest.of("POST", "/", Map.of(
                            "Host", List.of(AwsTestSuite.HOST),
                            "Content-Type", List.of("application/x-www-form-urlencoded")),
                    "Param1=value1".getBytes(StandardCharsets.UTF_8));

            assertThat(suiteSigner.sign(request, AwsTestSuite.ACCESS_KEY_ID, AwsTestSuite.SECRET)
                    .authorization()).isEqualTo(form.authorization());
        }
    }

    /** Requests signed by the AWS SDK for Java 2.x, verified by us. */
    @Nested
    class SdkInteroperability {

        private static final long BASE_SEED = 0x7A57E3A4E5L;
        private static final int RANDOM_REQUESTS = 200;
        private static final String SEGMENT_CHARS =
                "abcXYZ019-_.~ +=:@,;$!*'()&%\u00e9\u1234\uD83D\uDE00";
        private static final String VALUE_CHARS =
                "abcXYZ019-_.~ +=:@,;/?$!*'()&%#[]\u00e9\u1234";
        private static final List<String> REGIONS =
                List.of("us-east-1", "us-west-2", "eu-central-1", "ap-southeast-2", "local");

        private final AwsV4HttpSigner sdk = AwsV4HttpSigner.create();

        private software.amazon.awssdk.http.auth.spi.signer.SignedRequest sdkSign(
                SdkHttpRequest request, byte[] body, String region,
                Consumer<SignRequest.Builder<AwsCredentialsIdentity>> more) {
            return sdk.sign(r -> {
                r.identity(AwsCredentialsIdentity.create(KEY_ID, SECRET))
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK);
                more.accept(r);
            });
        }

        private SignedRequest sdkSigned(SdkHttpRequest request, byte[] body, String region) {
            return asReceived(sdkSign(request, body, region, r -> { }).request(), body);
        }

        private SignedRequest asReceived(SdkHttpRequest signed, byte[] body) {
            return new SignedRequest(signed.method().name(), signed.encodedPath(),
                    signed.encodedQueryParameters().orElse(""), signed.headers(), body);
        }

        private SdkHttpRequest.Builder post(String path, String target) {
            return SdkHttpRequest.builder()
                    .method(SdkHttpMethod.POST)
                    .protocol("https")
                    .host(HOST)
                    .encodedPath(path)
                    .putHeader("Content-Type", "application/x-amz-json-1.1")
                    .putHeader("X-Amz-Target", target);
        }

        @Test
        void verifies_a_create_dataset_group_call_on_the_root_path() {
            byte[] body = "{\"name\":\"movies\",\"domain\":\"VIDEO_ON_DEMAND\"}"
                    .getBytes(StandardCharsets.UTF_8);
            SdkHttpRequest request = post("/", "AmazonPersonalize.CreateDatasetGroup").build();

            assertThat(verifier.verify(sdkSigned(request, body, REGION)).accessKeyId())
                    .isEqualTo(KEY_ID);
        }

        @Test
        void verifies_a_get_recommendations_call() {
            byte[] body = RECOMMENDATIONS_BODY.getBytes(StandardCharsets.UTF_8);
            SdkHttpRequest request =
                    post("/recommendations", "AmazonPersonalizeRuntime.GetRecommendations").build();

            assertThat(verifier.verify(sdkSigned(request, body, REGION)).principalName())
                    .isEqualTo("admin");
        }

        @Test
        void verifies_a_put_events_call() {
            byte[] body = ("{\"trackingId\":\"8e3f0b5c-3c1a-4c55-9d6e-0f0d3b0e8a11\",\"userId\":"
                    + "\"u-42\",\"sessionId\":\"s-1\",\"eventList\":[{\"eventType\":\"watch\","
                    + "\"itemId\":\"m-\u00e9t\u00e9\",\"sentAt\":1.7408236E9}]}")
                    .getBytes(StandardCharsets.UTF_8);
            SdkHttpRequest request = post("/events", "AmazonPersonalizeEvents.PutEvents").build();

            assertThat(verifier.verify(sdkSigned(request, body, "eu-central-1")).accountId())
                    .isEqualTo("123456789012");
        }

        @Test
        void verifies_a_request_the_sdk_presigned_in_its_query_string() {
            SdkHttpRequest request = SdkHttpRequest.builder()
                    .method(SdkHttpMethod.GET).protocol("https").host(HOST)
                    .encodedPath("/recommendations")
                    .putRawQueryParameter("userId", "u 42")
                    .build();
            SdkHttpRequest presigned = sdkSign(request, new byte[0], REGION, r -> r
                    .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION,
                            AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                    .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5)))
                    .request();
            SignedRequest received = asReceived(presigned, new byte[0]);

            assertThat(received.header("authorization")).isEmpty();
            assertThat(verifier.verify(received).accessKeyId()).isEqualTo(KEY_ID);
            assertRefusal(refusal(verifierAt(Clock.offset(CLOCK, Duration.ofMinutes(6))), received),
                    "InvalidSignatureException", 403, "Request has expired");
            assertRefusal(refusal(received.withBody(new byte[] {1})), "InvalidSignatureException",
                    403, SigV4Verifier.MISMATCH_MESSAGE);
        }

        @Test
        void refuses_an_unsigned_payload_which_would_let_anyone_change_the_body() {
            byte[] body = RECOMMENDATIONS_BODY.getBytes(StandardCharsets.UTF_8);
            SdkHttpRequest request = post("/recommendations", "AmazonPersonalizeRuntime.X")
                    .putHeader("x-amz-content-sha256", CanonicalRequest.UNSIGNED_PAYLOAD)
                    .build();
            SignedRequest received = asReceived(sdkSign(request, body, REGION, r -> r
                    .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)).request(), body);

            assertThat(received.firstHeader("x-amz-content-sha256"))
                    .contains(CanonicalRequest.UNSIGNED_PAYLOAD);
            assertRefusal(refusal(received), "InvalidSignatureException", 403, "only for S3");
            assertRefusal(refusal(received.withBody(new byte[] {1, 2, 3})), "InvalidSignatureException",
                    403, "only for S3");
        }

        @ParameterizedTest(name = "{0}")
        // Not "/../a": java.net.URI keeps a leading "..", where RFC 3986 and botocore drop it.
        @ValueSource(strings = {
                "/a/./b", "/a/b/../c", "/a/b/", "/a/b/..", "/a/b/.", "/a/b/../", "/a//b", "//a",
                "/a/%2E%2E/b"})
        void agrees_with_the_sdk_on_paths_with_dot_segments_and_empty_segments(String path) {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            SdkHttpRequest request = post(path, "AmazonPersonalize.ListCampaigns").build();

            assertThat(verifier.verify(sdkSigned(request, body, REGION)).accessKeyId())
                    .isEqualTo(KEY_ID);
        }

        @Test
        void verifies_random_requests_the_sdk_signed() {
            for (int i = 0; i < RANDOM_REQUESTS; i++) {
                long seed = BASE_SEED + i;
                Random random = new Random(seed);
                byte[] body = randomText(random, random.nextInt(3) == 0 ? 0 : random.nextInt(2000))
                        .getBytes(StandardCharsets.UTF_8);
                SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                        .method(random.nextBoolean() ? SdkHttpMethod.POST : SdkHttpMethod.GET)
                        .protocol("https")
                        .host(random.nextBoolean() ? HOST : "localhost")
                        .port(random.nextBoolean() ? 443 : 8181)
                        .encodedPath(randomPath(random))
                        .putHeader("Content-Type", "application/x-amz-json-1.1");
                int headers = random.nextInt(4);
                for (int h = 0; h < headers; h++) {
                    request.appendHeader("X-Tm-Test-" + random.nextInt(3), randomValue(random));
                }
                int parameters = random.nextInt(4);
                for (int p = 0; p < parameters; p++) {
                    request.appendRawQueryParameter(randomValue(random), randomValue(random));
                }
                String region = REGIONS.get(random.nextInt(REGIONS.size()));
                SignedRequest received = sdkSigned(request.build(), body, region);

                assertThat(verifier.verify(received).accessKeyId())
                        .as("seed %d, request %s", seed, received)
                        .isEqualTo(KEY_ID);
                if (body.length > 0) {
                    byte[] tampered = body.clone();
                    tampered[random.nextInt(tampered.length)] ^= 0x20;
                    assertThat(refusal(received.withBody(tampered)).errorName())
                            .as("seed %d, tampered body", seed)
                            .isEqualTo("InvalidSignatureException");
                }
            }
        }

        private String randomPath(Random random) {
            int segments = random.nextInt(5);
            StringBuilder path = new StringBuilder();
            for (int s = 0; s < segments; s++) {
                String segment;
                do {
                    segment = randomText(random, 1 + random.nextInt(8), SEGMENT_CHARS);
                } while (segment.equals(".") || segment.equals(".."));
                path.append('/').append(SdkHttpUtils.urlEncode(segment));
            }
            if (path.length() == 0 || random.nextInt(4) == 0) {
                path.append('/');
            }
            return path.toString();
        }

        private String randomValue(Random random) {
            String value = randomText(random, random.nextInt(12), VALUE_CHARS);
            return value.isBlank() ? "v" + value : value;
        }

        private String randomText(Random random, int length) {
            return randomText(random, length, VALUE_CHARS + "{}\"\n\t\\");
        }

        private String randomText(Random random, int length, String alphabet) {
            int[] codePoints = alphabet.codePoints().toArray();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
            }
            return text.toString();
        }
    }

    /** Our own signer against our own verifier. */
    @Nested
    class OwnSigner {

        @Test
        void accepts_what_it_signed() {
            Credential caller = verifier.verify(signedRecommendations());

            assertThat(caller.accessKeyId()).isEqualTo(KEY_ID);
            assertThat(caller.principalName()).isEqualTo("admin");
        }

        @Test
        void signs_every_header_but_the_ones_proxies_rewrite() {
            String authorization = signer.sign(recommendations(), KEY_ID, SECRET).authorization();

            assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=" + KEY_ID
                    + "/20250301/us-west-2/personalize/aws4_request, "
                    + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=");
        }

        @Test
        void accepts_changes_to_unsigned_headers() {
            SignedRequest request = signedRecommendations().withHeader("User-Agent", "curl/8.0");

            assertThat(verifier.verify(request).accessKeyId()).isEqualTo(KEY_ID);
        }

        @Test
        void accepts_a_declared_payload_hash_that_matches_the_body() {
            SignedRequest request = recommendations().withHeader("x-amz-content-sha256",
                    CanonicalRequest.payloadHash(RECOMMENDATIONS_BODY.getBytes(StandardCharsets.UTF_8)));
            SignedRequest signed = signer.sign(request, KEY_ID, SECRET).applyTo(request);

            assertThat(verifier.verify(signed).accessKeyId()).isEqualTo(KEY_ID);
        }

        @Test
        void accepts_a_signature_at_the_edges_of_the_allowed_skew() {
            SignedRequest request = signedRecommendations();
            Duration skew = SigV4Verifier.DEFAULT_ALLOWED_SKEW;

            assertThat(verifierAt(Clock.offset(CLOCK, skew)).verify(request)).isNotNull();
            assertThat(verifierAt(Clock.offset(CLOCK, skew.negated())).verify(request)).isNotNull();
        }

        @Test
        void requires_a_host_header_to_sign() {
            SignedRequest request = SignedRequest.of("GET", "/", Map.of(), null);

            assertThatThrownBy(() -> signer.sign(request, KEY_ID, SECRET))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Host");
        }
    }

    /** Every way a request is refused, with the error AWS gives. */
    @Nested
    class Refusals {

        private SignedRequest withAuthorization(String authorization) {
            return signedRecommendations().withHeader("Authorization", authorization);
        }

        private String authorization() {
            return signedRecommendations().firstHeader("authorization").orElseThrow();
        }

        @Test
        void a_request_without_a_signature_is_missing_a_token() {
            assertRefusal(refusal(recommendations()), "MissingAuthenticationTokenException", 403,
                    "Missing Authentication Token");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "AWS4-HMAC-SHA512 Credential=AKIAIOSFODNN7EXAMPLE/20250301/us-west-2/personalize/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "ab",
                "AWS AKIAIOSFODNN7EXAMPLE:signature",
                "Bearer token",
        })
        void a_foreign_algorithm_is_an_incomplete_signature(String authorization) {
            assertRefusal(refusal(withAuthorization(authorization)), "IncompleteSignatureException",
                    400, "AWS4-HMAC-SHA256");
        }

        @ParameterizedTest(name = "without {0}")
        @ValueSource(strings = {"Credential", "SignedHeaders", "Signature"})
        void a_missing_component_is_an_incomplete_signature(String component) {
            String without = removeComponent(authorization(), component);

            assertRefusal(refusal(withAuthorization(without)), "IncompleteSignatureException", 400,
                    "Authorization header requires '" + component + "' parameter.");
        }

        private String removeComponent(String authorization, String component) {
            String[] parts = authorization.substring("AWS4-HMAC-SHA256 ".length()).split(", ");
            List<String> kept = new ArrayList<>();
            for (String part : parts) {
                if (!part.startsWith(component + "=")) {
                    kept.add(part);
                }
            }
            return "AWS4-HMAC-SHA256 " + String.join(", ", kept);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "AKIAIOSFODNN7EXAMPLE/20250301/us-west-2/personalize",
                "AKIAIOSFODNN7EXAMPLE/20250301/us-west-2/personalize/aws4_request/extra",
                "/20250301/us-west-2/personalize/aws4_request",
                "AKIAIOSFODNN7EXAMPLE/20250301/us-west-2/personalize/aws5_request",
                "AKIAIOSFODNN7EXAMPLE/2025-03-01/us-west-2/personalize/aws4_request",
                "AKIAIOSFODNN7EXAMPLE/20250231/us-west-2/personalize/aws4_request",
                "AKIAIOSFODNN7EXAMPLE/20250301//personalize/aws4_request",
                "AKIAIOSFODNN7EXAMPLE/20250301/US West/personalize/aws4_request",
        })
        void a_badly_shaped_credential_scope_is_an_incomplete_signature(String credential) {
            String authorization = authorization().replaceFirst("Credential=[^,]*",
                    "Credential=" + credential);

            assertRefusal(refusal(withAuthorization(authorization)), "IncompleteSignatureException",
                    400, "Credential");
        }

        @Test
        void a_missing_x_amz_date_is_an_incomplete_signature() {
            SignedRequest request = recommendations().withHeader("Authorization", authorization());

            assertRefusal(refusal(request), "IncompleteSignatureException", 400, "X-Amz-Date");
        }

        @Test
        void a_malformed_x_amz_date_is_an_incomplete_signature() {
            SignedRequest request = signedRecommendations().withHeader("X-Amz-Date",
                    "2025-03-01T10:15:30Z");

            assertRefusal(refusal(request), "IncompleteSignatureException", 400,
                    "X-Amz-Date must be in the ISO 8601 basic format");
        }

        @Test
        void an_unsigned_host_is_an_incomplete_signature() {
            String authorization = authorization().replace(
                    "SignedHeaders=content-type;host;x-amz-date;x-amz-target",
                    "SignedHeaders=content-type;x-amz-date;x-amz-target");

            assertRefusal(refusal(withAuthorization(authorization)), "IncompleteSignatureException",
                    400, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        @Test
        void a_signature_that_is_not_hex_is_an_incomplete_signature() {
            String authorization = authorization().replaceFirst("Signature=.*", "Signature=xyz");

            assertRefusal(refusal(withAuthorization(authorization)), "IncompleteSignatureException",
                    400, "Signature must be 64 hexadecimal digits.");
        }

        @Test
        void a_signed_header_the_request_lacks_is_an_incomplete_signature() {
            SignedRequest request = recommendations();
            SignedRequest signed = signer.sign(request.withHeader("X-Tm-Extra", "1"), KEY_ID, SECRET)
                    .applyTo(request);

            assertRefusal(refusal(signed), "IncompleteSignatureException", 400,
                    "Signed header 'x-tm-extra' is not present in the request.");
        }

        @Test
        void two_authentication_mechanisms_are_an_incomplete_signature() {
            SignedRequest signed = signedRecommendations();
            SignedRequest both = new SignedRequest(signed.method(), signed.rawPath(),
                    "X-Amz-Algorithm=AWS4-HMAC-SHA256", signed.headers(), signed.body());

            assertRefusal(refusal(both), "IncompleteSignatureException", 400,
                    "Only one auth mechanism allowed");
        }

        @Test
        void an_incomplete_presigned_query_is_an_incomplete_signature() {
            SignedRequest request = new SignedRequest("GET", "/recommendations",
                    "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20250301T101530Z",
                    Map.of("host", List.of(HOST)), null);

            assertRefusal(refusal(request), "IncompleteSignatureException", 400,
                    "missing: X-Amz-Credential, X-Amz-Expires, X-Amz-SignedHeaders, X-Amz-Signature");
        }

        @Test
        void an_unknown_access_key_is_an_unrecognized_client() {
            SignedRequest request = recommendations();
            SignedRequest signed =
                    signer.sign(request, "AKIAUNKNOWNEXAMPLE00", SECRET).applyTo(request);

            assertRefusal(refusal(signed), "UnrecognizedClientException", 403,
                    "The security token included in the request is invalid.");
        }

        @Test
        void an_inactive_access_key_is_an_unrecognized_client() {
            SignedRequest request = recommendations();
            SignedRequest signed =
                    signer.sign(request, INACTIVE_KEY_ID, INACTIVE_SECRET).applyTo(request);

            assertRefusal(refusal(signed), "UnrecognizedClientException", 403,
                    "The security token included in the request is invalid.");
        }

        @Test
        void a_session_token_is_an_unrecognized_client() {
            SignedRequest request = recommendations().withHeader("X-Amz-Security-Token", "token");
            SignedRequest signed = signer.sign(request, KEY_ID, SECRET).applyTo(request);

            assertRefusal(refusal(signed), "UnrecognizedClientException", 403,
                    "The security token included in the request is invalid.");
        }

        @Test
        void a_scope_for_another_service_is_an_invalid_signature() {
            SigV4Signer other = new SigV4Signer(CLOCK, REGION, "dynamodb");
            SignedRequest request = recommendations();
            SignedRequest signed = other.sign(request, KEY_ID, SECRET).applyTo(request);

            assertRefusal(refusal(signed), "InvalidSignatureException", 403,
                    "Credential should be scoped to correct service: 'personalize', not 'dynamodb'.");
        }

        @Test
        void a_scope_date_other_than_the_x_amz_date_day_is_an_invalid_signature() {
            String authorization = authorization().replace("/20250301/", "/20250228/");

            assertRefusal(refusal(withAuthorization(authorization)), "InvalidSignatureException", 403,
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from "
                            + "HTTP: '20250228' != '20250301', from '20250301T101530Z'.");
        }

        @Test
        void a_signature_older_than_the_skew_has_expired() {
            SigV4Verifier later = verifierAt(Clock.offset(CLOCK, Duration.ofMinutes(16)));

            assertRefusal(refusal(later, signedRecommendations()), "InvalidSignatureException", 403,
                    "Signature expired: 20250301T101530Z is now earlier than 20250301T101630Z "
                            + "(20250301T103130Z - 15 min.)");
        }

        @Test
        void a_signature_from_beyond_the_skew_in_the_future_is_not_yet_current() {
            SigV4Verifier earlier = verifierAt(Clock.offset(CLOCK, Duration.ofMinutes(-16)));

            assertRefusal(refusal(earlier, signedRecommendations()), "InvalidSignatureException", 403,
                    "Signature not yet current: 20250301T101530Z is still later than 20250301T101430Z "
                            + "(20250301T095930Z + 15 min.)");
        }

        @Test
        void a_declared_payload_hash_that_does_not_match_the_body_is_an_invalid_signature() {
            SignedRequest request = recommendations().withHeader("x-amz-content-sha256",
                    AwsTestSuite.EMPTY_HASH);
            SignedRequest signed = signer.sign(request, KEY_ID, SECRET).applyTo(request);

            assertRefusal(refusal(signed), "InvalidSignatureException", 403,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        @Test
        void a_streaming_payload_is_an_invalid_signature() {
            SignedRequest request = recommendations().withHeader("x-amz-content-sha256",
                    "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
            SignedRequest signed = signer.sign(request, KEY_ID, SECRET).applyTo(request);

            assertRefusal(refusal(signed), "InvalidSignatureException", 403, "not supported");
        }

        @Test
        void a_tampered_body_does_not_match() {
            SignedRequest tampered = signedRecommendations().withBody(
                    RECOMMENDATIONS_BODY.replace("u-42", "u-43").getBytes(StandardCharsets.UTF_8));

            assertRefusal(refusal(tampered), "InvalidSignatureException", 403,
                    SigV4Verifier.MISMATCH_MESSAGE);
        }

        @Test
        void a_tampered_signed_header_does_not_match() {
            SignedRequest tampered = signedRecommendations()
                    .withHeader("X-Amz-Target", "AmazonPersonalize.DeleteCampaign");

            assertRefusal(refusal(tampered), "InvalidSignatureException", 403,
                    SigV4Verifier.MISMATCH_MESSAGE);
        }

        @Test
        void a_tampered_path_or_query_does_not_match() {
            SignedRequest signed = signedRecommendations();
            SignedRequest otherPath = new SignedRequest(signed.method(), "/events", signed.rawQuery(),
                    signed.headers(), signed.body());
            SignedRequest otherQuery = new SignedRequest(signed.method(), signed.rawPath(), "a=1",
                    signed.headers(), signed.body());

            assertRefusal(refusal(otherPath), "InvalidSignatureException", 403,
                    SigV4Verifier.MISMATCH_MESSAGE);
            assertRefusal(refusal(otherQuery), "InvalidSignatureException", 403,
                    SigV4Verifier.MISMATCH_MESSAGE);
        }

        @Test
        void a_signature_made_with_the_wrong_secret_does_not_match() {
            SignedRequest request = recommendations();
            SignedRequest signed = signer.sign(request, KEY_ID, INACTIVE_SECRET).applyTo(request);

            assertRefusal(refusal(signed), "InvalidSignatureException", 403,
                    SigV4Verifier.MISMATCH_MESSAGE);
        }

        @Test
        void a_region_changed_after_signing_does_not_match() {
            String authorization = authorization().replace("/us-west-2/", "/us-east-1/");

            assertRefusal(refusal(withAuthorization(authorization)), "InvalidSignatureException", 403,
                    SigV4Verifier.MISMATCH_MESSAGE);
        }

        @Test
        void a_verifier_with_a_region_refuses_a_signature_for_another_region() {
            SigV4Verifier regional = new SigV4Verifier(
                    CLOCK, SigV4Verifier.DEFAULT_ALLOWED_SKEW, LOOKUP, SERVICE, REGION);
            SignedRequest request = recommendations();
            SignedRequest elsewhere = new SigV4Signer(CLOCK, "eu-west-1", SERVICE)
                    .sign(request, KEY_ID, SECRET).applyTo(request);

            assertThat(regional.verify(signedRecommendations()).accessKeyId()).isEqualTo(KEY_ID);
            assertThat(verifier.verify(elsewhere).accessKeyId()).as("no region configured").isEqualTo(KEY_ID);
            assertRefusal(refusal(regional, elsewhere), "InvalidSignatureException", 403,
                    "Credential should be scoped to a valid region, not 'eu-west-1'.");
            assertThat(regional.signingRegion()).isEqualTo(REGION);
        }

        @Test
        void refusals_never_mention_the_secret() {
            SignedRequest request = recommendations();
            SignedRequest signed = signer.sign(request, KEY_ID, INACTIVE_SECRET).applyTo(request);

            assertThat(refusal(signed).getMessage()).doesNotContain(SECRET, INACTIVE_SECRET);
        }
    }

    @Test
    void a_credential_masks_its_secret_when_printed() {
        assertThat(STORE.get(KEY_ID).toString()).doesNotContain(SECRET).contains(KEY_ID, "****");
    }

    @Test
    void the_configuration_is_checked() {
        assertThatThrownBy(() -> new SigV4Verifier(CLOCK, Duration.ZERO, LOOKUP, SERVICE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowedSkew");
        assertThatThrownBy(() -> new SigV4Verifier(CLOCK, Duration.ofHours(2), LOOKUP, SERVICE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowedSkew");
        assertThatThrownBy(() -> new SigV4Verifier(CLOCK, LOOKUP, "Personalize"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signingService");
        assertThatThrownBy(() -> new SigV4Verifier(CLOCK, SigV4Verifier.DEFAULT_ALLOWED_SKEW, LOOKUP, SERVICE,
                "US East")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("signingRegion");
    }
}
