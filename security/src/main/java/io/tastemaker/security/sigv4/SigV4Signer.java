package io.tastemaker.security.sigv4;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Signs requests with AWS Signature Version 4 in the Authorization header, the way an AWS SDK
 * does, for our own tests and launcher scripts. It canonicalizes with {@link CanonicalRequest},
 * the same code {@link SigV4Verifier} checks with.
 *
 * <p>Every header of the request is signed except those that proxies and HTTP clients add, drop
 * or rewrite on the way ({@link #UNSIGNED_HEADERS}). The request must carry a {@code Host} header.
 * The payload hash is the value of an {@code x-amz-content-sha256} header when the request has
 * one, else the SHA-256 of the body. Presigned URLs and session tokens are not produced.
 */
public final class SigV4Signer {

    /** Headers never signed: the signature itself and hop-by-hop or client-rewritten headers. */
    public static final Set<String> UNSIGNED_HEADERS = Set.of(
            "authorization", "connection", "expect", "keep-alive", "proxy-authorization",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "user-agent",
            "x-amzn-trace-id");

    private final Clock clock;
    private final String region;
    private final String service;

    /**
     * Creates a signer.
     *
     * @param clock   the clock that gives the signing time
     * @param region  the region to scope signatures to, e.g. {@code us-east-1}
     * @param service the service signing name, e.g. {@code personalize}
     * @throws IllegalArgumentException when region or service is not a valid scope part
     */
    public SigV4Signer(Clock clock, String region, String service) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        new CredentialScope("20000101", region, service); // checks both names
    }

    /**
     * Signs a request at the clock's current time.
     *
     * @param request         the request, with a {@code Host} header and no Authorization header
     *                        to keep
     * @param accessKeyId     the access key id
     * @param secretAccessKey the secret access key
     * @return the two headers to add to the request
     */
    public SignatureHeaders sign(SignedRequest request, String accessKeyId, String secretAccessKey) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isEmpty() || accessKeyId.chars().anyMatch(c -> c <= ' ' || c == '/'
                || c == ',' || c > '~')) {
            throw new IllegalArgumentException(
                    "access key id must be non-empty printable ASCII without spaces, '/' or ','");
        }
        if (request.header("host").isEmpty()) {
            throw new IllegalArgumentException("the request needs a Host header: SigV4 signs it");
        }
        Instant now = clock.instant();
        String amzDate = AmzDate.format(now);
        CredentialScope scope = CredentialScope.of(now, region, service);
        SignedRequest dated = request.withHeader("x-amz-date", amzDate);

        List<String> signedHeaders = new ArrayList<>();
        for (String name : dated.headers().keySet()) { // sorted: the record keeps a sorted map
            if (!UNSIGNED_HEADERS.contains(name)) {
                signedHeaders.add(name);
            }
        }
        String payloadHash = dated.firstHeader("x-amz-content-sha256")
                .map(String::strip)
                .orElseGet(() -> CanonicalRequest.payloadHash(dated.body()));
        CanonicalRequest canonical = CanonicalRequest.from(dated, signedHeaders, payloadHash);
        String signature =
                SigningKey.derive(secretAccessKey, scope).sign(canonical.stringToSign(amzDate, scope));
        String authorization = CanonicalRequest.ALGORITHM + " Credential=" + accessKeyId + "/" + scope
                + ", SignedHeaders=" + canonical.signedHeaders() + ", Signature=" + signature;
        return new SignatureHeaders(authorization, amzDate);
    }

    /**
     * The headers a signature adds to a request.
     *
     * @param authorization the {@code Authorization} header value
     * @param amzDate       the {@code X-Amz-Date} header value
     */
    public record SignatureHeaders(String authorization, String amzDate) {

        /** Requires both values. */
        public SignatureHeaders {
            Objects.requireNonNull(authorization, "authorization");
            Objects.requireNonNull(amzDate, "amzDate");
        }

        /** The headers by their usual names, {@code Authorization} first. */
        public Map<String, String> asMap() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", authorization);
            headers.put("X-Amz-Date", amzDate);
            return Collections.unmodifiableMap(headers);
        }

        /**
         * The request with these headers set, replacing any it had.
         *
         * @param request the request that was signed
         * @return the signed request
         */
        public SignedRequest applyTo(SignedRequest request) {
            return request.withHeader("authorization", authorization).withHeader("x-amz-date", amzDate);
        }
    }
}
