package io.tastemaker.security.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The canonical form of a request that SigV4 signs, built the same way by {@link SigV4Signer} and
 * {@link SigV4Verifier}. {@link #text()} is the six lines AWS specifies: method, canonical URI,
 * canonical query string, canonical headers (each followed by a newline), signed headers, and the
 * payload hash.
 *
 * <p>The rules are those of AWS services other than S3:
 *
 * <ul>
 *   <li>URI: dot segments are resolved and empty segments (duplicate slashes) dropped; the result
 *       ends with a slash only when the raw path does (as in the AWS SDKs for Java and Python:
 *       {@code /a/b/..} becomes {@code /a}); then every byte of each segment outside the
 *       RFC 3986 unreserved set ({@code A-Z a-z 0-9 - _ . ~}) is percent-encoded. The raw path is already encoded once on
 *       the wire, so this encodes it a second time: {@code %20} becomes {@code %2520}.
 *   <li>Query: each name and value is percent-decoded and encoded again with the unreserved set,
 *       then the pairs are sorted by encoded name, then by encoded value.
 *   <li>Headers: only the signed ones, by lower-case name; each value trimmed with runs of spaces
 *       collapsed to one, several values joined with commas.
 * </ul>
 *
 * @param method        the HTTP method
 * @param uri           the canonical URI
 * @param query         the canonical query string
 * @param headers       the canonical headers block, one {@code name:value\n} line per signed header
 * @param signedHeaders the signed header names joined with {@code ;}
 * @param payloadHash   the hex SHA-256 of the body, or {@link #UNSIGNED_PAYLOAD}
 */
public record CanonicalRequest(
        String method, String uri, String query, String headers, String signedHeaders,
        String payloadHash) {

    /** The algorithm name that opens every string to sign and every Authorization header. */
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** The payload hash a client uses to sign everything but the body. */
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]);

    /** Requires every part. */
    public CanonicalRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(signedHeaders, "signedHeaders");
        Objects.requireNonNull(payloadHash, "payloadHash");
    }

    /**
     * Canonicalizes a request.
     *
     * @param request       the request
     * @param signedHeaders the names of the signed headers, in the order the signature lists them
     * @param payloadHash   the hex SHA-256 of the body, or {@link #UNSIGNED_PAYLOAD}
     * @return the canonical request
     */
    public static CanonicalRequest from(
            SignedRequest request, List<String> signedHeaders, String payloadHash) {
        return from(request, signedHeaders, payloadHash, Set.of());
    }

    /**
     * Canonicalizes a request, leaving some query parameters out (a presigned URL's
     * {@code X-Amz-Signature} is not part of what it signs).
     *
     * @param request                 the request
     * @param signedHeaders           the names of the signed headers, in signature order
     * @param payloadHash             the hex SHA-256 of the body, or {@link #UNSIGNED_PAYLOAD}
     * @param excludedQueryParameters decoded, case-sensitive names of parameters to leave out
     * @return the canonical request
     */
    public static CanonicalRequest from(
            SignedRequest request, List<String> signedHeaders, String payloadHash,
            Set<String> excludedQueryParameters) {
        List<String> names = new ArrayList<>(signedHeaders.size());
        for (String name : signedHeaders) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        return new CanonicalRequest(
                request.method(),
                canonicalUri(request.rawPath()),
                canonicalQuery(request.rawQuery(), excludedQueryParameters),
                canonicalHeaders(request.headers(), names),
                String.join(";", names),
                payloadHash);
    }

    /**
     * The canonical URI of a raw path (see the class comment).
     *
     * @param rawPath the path as on the wire; empty means {@code /}
     * @return the canonical URI, always starting with {@code /}
     */
    public static String canonicalUri(String rawPath) {
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals("..")) {
                kept.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                kept.addLast(segment);
            }
        }
        StringBuilder uri = new StringBuilder(rawPath.length() + 16);
        for (String segment : kept) {
            uri.append('/');
            appendEncoded(uri, segment.getBytes(StandardCharsets.UTF_8));
        }
        if (uri.length() == 0 || rawPath.endsWith("/")) {
            uri.append('/');
        }
        return uri.toString();
    }

    /**
     * The canonical query string of a raw query string (see the class comment).
     *
     * @param rawQuery the query as on the wire, without {@code ?}; may be empty
     * @return the canonical query string, empty when there are no parameters
     */
    public static String canonicalQuery(String rawQuery) {
        return canonicalQuery(rawQuery, Set.of());
    }

    private static String canonicalQuery(String rawQuery, Set<String> excluded) {
        List<String[]> pairs = new ArrayList<>();
        for (QueryString.Parameter parameter : QueryString.parse(rawQuery)) {
            if (excluded.isEmpty() || !excluded.contains(parameter.nameText())) {
                pairs.add(new String[] {uriEncode(parameter.name()), uriEncode(parameter.value())});
            }
        }
        pairs.sort(BY_NAME_THEN_VALUE);
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

    /**
     * The canonical headers block: one {@code name:value\n} line per signed header, in the order
     * given. A signed header that the request lacks gets an empty value.
     *
     * @param headers       the request headers by lower-case name
     * @param signedHeaders lower-case names of the signed headers
     * @return the block, ending with a newline
     */
    public static String canonicalHeaders(
            Map<String, List<String>> headers, List<String> signedHeaders) {
        StringBuilder block = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = headers.getOrDefault(name, List.of());
            block.append(name).append(':').append(canonicalHeaderValue(values)).append('\n');
        }
        return block.toString();
    }

    /**
     * The canonical value of one header: each value trimmed, runs of spaces and tabs inside it
     * collapsed to one space, the values joined with commas.
     *
     * @param values the header's values in order
     * @return the canonical value
     */
    public static String canonicalHeaderValue(List<String> values) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                joined.append(',');
            }
            appendTrimmedCollapsed(joined, values.get(i));
        }
        return joined.toString();
    }

    /**
     * Percent-encodes every byte outside the RFC 3986 unreserved set, with upper-case hex digits.
     *
     * @param bytes the bytes to encode (UTF-8 for text)
     * @return the encoded text
     */
    public static String uriEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length + 8);
        appendEncoded(out, bytes);
        return out.toString();
    }

    /**
     * The hex SHA-256 of a body, as the last line of a canonical request carries it.
     *
     * @param body the body
     * @return 64 lower-case hex digits
     */
    public static String payloadHash(byte[] body) {
        return Hashes.sha256Hex(body);
    }

    /** The canonical request as it is hashed. */
    public String text() {
        return method + '\n' + uri + '\n' + query + '\n' + headers + '\n' + signedHeaders + '\n'
                + payloadHash;
    }

    /** The hex SHA-256 of {@link #text()}. */
    public String hash() {
        return Hashes.sha256Hex(text());
    }

    /**
     * The string to sign for this request.
     *
     * @param amzDate the {@code X-Amz-Date} value, {@code yyyyMMdd'T'HHmmss'Z'}
     * @param scope   the credential scope
     * @return {@code AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hash of the canonical request>}
     */
    public String stringToSign(String amzDate, CredentialScope scope) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + hash();
    }

    private static void appendEncoded(StringBuilder out, byte[] bytes) {
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(UPPER_HEX[c >>> 4]).append(UPPER_HEX[c & 0x0F]);
            }
        }
    }

    private static void appendTrimmedCollapsed(StringBuilder out, String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(value.charAt(end - 1))) {
            end--;
        }
        boolean previousBlank = false;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (isBlank(c)) {
                if (!previousBlank) {
                    out.append(' ');
                }
                previousBlank = true;
            } else {
                out.append(c);
                previousBlank = false;
            }
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
