package io.tastemaker.security.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The SigV4 signing key of one secret for one credential scope: the HMAC-SHA256 chain
 * {@code "AWS4" + secret} → date → region → service → {@code aws4_request}.
 *
 * <p>Holds the derived key only, never the secret; {@link #toString()} shows the scope alone.
 */
public final class SigningKey {

    private final byte[] key;
    private final CredentialScope scope;

    private SigningKey(byte[] key, CredentialScope scope) {
        this.key = key;
        this.scope = scope;
    }

    /**
     * Derives the signing key.
     *
     * @param secretAccessKey the secret access key
     * @param scope           the credential scope
     * @return the key
     */
    public static SigningKey derive(String secretAccessKey, CredentialScope scope) {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(scope, "scope");
        byte[] dateKey = Hashes.hmacSha256(
                ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), scope.date());
        byte[] regionKey = Hashes.hmacSha256(dateKey, scope.region());
        byte[] serviceKey = Hashes.hmacSha256(regionKey, scope.service());
        return new SigningKey(Hashes.hmacSha256(serviceKey, CredentialScope.TERMINATOR), scope);
    }

    /** The scope this key signs for. */
    public CredentialScope scope() {
        return scope;
    }

    /**
     * Signs a string to sign.
     *
     * @param stringToSign the string to sign
     * @return the signature, 64 lower-case hex digits
     */
    public String sign(String stringToSign) {
        return Hashes.hex(Hashes.hmacSha256(key, stringToSign));
    }

    @Override
    public String toString() {
        return "SigningKey[scope=" + scope + "]";
    }
}
