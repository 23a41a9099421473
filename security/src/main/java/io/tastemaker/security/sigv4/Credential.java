package io.tastemaker.security.sigv4;

import java.util.Objects;

/**
 * An access key as the verifier needs it: the key pair and the principal it belongs to.
 *
 * @param accessKeyId     the public half, as it appears in the credential scope
 * @param secretAccessKey the secret half; {@link #toString()} never shows it
 * @param accountId       the account the principal belongs to
 * @param principalName   the user (or root) the key was issued to
 * @param active          whether the key may sign requests; an inactive key is refused like an
 *                        unknown one
 */
public record Credential(
        String accessKeyId,
        String secretAccessKey,
        String accountId,
        String principalName,
        boolean active) {

    /** Requires every field. */
    public Credential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(principalName, "principalName");
    }

    /** Shows everything but the secret access key. */
    @Override
    public String toString() {
        return "Credential[accessKeyId=" + accessKeyId + ", secretAccessKey=****, accountId="
                + accountId + ", principalName=" + principalName + ", active=" + active + "]";
    }
}
