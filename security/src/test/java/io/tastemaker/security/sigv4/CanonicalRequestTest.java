package io.tastemaker.security.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalRequestTest {

    static List<AwsTestSuite.Case> suite() {
        return AwsTestSuite.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void builds_the_published_canonical_request(AwsTestSuite.Case vector) {
        CanonicalRequest canonical =
                CanonicalRequest.from(vector.request(), vector.signedHeaders(), payloadHash(vector));

        assertThat(canonical.text()).isEqualTo(vector.canonical());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void builds_the_published_string_to_sign(AwsTestSuite.Case vector) {
        CanonicalRequest canonical =
                CanonicalRequest.from(vector.request(), vector.signedHeaders(), payloadHash(vector));

        assertThat(canonical.stringToSign(AwsTestSuite.AMZ_DATE, AwsTestSuite.SCOPE))
                .isEqualTo(vector.stringToSign());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suite")
    void computes_the_published_signature(AwsTestSuite.Case vector) {
        SigningKey key = SigningKey.derive(AwsTestSuite.SECRET, AwsTestSuite.SCOPE);

        assertThat(key.sign(vector.stringToSign())).isEqualTo(vector.signature());
    }

    @Test
    void published_canonical_requests_hash_to_their_strings_to_sign() {
        // Guards the vectors themselves against a typo in either value.
        for (AwsTestSuite.Case vector : AwsTestSuite.cases()) {
            assertThat(Hashes.sha256Hex(vector.canonical()))
                    .as(vector.name())
                    .isEqualTo(vector.stringToSignHash());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'', /",
            "/, /",
            "/recommendations, /recommendations",
            "/events/, /events/",
            "/a/b/../c, /a/c",
            "/a/b/.., /a",
            "/a/b/../, /a/",
            "/a/./b/., /a/b",
            "/example/.., /",
            "/../a, /a",
            "a/b, /a/b",
            "//a///b//, /a/b/",
            "/example%20space/, /example%2520space/",
            "/arn:aws:personalize:us-east-1:123456789012:campaign%2Fx,"
                    + " /arn%3Aaws%3Apersonalize%3Aus-east-1%3A123456789012%3Acampaign%252Fx",
            "/caf\u00e9, /caf%C3%A9",
            "/a+b=c, /a%2Bb%3Dc",
    })
    void normalizes_and_double_encodes_the_path(String rawPath, String expected) {
        assertThat(CanonicalRequest.canonicalUri(rawPath)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''|''",
            "a=1|a=1",
            "b=2&a=1|a=1&b=2",
            "a=2&a=10&a=1|a=1&a=10&a=2",
            "a=1&&b|a=1&b=",
            "flag|flag=",
            "a=b%20c|a=b%20c",
            "a=b+c|a=b%2Bc",
            "a=%7e%2d|a=~-",
            "a=%zz|a=%25zz",
            "a=100%|a=100%25",
            "a=x=y|a=x%3Dy",
            "na%6De=v|name=v",
            "B=1&a=1&_=1|B=1&_=1&a=1",
    })
    void decodes_re_encodes_and_sorts_the_query(String rawQuery, String expected) {
        assertThat(CanonicalRequest.canonicalQuery(rawQuery)).isEqualTo(expected);
    }

    @Test
    void leaves_excluded_query_parameters_out() {
        SignedRequest request = new SignedRequest("GET", "/", "X-Amz-Signature=abc&b=1&a=2",
                Map.of("host", List.of("h")), null);

        CanonicalRequest canonical = CanonicalRequest.from(
                request, List.of("host"), AwsTestSuite.EMPTY_HASH, Set.of("X-Amz-Signature"));

        assertThat(canonical.query()).isEqualTo("a=2&b=1");
    }

    @Test
    void trims_collapses_and_joins_header_values() {
        assertThat(CanonicalRequest.canonicalHeaderValue(List.of("  a \t  b  ", "c", " d  e ")))
                .isEqualTo("a b,c,d e");
        assertThat(CanonicalRequest.canonicalHeaderValue(List.of())).isEmpty();
    }

    @Test
    void lists_only_the_signed_headers_by_lower_case_name() {
        SignedRequest request = new SignedRequest("POST", "/", null, Map.of(
                "Host", List.of("example.com"),
                "X-Amz-Target", List.of("AmazonPersonalizeRuntime.GetRecommendations"),
                "User-Agent", List.of("not signed")), null);

        CanonicalRequest canonical =
                CanonicalRequest.from(request, List.of("Host", "X-Amz-Target"), "h");

        assertThat(canonical.headers()).isEqualTo(
                "host:example.com\nx-amz-target:AmazonPersonalizeRuntime.GetRecommendations\n");
        assertThat(canonical.signedHeaders()).isEqualTo("host;x-amz-target");
    }

    @Test
    void encodes_every_byte_outside_the_unreserved_set_in_upper_case_hex() {
        assertThat(CanonicalRequest.uriEncode(
                "Az09-_.~ /%+?#\u00ff".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("Az09-_.~%20%2F%25%2B%3F%23%C3%BF");
    }

    @Test
    void hashes_the_payload_as_lower_case_hex_sha256() {
        assertThat(CanonicalRequest.payloadHash(new byte[0])).isEqualTo(AwsTestSuite.EMPTY_HASH);
        assertThat(CanonicalRequest.payloadHash("Param1=value1".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
    }

    private static String payloadHash(AwsTestSuite.Case vector) {
        return CanonicalRequest.payloadHash(vector.body().getBytes(StandardCharsets.UTF_8));
    }
}
