package io.tastemaker.security.kms;

import io.tastemaker.security.crypto.SecretBox;
import io.tastemaker.security.crypto.SecretBoxException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Envelope encryption of data at rest with a 256-bit data key (see
 * {@link KmsService#generateDataKey(String, String, java.util.Map)}): AES-256-GCM, a fresh random
 * nonce per value, and associated data that binds each value to its place (e.g. the row and
 * column it is stored in). The sealed format is {@link SecretBox}'s: version, nonce, ciphertext,
 * tag.
 *
 * <p>The data key's plaintext lives only in this object; keep it for as long as the data are in
 * use (e.g. while a model is loaded) and store only the data key's ciphertext blob. Thread-safe.
 */
public final class Envelope {

    private final SecretBox box;

    /**
     * An envelope over a data key.
     *
     * @param dataKey a 32-byte data key's plaintext; the envelope keeps its own copy
     */
    public Envelope(byte[] dataKey) {
        Objects.requireNonNull(dataKey, "dataKey");
        if (dataKey.length != SecretBox.KEY_BYTES) {
            throw new IllegalArgumentException("An envelope's data key is " + SecretBox.KEY_BYTES
                    + " bytes (AES_256), not " + dataKey.length);
        }
        this.box = new SecretBox(dataKey);
    }

    /** Encrypts bytes, binding {@code associatedData} (null for none). */
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        return box.seal(plaintext, associatedData);
    }

    /**
     * Decrypts bytes made by {@link #seal} with the same data key and associated data.
     *
     * @throws InvalidCiphertextException when they were altered, or sealed under another data key
     *                                    or with other associated data
     */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        try {
            return box.open(sealed, associatedData);
        } catch (SecretBoxException e) {
            throw new InvalidCiphertextException("Encrypted data failed authentication: " + e.getMessage());
        }
    }

    /** Encrypts text (UTF-8), binding a text context (UTF-8; null for none). */
    public byte[] sealText(String plaintext, String context) {
        return seal(plaintext.getBytes(StandardCharsets.UTF_8), context == null ? null
                : context.getBytes(StandardCharsets.UTF_8));
    }

    /** Decrypts text made by {@link #sealText} with the same context. */
    public String openText(byte[] sealed, String context) {
        return new String(open(sealed, context == null ? null : context.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Envelope[AES-256-GCM]";
    }
}
