package io.tastemaker.domain.encryption;

import io.tastemaker.security.kms.Envelope;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * How values encrypted with a dataset group's data key are stored: text (attribute and property
 * JSON) as {@value #TEXT_PREFIX} followed by the base64 of the {@link Envelope}'s sealed bytes,
 * and binary values (model artifacts) as the magic bytes {@code TMENC1} followed by the sealed
 * bytes. A reader tells an encrypted value from a plain one by the prefix, so groups created
 * before encryption existed, and groups without a key, are read as they are.
 *
 * <p>Every value is sealed with associated data naming its place (table, dataset or version,
 * row id), so an encrypted value copied to another row does not decrypt.
 */
public final class SealedValues {

    /** The prefix of an encrypted text value. */
    public static final String TEXT_PREFIX = "tmenc1:";
    private static final byte[] MAGIC = "TMENC1".getBytes(StandardCharsets.US_ASCII);

    private SealedValues() {
    }

    /** Encrypts text; null stays null. */
    public static String sealText(Envelope envelope, String plaintext, String place) {
        if (plaintext == null) {
            return null;
        }
        return TEXT_PREFIX + Base64.getEncoder().encodeToString(envelope.sealText(plaintext, place));
    }

    /** True if a stored text value is encrypted. */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(TEXT_PREFIX);
    }

    /**
     * The plaintext of a stored text value: decrypted when encrypted, as it is otherwise.
     *
     * @throws IllegalStateException when it is encrypted and no envelope is given (the group has
     *                               no key, so the value was not written by this group)
     */
    public static String openText(Envelope envelope, String stored, String place) {
        if (!isSealed(stored)) {
            return stored;
        }
        if (envelope == null) {
            throw new IllegalStateException("An encrypted value was found where its dataset group has no data key: " + place);
        }
        return envelope.openText(Base64.getDecoder().decode(stored.substring(TEXT_PREFIX.length())), place);
    }

    /** Encrypts bytes, behind the magic prefix. */
    public static byte[] sealBytes(Envelope envelope, byte[] plaintext, String place) {
        byte[] sealed = envelope.seal(plaintext, place.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(MAGIC.length + sealed.length).put(MAGIC).put(sealed).array();
    }

    /** True if stored bytes are encrypted. */
    public static boolean isSealed(byte[] stored) {
        return stored != null && stored.length > MAGIC.length
                && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** The plaintext of stored bytes: decrypted when encrypted, as they are otherwise. */
    public static byte[] openBytes(Envelope envelope, byte[] stored, String place) {
        if (!isSealed(stored)) {
            return stored;
        }
        if (envelope == null) {
            throw new IllegalStateException("Encrypted bytes were found where their dataset group has no data key: " + place);
        }
        return envelope.open(Arrays.copyOfRange(stored, MAGIC.length, stored.length), place.getBytes(StandardCharsets.UTF_8));
    }
}
