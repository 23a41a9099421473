package io.tastemaker.security.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a request says about its own signature, read from the Authorization header or from a
 * presigned URL's query parameters, with its shape checked. Nothing here is verified yet: the
 * claim is only well-formed.
 *
 * @param accessKeyId   the access key id from the credential
 * @param scope         the credential scope
 * @param signedHeaders the signed header names, lower case, in the order given
 * @param signature     the signature, 64 lower-case hex digits
 * @param amzDate       the signing time as sent, {@code yyyyMMdd'T'HHmmss'Z'}
 * @param signedAt      the signing time
 * @param expires       how long a presigned URL is valid; empty for header authentication
 */
record SignatureClaim(
        String accessKeyId,
        CredentialScope scope,
        List<String> signedHeaders,
        String signature,
        String amzDate,
        Instant signedAt,
        Optional<Duration> expires) {

    static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
    static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
    static final String X_AMZ_DATE = "X-Amz-Date";
    static final String X_AMZ_EXPIRES = "X-Amz-Expires";
    static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String X_AMZ_SIGNATURE = "X-Amz-Signature";

    /** The longest a presigned URL may be valid, as in AWS: seven days. */
    static final long MAX_EXPIRES_SECONDS = 604_800L;

    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-fA-F]{64}");
    private static final List<String> HEADER_COMPONENTS =
            List.of("Credential", "SignedHeaders", "Signature");
    private static final List<String> QUERY_PARAMETERS = List.of(
            X_AMZ_ALGORITHM, X_AMZ_CREDENTIAL, X_AMZ_DATE, X_AMZ_EXPIRES, X_AMZ_SIGNED_HEADERS,
            X_AMZ_SIGNATURE);

    /**
     * Reads an Authorization header such as {@code AWS4-HMAC-SHA256 Credential=AKID/20150830/
     * us-east-1/personalize/aws4_request, SignedHeaders=host;x-amz-date, Signature=...}, and the
     * request's {@code X-Amz-Date} header.
     */
    static SignatureClaim fromHeader(String authorization, SignedRequest request) {
        String value = authorization.strip();
        if (value.isEmpty()) {
            throw incomplete("The Authorization header is empty.");
        }
        int space = indexOfBlank(value);
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (!algorithm.equals(CanonicalRequest.ALGORITHM)) {
            throw incomplete("Unsupported authorization algorithm '" + algorithm
                    + "': the Authorization header must start with '" + CanonicalRequest.ALGORITHM + "'.");
        }
        Map<String, String> components = new LinkedHashMap<>();
        String rest = space < 0 ? "" : value.substring(space + 1);
        for (String piece : rest.split(",", -1)) {
            String component = piece.strip();
            if (component.isEmpty()) {
                continue;
            }
            int equals = component.indexOf('=');
            if (equals < 0) {
                throw incomplete("Authorization header component '" + component
                        + "' is not of the form name=value.");
            }
            String name = component.substring(0, equals).strip();
            if (!HEADER_COMPONENTS.contains(name)) {
                throw incomplete("Authorization header has an unknown component '" + name
                        + "'; it takes Credential, SignedHeaders and Signature.");
            }
            if (components.put(name, component.substring(equals + 1).strip()) != null) {
                throw incomplete("Authorization header has more than one '" + name + "' component.");
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String name : HEADER_COMPONENTS) {
            if (!components.containsKey(name)) {
                missing.append(missing.length() == 0 ? "" : " ")
                        .append("Authorization header requires '").append(name).append("' parameter.");
            }
        }
        if (missing.length() > 0) {
            throw incomplete(missing.toString());
        }
        List<String> dates = request.header("x-amz-date");
        if (dates.isEmpty()) {
            throw incomplete("Authorization header requires existence of a 'X-Amz-Date' header.");
        }
        if (dates.size() > 1) {
            throw incomplete("The request has more than one X-Amz-Date header.");
        }
        return build(
                components.get("Credential"), components.get("SignedHeaders"),
                components.get("Signature"), dates.get(0).strip(), Optional.empty());
    }

    /** Reads the query parameters of a presigned URL. */
    static SignatureClaim fromQuery(List<QueryString.Parameter> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : QUERY_PARAMETERS) {
            List<String> found = QueryString.values(parameters, name);
            if (found.isEmpty()) {
                missing.add(name);
            } else if (found.size() > 1) {
                throw incomplete("The query string has more than one '" + name + "' parameter.");
            } else {
                values.put(name, found.get(0));
            }
        }
        String algorithm = values.get(X_AMZ_ALGORITHM);
        if (algorithm != null && !algorithm.equals(CanonicalRequest.ALGORITHM)) {
            throw incomplete("Unsupported X-Amz-Algorithm '" + algorithm + "'; only '"
                    + CanonicalRequest.ALGORITHM + "' is supported.");
        }
        if (!missing.isEmpty()) {
            throw incomplete("A presigned request needs the query parameters "
                    + String.join(", ", QUERY_PARAMETERS) + "; missing: " + String.join(", ", missing)
                    + ".");
        }
        String expires = values.get(X_AMZ_EXPIRES);
        long seconds;
        try {
            seconds = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > MAX_EXPIRES_SECONDS) {
            throw incomplete("X-Amz-Expires must be a whole number of seconds from 1 to "
                    + MAX_EXPIRES_SECONDS + ", not '" + expires + "'.");
        }
        return build(
                values.get(X_AMZ_CREDENTIAL), values.get(X_AMZ_SIGNED_HEADERS),
                values.get(X_AMZ_SIGNATURE), values.get(X_AMZ_DATE),
                Optional.of(Duration.ofSeconds(seconds)));
    }

    private static SignatureClaim build(
            String credential, String signedHeaderList, String signature, String amzDate,
            Optional<Duration> expires) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5 || parts[0].isEmpty()) {
            throw incomplete("Credential must have the form "
                    + "<access key id>/<yyyyMMdd>/<region>/<service>/aws4_request, not '" + credential
                    + "'.");
        }
        if (!parts[4].equals(CredentialScope.TERMINATOR)) {
            throw incomplete("Credential should be scoped with a valid terminator: '"
                    + CredentialScope.TERMINATOR + "', not '" + parts[4] + "'.");
        }
        CredentialScope scope;
        try {
            scope = new CredentialScope(parts[1], parts[2], parts[3]);
        } catch (IllegalArgumentException e) {
            throw incomplete(e.getMessage());
        }
        List<String> signedHeaders = new ArrayList<>();
        for (String name : signedHeaderList.split(";", -1)) {
            String lower = name.strip().toLowerCase(Locale.ROOT);
            if (lower.isEmpty()) {
                throw incomplete("SignedHeaders must be a list of header names separated by ';', not '"
                        + signedHeaderList + "'.");
            }
            if (signedHeaders.contains(lower)) {
                throw incomplete("SignedHeaders names '" + lower + "' more than once.");
            }
            signedHeaders.add(lower);
        }
        if (!signedHeaders.contains("host")) {
            throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        if (!SIGNATURE.matcher(signature).matches()) {
            throw incomplete("Signature must be 64 hexadecimal digits.");
        }
        Instant signedAt = AmzDate.parse(amzDate).orElseThrow(() -> incomplete(
                "X-Amz-Date must be in the ISO 8601 basic format yyyyMMdd'T'HHmmss'Z', not '" + amzDate
                        + "'."));
        return new SignatureClaim(
                parts[0], scope, List.copyOf(signedHeaders), signature.toLowerCase(Locale.ROOT), amzDate,
                signedAt, expires);
    }

    private static int indexOfBlank(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == ' ' || value.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static SigV4Exception incomplete(String message) {
        return new SigV4Exception(SigV4Error.INCOMPLETE_SIGNATURE, message);
    }
}
