package io.tastemaker.security.kms;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * The ciphertext that Encrypt and GenerateDataKey return and Decrypt reads. It describes itself,
 * so that Decrypt needs no key id and old ciphertexts stay readable after rotations:
 *
 * <pre>
 * offset  length  content
 *      0       1  format version, {@value #FORMAT}
 *      1      16  key id (the key's UUID, most significant bits first)
 *     17       4  key material version (big-endian, 1 for the key's first material)
 *     21      12  AES-GCM nonce
 *     33   n + 16 AES-256-GCM ciphertext of the n plaintext bytes, then the 16-byte tag
 * </pre>
 *
 * The first {@value #HEADER_BYTES} bytes (format, key id, version) are authenticated along with
 * the encryption context ({@link #associatedData}), so a blob cannot be moved to another key,
 * version or context without failing authentication.
 *
 * <p>Immutable: the byte arrays are copied in and out.
 */
public final class CiphertextBlob {

    /** The format version this server writes and reads. */
    public static final byte FORMAT = 1;
    /** Bytes of format, key id and version. */
    public static final int HEADER_BYTES = 1 + 16 + 4;
    /** Bytes of the AES-GCM nonce. */
    public static final int NONCE_BYTES = 12;
    /** Bytes of the AES-GCM tag. */
    public static final int TAG_BYTES = 16;
    /** The shortest blob: header, nonce and tag around an empty ciphertext. */
    public static final int MIN_BYTES = HEADER_BYTES + NONCE_BYTES + TAG_BYTES;

    private final UUID keyId;
    private final int keyVersion;
    private final byte[] nonce;
    private final byte[] sealed;

    /**
     * A blob from its parts.
     *
     * @param keyId      the key that made it
     * @param keyVersion the version of the key's material that made it, from 1
     * @param nonce      {@value #NONCE_BYTES} bytes
     * @param sealed     ciphertext and tag, at least {@value #TAG_BYTES} bytes
     */
    public CiphertextBlob(UUID keyId, int keyVersion, byte[] nonce, byte[] sealed) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        if (keyVersion < 1) {
            throw new IllegalArgumentException("Key versions start at 1, not " + keyVersion);
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("A nonce is " + NONCE_BYTES + " bytes, not " + nonce.length);
        }
        if (sealed.length < TAG_BYTES) {
            throw new IllegalArgumentException("Ciphertext and tag are at least " + TAG_BYTES + " bytes");
        }
        this.keyVersion = keyVersion;
        this.nonce = nonce.clone();
        this.sealed = sealed.clone();
    }

    /**
     * Reads a blob.
     *
     * @param bytes the blob as a client sent it
     * @return its parts
     * @throws InvalidCiphertextException when it is too short or of another format; the contents
     *                                    are authenticated only when it is decrypted
     */
    public static CiphertextBlob decode(byte[] bytes) {
        if (bytes == null || bytes.length < MIN_BYTES) {
            throw new InvalidCiphertextException("The ciphertext is not one this server made: it is "
                    + (bytes == null ? 0 : bytes.length) + " bytes long, shorter than the " + MIN_BYTES
                    + " bytes of any ciphertext.");
        }
        if (bytes[0] != FORMAT) {
            throw new InvalidCiphertextException("The ciphertext is not one this server made: its format byte is "
                    + (bytes[0] & 0xFF) + ", not " + FORMAT + ".");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.get();
        UUID keyId = new UUID(in.getLong(), in.getLong());
        int version = in.getInt();
        if (version < 1) {
            throw new InvalidCiphertextException("The ciphertext is not one this server made: it names key version "
                    + version + ".");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        return new CiphertextBlob(keyId, version, nonce, sealed);
    }

    /** The blob's bytes, in the layout above. */
    public byte[] encode() {
        return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length)
                .put(header(keyId, keyVersion)).put(nonce).put(sealed).array();
    }

    /** The bytes AES-GCM authenticates for this blob: its header, then the context's encoding. */
    public byte[] associatedData(EncryptionContext context) {
        return associatedData(keyId, keyVersion, context);
    }

    static byte[] associatedData(UUID keyId, int keyVersion, EncryptionContext context) {
        byte[] aad = context.aad();
        return ByteBuffer.allocate(HEADER_BYTES + aad.length).put(header(keyId, keyVersion)).put(aad).array();
    }

    private static byte[] header(UUID keyId, int keyVersion) {
        return ByteBuffer.allocate(HEADER_BYTES).put(FORMAT).putLong(keyId.getMostSignificantBits())
                .putLong(keyId.getLeastSignificantBits()).putInt(keyVersion).array();
    }

    public UUID keyId() {
        return keyId;
    }

    public int keyVersion() {
        return keyVersion;
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    /** Ciphertext and tag. */
    public byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CiphertextBlob b && b.keyId.equals(keyId) && b.keyVersion == keyVersion
                && Arrays.equals(b.nonce, nonce) && Arrays.equals(b.sealed, sealed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, keyVersion, Arrays.hashCode(nonce), Arrays.hashCode(sealed));
    }

    @Override
    public String toString() {
        return "CiphertextBlob[key " + keyId + " v" + keyVersion + ", " + sealed.length + " bytes]";
    }
}
