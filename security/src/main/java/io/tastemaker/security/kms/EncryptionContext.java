package io.tastemaker.security.kms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * KMS's encryption context: string pairs that are not secret and not stored in the ciphertext,
 * but are authenticated with it, so that decrypting needs exactly the same pairs.
 *
 * <p>{@link #aad()} is the canonical encoding that is authenticated: the pairs in the order of
 * their keys (by UTF-16 code units, as {@link String#compareTo}), each key and value as a 4-byte
 * big-endian length followed by its UTF-8 bytes, after a 4-byte count. The order in which a
 * client sent the pairs therefore does not matter, and no two different contexts share an
 * encoding. Immutable.
 */
public final class EncryptionContext {

    /** The context with no pairs. */
    public static final EncryptionContext EMPTY = new EncryptionContext(new TreeMap<>());

    private final TreeMap<String, String> pairs;

    private EncryptionContext(TreeMap<String, String> pairs) {
        this.pairs = pairs;
    }

    /**
     * A context of the given pairs.
     *
     * @param pairs the pairs; null means none
     * @return the context
     * @throws ValidationException when a key or value is null
     */
    public static EncryptionContext of(Map<String, String> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return EMPTY;
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> entry : pairs.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new ValidationException("1 validation error detected: an EncryptionContext key or value is null.");
            }
            sorted.put(entry.getKey(), entry.getValue());
        }
        return new EncryptionContext(sorted);
    }

    /** The pairs, ordered by key. */
    public Map<String, String> pairs() {
        return Collections.unmodifiableMap(pairs);
    }

    /** The canonical encoding described above. */
    public byte[] aad() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, pairs.size());
        for (Map.Entry<String, String> entry : pairs.entrySet()) {
            writeString(out, entry.getKey());
            writeString(out, entry.getValue());
        }
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionContext c && c.pairs.equals(pairs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pairs);
    }

    @Override
    public String toString() {
        return "EncryptionContext" + pairs;
    }
}
