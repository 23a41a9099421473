package io.tastemaker.security.kms;

import java.util.Objects;

/**
 * A data key as GenerateDataKey returns it: the plaintext key, to use at once and forget, and the
 * same key encrypted under a KMS key, to store beside the data it protects.
 *
 * @param keyArn         the ARN of the KMS key that encrypted it
 * @param plaintext      the key itself; never logged ({@link #toString()} leaves it out)
 * @param ciphertextBlob the key encrypted under the KMS key ({@link CiphertextBlob})
 */
public record DataKey(String keyArn, byte[] plaintext, byte[] ciphertextBlob) {

    public DataKey {
        Objects.requireNonNull(keyArn, "keyArn");
        Objects.requireNonNull(ciphertextBlob, "ciphertextBlob");
    }

    @Override
    public String toString() {
        return "DataKey[" + keyArn + ", " + (plaintext == null ? "no plaintext" : plaintext.length + " bytes") + "]";
    }
}
