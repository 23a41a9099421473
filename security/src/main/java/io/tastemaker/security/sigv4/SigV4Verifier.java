package io.tastemaker.security.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies the AWS Signature Version 4 of incoming requests, header-signed or presigned, and tells
 * who signed them.
 *
 * <p>Checks run in this order, and the first that fails decides the error: the request carries a
 * signature ({@code MissingAuthenticationTokenException}); the signature is well-formed
 * ({@code IncompleteSignatureException}); its scope names this service, this server's region (when
 * one is configured) and the day of its
 * {@code X-Amz-Date}, and that time is within the allowed skew of the clock (or, presigned, not
 * past its expiry) ({@code InvalidSignatureException}); no session token is sent and the access
 * key is known and active ({@code UnrecognizedClientException}); every signed header is present
 * ({@code IncompleteSignatureException}); a declared {@code x-amz-content-sha256} matches the body
 * (S3's {@code UNSIGNED-PAYLOAD} is refused: outside S3, AWS signs every payload) and the signature
 * matches ({@code InvalidSignatureException}). The scope, time and shape checks
 * come before the key lookup so that garbage costs no store access.
 *
 * <p>Thread-safe and stateless apart from its configuration.
 */
public final class SigV4Verifier {

    /** How far {@code X-Amz-Date} may be from the clock by default, as in AWS: 15 minutes. */
    public static final Duration DEFAULT_ALLOWED_SKEW = Duration.ofMinutes(15);

    /** The smallest allowed skew that may be configured. */
    public static final Duration MIN_ALLOWED_SKEW = Duration.ofSeconds(1);

    /** The largest allowed skew that may be configured. */
    public static final Duration MAX_ALLOWED_SKEW = Duration.ofHours(1);

    /** Access key ids longer than this are refused without asking the lookup. */
    static final int MAX_ACCESS_KEY_ID_LENGTH = 128;

    static final String MISSING_TOKEN_MESSAGE = "Missing Authentication Token";
    static final String INVALID_TOKEN_MESSAGE =
            "The security token included in the request is invalid.";
    static final String MISMATCH_MESSAGE =
            "The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method.";

    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Set<String> PRESIGNED_EXCLUDED = Set.of(SignatureClaim.X_AMZ_SIGNATURE);

    private final Clock clock;
    private final Duration allowedSkew;
    private final SecretLookup lookup;
    private final String signingService;
    private final String signingRegion;

    /**
     * Creates a verifier.
     *
     * @param clock          the clock the signing time is checked against
     * @param allowedSkew    how far {@code X-Amz-Date} may lie before or after the clock, from
     *                       {@link #MIN_ALLOWED_SKEW} to {@link #MAX_ALLOWED_SKEW}; AWS uses
     *                       {@link #DEFAULT_ALLOWED_SKEW}
     * @param lookup         finds the credential of an access key id
     * @param signingService the service name signatures must be scoped to, e.g.
     *                       {@code personalize}
     */
    public SigV4Verifier(
            Clock clock, Duration allowedSkew, SecretLookup lookup, String signingService) {
        this(clock, allowedSkew, lookup, signingService, null);
    }

    /**
     * Creates a verifier that also requires the scope's region.
     *
     * @param clock          the clock the signing time is checked against
     * @param allowedSkew    how far {@code X-Amz-Date} may lie from the clock (see the other constructor)
     * @param lookup         finds the credential of an access key id
     * @param signingService the service name signatures must be scoped to
     * @param signingRegion  the region signatures must be scoped to, e.g. {@code us-east-1}, as AWS
     *                       requires of a regional endpoint; null accepts any region
     */
    public SigV4Verifier(
            Clock clock, Duration allowedSkew, SecretLookup lookup, String signingService, String signingRegion) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowedSkew = Objects.requireNonNull(allowedSkew, "allowedSkew");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.signingService = Objects.requireNonNull(signingService, "signingService");
        this.signingRegion = signingRegion;
        if (signingRegion != null && !SERVICE.matcher(signingRegion).matches()) {
            throw new IllegalArgumentException("signingRegion must be a lower-case region name such as "
                    + "'us-east-1', not '" + signingRegion + "'");
        }
        if (allowedSkew.compareTo(MIN_ALLOWED_SKEW) < 0
                || allowedSkew.compareTo(MAX_ALLOWED_SKEW) > 0) {
            throw new IllegalArgumentException("allowedSkew must be from " + MIN_ALLOWED_SKEW + " to "
                    + MAX_ALLOWED_SKEW + ", not " + allowedSkew);
        }
        if (!SERVICE.matcher(signingService).matches()) {
            throw new IllegalArgumentException("signingService must be a lower-case service signing "
                    + "name such as 'personalize', not '" + signingService + "'");
        }
    }

    /**
     * Creates a verifier with the {@linkplain #DEFAULT_ALLOWED_SKEW default skew}.
     *
     * @param clock          the clock the signing time is checked against
     * @param lookup         finds the credential of an access key id
     * @param signingService the service name signatures must be scoped to
     */
    public SigV4Verifier(Clock clock, SecretLookup lookup, String signingService) {
        this(clock, DEFAULT_ALLOWED_SKEW, lookup, signingService);
    }

    /**
     * Verifies a request's signature.
     *
     * @param request the request as received
     * @return the credential that signed it, active
     * @throws SigV4Exception when the request is refused; its error name and status are those AWS
     *                        returns
     */
    public Credential verify(SignedRequest request) {
        Objects.requireNonNull(request, "request");
        List<String> authorizations = request.header("authorization");
        List<QueryString.Parameter> query = QueryString.parse(request.rawQuery());
        boolean presigned = !QueryString.values(query, SignatureClaim.X_AMZ_ALGORITHM).isEmpty();
        if (authorizations.isEmpty() && !presigned) {
            throw new SigV4Exception(SigV4Error.MISSING_AUTHENTICATION_TOKEN, MISSING_TOKEN_MESSAGE);
        }
        if (!authorizations.isEmpty() && presigned) {
            throw incomplete("Only one auth mechanism allowed; only the X-Amz-Algorithm query "
                    + "parameter or the Authorization header should be specified.");
        }
        if (authorizations.size() > 1) {
            throw incomplete("The request has more than one Authorization header.");
        }
        SignatureClaim claim = presigned
                ? SignatureClaim.fromQuery(query)
                : SignatureClaim.fromHeader(authorizations.get(0), request);

        checkScope(claim);
        checkTime(claim);
        if (!request.header("x-amz-security-token").isEmpty()
                || !QueryString.values(query, "X-Amz-Security-Token").isEmpty()) {
            // No temporary credentials exist here; a token means credentials from elsewhere.
            throw new SigV4Exception(SigV4Error.UNRECOGNIZED_CLIENT, INVALID_TOKEN_MESSAGE);
        }
        Optional<Credential> found = claim.accessKeyId().length() > MAX_ACCESS_KEY_ID_LENGTH
                ? Optional.empty()
                : lookup.find(claim.accessKeyId());
        Credential credential = found
                .filter(key -> key.active() && key.accessKeyId().equals(claim.accessKeyId()))
                .orElseThrow(
                        () -> new SigV4Exception(SigV4Error.UNRECOGNIZED_CLIENT, INVALID_TOKEN_MESSAGE));
        for (String name : claim.signedHeaders()) {
            if (request.header(name).isEmpty()) {
                throw incomplete("Signed header '" + name + "' is not present in the request.");
            }
        }

        CanonicalRequest canonical = CanonicalRequest.from(
                request, claim.signedHeaders(), payloadHash(request),
                presigned ? PRESIGNED_EXCLUDED : Set.of());
        String expected = SigningKey.derive(credential.secretAccessKey(), claim.scope())
                .sign(canonical.stringToSign(claim.amzDate(), claim.scope()));
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                claim.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw invalid(MISMATCH_MESSAGE);
        }
        return credential;
    }

    /** The configured skew. */
    public Duration allowedSkew() {
        return allowedSkew;
    }

    /** The service name signatures must be scoped to. */
    public String signingService() {
        return signingService;
    }

    /** The region signatures must be scoped to; null when any region is accepted. */
    public String signingRegion() {
        return signingRegion;
    }

    private void checkScope(SignatureClaim claim) {
        CredentialScope scope = claim.scope();
        if (!scope.service().equals(signingService)) {
            throw invalid("Credential should be scoped to correct service: '" + signingService
                    + "', not '" + scope.service() + "'.");
        }
        if (signingRegion != null && !scope.region().equals(signingRegion)) {
            throw invalid("Credential should be scoped to a valid region, not '" + scope.region()
                    + "'. This endpoint's region is '" + signingRegion + "'.");
        }
        String day = claim.amzDate().substring(0, 8);
        if (!scope.date().equals(day)) {
            throw invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of "
                    + "date from HTTP: '" + scope.date() + "' != '" + day + "', from '" + claim.amzDate()
                    + "'.");
        }
    }

    private void checkTime(SignatureClaim claim) {
        Instant now = clock.instant();
        Instant signedAt = claim.signedAt();
        Instant latest = now.plus(allowedSkew);
        if (signedAt.isAfter(latest)) {
            throw invalid("Signature not yet current: " + claim.amzDate() + " is still later than "
                    + AmzDate.format(latest) + " (" + AmzDate.format(now) + " + " + describe(allowedSkew)
                    + ".)");
        }
        Optional<Duration> expires = claim.expires();
        if (expires.isPresent()) {
            Instant expiry = signedAt.plus(expires.get());
            if (now.isAfter(expiry)) {
                throw invalid("Request has expired: it was presigned at " + claim.amzDate() + " for "
                        + expires.get().toSeconds() + " seconds, until " + AmzDate.format(expiry)
                        + ", and it is now " + AmzDate.format(now) + ".");
            }
            return;
        }
        Instant earliest = now.minus(allowedSkew);
        if (signedAt.isBefore(earliest)) {
            throw invalid("Signature expired: " + claim.amzDate() + " is now earlier than "
                    + AmzDate.format(earliest) + " (" + AmzDate.format(now) + " - " + describe(allowedSkew)
                    + ".)");
        }
    }

    private static String payloadHash(SignedRequest request) {
        List<String> declared = request.header("x-amz-content-sha256");
        if (declared.isEmpty()) {
            return CanonicalRequest.payloadHash(request.body());
        }
        if (declared.size() > 1) {
            throw incomplete("The request has more than one x-amz-content-sha256 header.");
        }
        String value = declared.get(0).strip();
        if (value.equals(CanonicalRequest.UNSIGNED_PAYLOAD)) {
            // S3's option only: a signature that does not cover the body would let whoever sees
            // the request send another body under it.
            throw invalid("x-amz-content-sha256 '" + CanonicalRequest.UNSIGNED_PAYLOAD + "' is only for S3; "
                    + "this service needs the payload signed: send the hex SHA-256 of the body, or no such header.");
        }
        if (!HEX_SHA256.matcher(value).matches()) {
            throw invalid("x-amz-content-sha256 must be the hex SHA-256 of the body or '"
                    + CanonicalRequest.UNSIGNED_PAYLOAD + "', not '" + value
                    + "'; chunked (streaming) payload signing is not supported.");
        }
        if (!value.toLowerCase(Locale.ROOT).equals(CanonicalRequest.payloadHash(request.body()))) {
            throw invalid("The provided 'x-amz-content-sha256' header does not match what was "
                    + "computed.");
        }
        return value;
    }

    private static String describe(Duration skew) {
        return skew.toSecondsPart() == 0 && skew.toNanosPart() == 0
                ? skew.toMinutes() + " min"
                : skew.toSeconds() + " sec";
    }

    private static SigV4Exception incomplete(String message) {
        return new SigV4Exception(SigV4Error.INCOMPLETE_SIGNATURE, message);
    }

    private static SigV4Exception invalid(String message) {
        return new SigV4Exception(SigV4Error.INVALID_SIGNATURE, message);
    }
}
