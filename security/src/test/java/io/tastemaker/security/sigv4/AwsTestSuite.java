package io.tastemaker.security.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cases of AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite, 2015 edition):
 * each request with the canonical request, the hash in the string to sign and the signature that
 * AWS published for it. Only cases whose published files agree with each other are here (in one
 * redistribution, post-x-www-form-urlencoded-parameters' canonical request lists
 * {@code content-length} among the signed headers while its Authorization header does not; it
 * is left out).
 */
final class AwsTestSuite {

    static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String AMZ_DATE = "20150830T123600Z";
    static final Instant SIGNING_TIME = Instant.parse("2015-08-30T12:36:00Z");
    static final Clock CLOCK = Clock.fixed(SIGNING_TIME, ZoneOffset.UTC);
    static final CredentialScope SCOPE = new CredentialScope("20150830", "us-east-1", "service");
    static final String EMPTY_HASH =
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String HOST = "example.amazonaws.com";

    /** The session token of the post-sts-header-before case. */
    static final String STS_TOKEN = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4"
            + "FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1"
            + "NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+x"
            + "o0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQw"
            + "j2ICCR/oLxBA==";

    /**
     * One published case.
     *
     * @param name            the folder name in the suite
     * @param method          HTTP method
     * @param rawPath         path as in the .req file
     * @param rawQuery        query as in the .req file
     * @param headers         headers as in the .req file, in order, as name/value pairs
     * @param body            body
     * @param signedHeaders   the SignedHeaders of the published Authorization header
     * @param canonical       the published canonical request (.creq)
     * @param stringToSignHash the last line of the published string to sign (.sts)
     * @param signature       the signature of the published Authorization header (.authz)
     */
    record Case(
            String name, String method, String rawPath, String rawQuery, List<String[]> headers,
            String body, List<String> signedHeaders, String canonical, String stringToSignHash,
            String signature) {

        SignedRequest request() {
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (String[] header : headers) {
                map.computeIfAbsent(header[0], key -> new ArrayList<>()).add(header[1]);
            }
            return new SignedRequest(
                    method, rawPath, rawQuery, map, body.getBytes(StandardCharsets.UTF_8));
        }

        String stringToSign() {
            return "AWS4-HMAC-SHA256\n" + AMZ_DATE + "\n" + SCOPE + "\n" + stringToSignHash;
        }

        String authorization() {
            return "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/" + SCOPE + ", SignedHeaders="
                    + String.join(";", signedHeaders) + ", Signature=" + signature;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private AwsTestSuite() {}

    private static List<String[]> headers(String... nameValues) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Host", HOST});
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.add(new String[] {nameValues[i], nameValues[i + 1]});
        }
        headers.add(new String[] {"X-Amz-Date", AMZ_DATE});
        return headers;
    }

    private static String creq(String method, String uri, String query, String... headerLines) {
        StringBuilder text = new StringBuilder();
        text.append(method).append('\n').append(uri).append('\n').append(query).append('\n');
        List<String> names = new ArrayList<>();
        String payload = EMPTY_HASH;
        for (String line : headerLines) {
            if (line.startsWith("payload=")) {
                payload = line.substring("payload=".length());
                continue;
            }
            text.append(line).append('\n');
            names.add(line.substring(0, line.indexOf(':')));
        }
        return text.append('\n').append(String.join(";", names)).append('\n').append(payload)
                .toString();
    }

    private static final List<String> HOST_DATE = List.of("host", "x-amz-date");
    private static final String HOST_LINE = "host:" + HOST;
    private static final String DATE_LINE = "x-amz-date:" + AMZ_DATE;
    private static final String UNRESERVED =
            "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** The cases, by their suite names. */
    static List<Case> cases() {
        return List.of(
                new Case("get-vanilla", "GET", "/", "", headers(), "", HOST_DATE,
                        creq("GET", "/", "", HOST_LINE, DATE_LINE),
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new Case("get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1",
                        headers(), "", HOST_DATE,
                        creq("GET", "/", "Param1=value1&Param2=value2", HOST_LINE, DATE_LINE),
                        "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
                        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                new Case("get-vanilla-query-order-value", "GET", "/", "Param1=value2&Param1=value1",
                        headers(), "", HOST_DATE,
                        creq("GET", "/", "Param1=value1&Param1=value2", HOST_LINE, DATE_LINE),
                        "c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606",
                        "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"),
                new Case("get-vanilla-empty-query-key", "GET", "/", "Param1=value1", headers(), "",
                        HOST_DATE, creq("GET", "/", "Param1=value1", HOST_LINE, DATE_LINE),
                        "1e24db194ed7d0eec2de28d7369675a243488e08526e8c1c73571282f7c517ab",
                        "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
                new Case("get-vanilla-query-unreserved", "GET", "/", UNRESERVED + "=" + UNRESERVED,
                        headers(), "", HOST_DATE,
                        creq("GET", "/", UNRESERVED + "=" + UNRESERVED, HOST_LINE, DATE_LINE),
                        "c30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177",
                        "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
                new Case("get-vanilla-utf8-query", "GET", "/", "\u1234=bar", headers(), "", HOST_DATE,
                        creq("GET", "/", "%E1%88%B4=bar", HOST_LINE, DATE_LINE),
                        "eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073",
                        "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
                new Case("get-unreserved", "GET", "/" + UNRESERVED, "", headers(), "", HOST_DATE,
                        creq("GET", "/" + UNRESERVED, "", HOST_LINE, DATE_LINE),
                        "6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9",
                        "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
                new Case("get-utf8", "GET", "/\u1234", "", headers(), "", HOST_DATE,
                        creq("GET", "/%E1%88%B4", "", HOST_LINE, DATE_LINE),
                        "2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102",
                        "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
                new Case("get-header-key-duplicate", "GET", "/", "",
                        headers("My-Header1", "value2", "My-Header1", "value2", "My-Header1", "value1"), "",
                        List.of("host", "my-header1", "x-amz-date"),
                        creq("GET", "/", "", HOST_LINE, "my-header1:value2,value2,value1", DATE_LINE),
                        "dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c",
                        "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
                new Case("get-header-value-order", "GET", "/", "",
                        headers("My-Header1", "value4", "My-Header1", "value1", "My-Header1", "value3",
                                "My-Header1", "value2"), "",
                        List.of("host", "my-header1", "x-amz-date"),
                        creq("GET", "/", "", HOST_LINE, "my-header1:value4,value1,value3,value2", DATE_LINE),
                        "31ce73cd3f3d9f66977ad3dd957dc47af14df92fcd8509f59b349e9137c58b86",
                        "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
                new Case("get-header-value-trim", "GET", "/", "",
                        headers("My-Header1", " value1", "My-Header2", " \"a   b   c\""), "",
                        List.of("host", "my-header1", "my-header2", "x-amz-date"),
                        creq("GET", "/", "", HOST_LINE, "my-header1:value1", "my-header2:\"a b c\"",
                                DATE_LINE),
                        "a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7",
                        "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
                new Case("post-vanilla", "POST", "/", "", headers(), "", HOST_DATE,
                        creq("POST", "/", "", HOST_LINE, DATE_LINE),
                        "553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87",
                        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
                new Case("post-vanilla-query", "POST", "/", "Param1=value1", headers(), "", HOST_DATE,
                        creq("POST", "/", "Param1=value1", HOST_LINE, DATE_LINE),
                        "9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
                        "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
                new Case("post-header-key-sort", "POST", "/", "", headers("My-Header1", "value1"), "",
                        List.of("host", "my-header1", "x-amz-date"),
                        creq("POST", "/", "", HOST_LINE, "my-header1:value1", DATE_LINE),
                        "9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65",
                        "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
                new Case("post-header-value-case", "POST", "/", "", headers("My-Header1", "VALUE1"), "",
                        List.of("host", "my-header1", "x-amz-date"),
                        creq("POST", "/", "", HOST_LINE, "my-header1:VALUE1", DATE_LINE),
                        "d51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93",
                        "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
                new Case("post-x-www-form-urlencoded", "POST", "/", "",
                        headers("Content-Type", "application/x-www-form-urlencoded", "Content-Length", "13"),
                        "Param1=value1", List.of("content-type", "host", "x-amz-date"),
                        creq("POST", "/", "", "content-type:application/x-www-form-urlencoded", HOST_LINE,
                                DATE_LINE,
                                "payload=9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"),
                        "42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281",
                        "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
                new Case("post-sts-header-before", "POST", "/", "",
                        headers("X-Amz-Security-Token", STS_TOKEN), "",
                        List.of("host", "x-amz-date", "x-amz-security-token"),
                        creq("POST", "/", "", HOST_LINE, DATE_LINE, "x-amz-security-token:" + STS_TOKEN),
                        "c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6",
                        "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"),
                // normalize-path cases
                new Case("get-space", "GET", "/example space/", "", headers(), "", HOST_DATE,
                        creq("GET", "/example%20space/", "", HOST_LINE, DATE_LINE),
                        "63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86",
                        "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
                new Case("get-relative", "GET", "/example/..", "", headers(), "", HOST_DATE,
                        creq("GET", "/", "", HOST_LINE, DATE_LINE),
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new Case("get-relative-relative", "GET", "/example1/example2/../..", "", headers(), "",
                        HOST_DATE, creq("GET", "/", "", HOST_LINE, DATE_LINE),
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new Case("get-slash", "GET", "//", "", headers(), "", HOST_DATE,
                        creq("GET", "/", "", HOST_LINE, DATE_LINE),
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new Case("get-slash-dot-slash", "GET", "/./", "", headers(), "", HOST_DATE,
                        creq("GET", "/", "", HOST_LINE, DATE_LINE),
                        "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                new Case("get-slash-pointless-dot", "GET", "/./example", "", headers(), "", HOST_DATE,
                        creq("GET", "/example", "", HOST_LINE, DATE_LINE),
                        "214d50c111a8edc4819da6a636336472c916b5240f51e9a51b5c3305180cf702",
                        "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"),
                new Case("get-slashes", "GET", "//example//", "", headers(), "", HOST_DATE,
                        creq("GET", "/example/", "", HOST_LINE, DATE_LINE),
                        "cb96b4ac96d501f7c5c15bc6d67b3035061cfced4af6585ad927f7e6c985c015",
                        "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"));
    }

    /** A case by name. */
    static Case named(String name) {
        return cases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
