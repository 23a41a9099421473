package io.tastemaker.security.accesskey;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Access key ids and secret access keys: making new ones shaped like AWS's, and checking the
 * shape of ones an operator supplies (for example to keep the keys existing scripts already use).
 *
 * <ul>
 *   <li>A new id is {@code AKIA} and 16 characters of the base32 alphabet {@code [A-Z2-7]}: 80
 *       random bits. An id supplied by an operator may be 16 to 128 characters of {@code [A-Z0-9]}.
 *   <li>A new secret is 40 characters of {@code [A-Za-z0-9/+]}: 240 random bits. A secret
 *       supplied by an operator may be 20 to 128 printable ASCII characters other than space.
 * </ul>
 *
 * <p>New keys come from one shared {@link SecureRandom}; the overloads that take a generator are
 * for tests, which pass a seeded one.
 */
public final class AccessKeys {

    /** The prefix AWS gives long-term access key ids. */
    public static final String ACCESS_KEY_ID_PREFIX = "AKIA";

    /** The number of random characters after the prefix of a new id. */
    public static final int ACCESS_KEY_ID_RANDOM_CHARS = 16;

    /** The shortest access key id accepted. */
    public static final int MIN_ACCESS_KEY_ID_LENGTH = 16;

    /** The longest access key id accepted. */
    public static final int MAX_ACCESS_KEY_ID_LENGTH = 128;

    /** The length of a new secret, as AWS's. */
    public static final int SECRET_LENGTH = 40;

    /** The shortest secret accepted. */
    public static final int MIN_SECRET_LENGTH = 20;

    /** The longest secret accepted. */
    public static final int MAX_SECRET_LENGTH = 128;

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessKeys() {}

    /** A new access key id, {@code AKIA} and 16 random base32 characters. */
    public static String newAccessKeyId() {
        return newAccessKeyId(RANDOM);
    }

    /**
     * A new access key id from a chosen generator.
     *
     * @param random the generator; production code uses {@link #newAccessKeyId()}
     * @return {@code AKIA} and 16 characters of {@code [A-Z2-7]}
     */
    public static String newAccessKeyId(RandomGenerator random) {
        return ACCESS_KEY_ID_PREFIX + draw(random, BASE32, ACCESS_KEY_ID_RANDOM_CHARS);
    }

    /** A new secret access key, 40 random characters of {@code [A-Za-z0-9/+]}. */
    public static String newSecretAccessKey() {
        return newSecretAccessKey(RANDOM);
    }

    /**
     * A new secret access key from a chosen generator.
     *
     * @param random the generator; production code uses {@link #newSecretAccessKey()}
     * @return 40 characters of {@code [A-Za-z0-9/+]}
     */
    public static String newSecretAccessKey(RandomGenerator random) {
        return draw(random, SECRET_ALPHABET, SECRET_LENGTH);
    }

    /**
     * Checks the shape of an access key id supplied by an operator.
     *
     * @param accessKeyId the id
     * @return the id, unchanged
     * @throws IllegalArgumentException saying what to change
     */
    public static String requireValidId(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isEmpty()) {
            throw new IllegalArgumentException("An access key id is required, for example "
                    + "AKIAIOSFODNN7EXAMPLE.");
        }
        int length = accessKeyId.length();
        if (length < MIN_ACCESS_KEY_ID_LENGTH || length > MAX_ACCESS_KEY_ID_LENGTH) {
            throw new IllegalArgumentException("An access key id must be " + MIN_ACCESS_KEY_ID_LENGTH
                    + " to " + MAX_ACCESS_KEY_ID_LENGTH + " characters long; '" + printable(accessKeyId)
                    + "' has " + length + ".");
        }
        for (int i = 0; i < length; i++) {
            char c = accessKeyId.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new IllegalArgumentException("An access key id may contain only upper-case letters "
                        + "A-Z and digits 0-9; '" + printable(accessKeyId) + "' has '" + printable(
                        String.valueOf(c)) + "' at position " + (i + 1) + ".");
            }
        }
        return accessKeyId;
    }

    /**
     * Checks the shape of a secret access key supplied by an operator. Messages never repeat the
     * secret or any of its characters.
     *
     * @param secretAccessKey the secret
     * @return the secret, unchanged
     * @throws IllegalArgumentException saying what to change
     */
    public static String requireValidSecret(String secretAccessKey) {
        if (secretAccessKey == null || secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("A secret access key is required.");
        }
        int length = secretAccessKey.length();
        if (length < MIN_SECRET_LENGTH || length > MAX_SECRET_LENGTH) {
            throw new IllegalArgumentException("A secret access key must be " + MIN_SECRET_LENGTH
                    + " to " + MAX_SECRET_LENGTH + " characters long (AWS's have " + SECRET_LENGTH
                    + "); this one has " + length + ".");
        }
        for (int i = 0; i < length; i++) {
            char c = secretAccessKey.charAt(i);
            if (c < '!' || c > '~') {
                throw new IllegalArgumentException("A secret access key may contain only printable "
                        + "ASCII characters other than space; the character at position " + (i + 1)
                        + " is not one" + (c == ' ' ? " (it is a space)." : "."));
            }
        }
        return secretAccessKey;
    }

    /**
     * Whether an access key id has an acceptable shape.
     *
     * @param accessKeyId the id, may be {@code null}
     * @return whether {@link #requireValidId} accepts it
     */
    public static boolean isValidId(String accessKeyId) {
        try {
            requireValidId(accessKeyId);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String draw(RandomGenerator random, String alphabet, int length) {
        Objects.requireNonNull(random, "random");
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    /** The id with control and non-ASCII characters escaped, so that a message shows it plainly. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(text.length(), MAX_ACCESS_KEY_ID_LENGTH + 8);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c >= ' ' && c <= '~') {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return shown < text.length() ? out + "..." : out.toString();
    }
}
