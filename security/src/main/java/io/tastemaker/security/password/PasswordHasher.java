package io.tastemaker.security.password;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes console passwords with PBKDF2-HMAC-SHA256 (the JDK's {@code PBKDF2WithHmacSHA256}) and a
 * 16-byte random salt, and checks them against stored hashes.
 *
 * <p>A hash is stored as {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>} (standard
 * base64 with padding), so that the iteration count can be raised later without invalidating the
 * hashes already stored: {@link #verify} reads the count from the encoding, and
 * {@link #needsRehash} tells when a stored hash is weaker than this hasher's setting.
 *
 * <p>Thread-safe.
 */
public final class PasswordHasher {

    /**
     * The default iteration count, 210,000: OWASP's 2023 figure for PBKDF2 with HMAC-SHA512. OWASP
     * advises 600,000 for HMAC-SHA256; 210,000 is a compromise that keeps a console sign-in near a
     * tenth of a second on a small server core. Raise it when the hardware allows; old hashes keep
     * verifying and {@link #needsRehash} reports them.
     */
    public static final int DEFAULT_ITERATIONS = 210_000;

    /** The smallest iteration count accepted, for tests; never use it in production. */
    public static final int MIN_ITERATIONS = 1_000;

    /**
     * The largest iteration count accepted, here and in stored hashes, so that a tampered hash
     * cannot make a sign-in burn minutes of CPU.
     */
    public static final int MAX_ITERATIONS = 10_000_000;

    /** The salt length of new hashes, in bytes. */
    public static final int SALT_BYTES = 16;

    /** The hash length of new hashes, in bytes. */
    public static final int HASH_BYTES = 32;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int MIN_STORED_BYTES = 16;
    private static final int MAX_STORED_BYTES = 64;

    private final int iterations;
    private final SecureRandom random;

    /** A hasher with {@link #DEFAULT_ITERATIONS} and a fresh {@link SecureRandom}. */
    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /**
     * A hasher with a chosen iteration count and a fresh {@link SecureRandom}.
     *
     * @param iterations from {@link #MIN_ITERATIONS} to {@link #MAX_ITERATIONS}
     */
    public PasswordHasher(int iterations) {
        this(iterations, new SecureRandom());
    }

    /**
     * A hasher with a chosen iteration count and source of salts.
     *
     * @param iterations from {@link #MIN_ITERATIONS} to {@link #MAX_ITERATIONS}
     * @param random     where salts come from
     */
    public PasswordHasher(int iterations, SecureRandom random) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be from " + MIN_ITERATIONS
                    + " to " + MAX_ITERATIONS + ", not " + iterations);
        }
        this.iterations = iterations;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The iteration count new hashes get. */
    public int iterations() {
        return iterations;
    }

    /**
     * Hashes a password with a new salt. The caller keeps the array and should clear it.
     *
     * @param password the password
     * @return {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>}
     */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, iterations, HASH_BYTES);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(hash);
    }

    /**
     * Checks a password against a stored hash, comparing the hashes in constant time.
     *
     * @param password the password to check; the caller keeps the array and should clear it
     * @param encoded  a hash made by {@link #hash}, with any iteration count in range
     * @return whether the password is the one hashed
     * @throws IllegalArgumentException when {@code encoded} is not such a hash
     */
    public boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        Stored stored = Stored.parse(encoded);
        byte[] actual = pbkdf2(password, stored.salt, stored.iterations, stored.hash.length);
        return MessageDigest.isEqual(actual, stored.hash);
    }

    /**
     * Whether a stored hash should be replaced at the next successful sign-in because it uses
     * fewer iterations than this hasher or a different salt or hash length.
     *
     * @param encoded a hash made by {@link #hash}
     * @return whether to hash the password again
     * @throws IllegalArgumentException when {@code encoded} is not such a hash
     */
    public boolean needsRehash(String encoded) {
        Stored stored = Stored.parse(encoded);
        return stored.iterations < iterations || stored.salt.length != SALT_BYTES
                || stored.hash.length != HASH_BYTES;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Stored(int iterations, byte[] salt, byte[] hash) {

        static Stored parse(String encoded) {
            if (encoded == null) {
                throw malformed("it is null");
            }
            String[] parts = encoded.split("\\$", -1);
            if (parts.length != 4) {
                throw malformed("it has " + parts.length + " '$'-separated parts instead of 4");
            }
            if (!parts[0].equals(SCHEME)) {
                throw malformed("its scheme is not '" + SCHEME + "'");
            }
            int iterations;
            try {
                iterations = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw malformed("its iteration count is not a number");
            }
            if (iterations < 1 || iterations > MAX_ITERATIONS) {
                throw malformed("its iteration count " + iterations + " is not from 1 to "
                        + MAX_ITERATIONS);
            }
            byte[] salt = decode(parts[2], "salt");
            byte[] hash = decode(parts[3], "hash");
            return new Stored(iterations, salt, hash);
        }

        private static byte[] decode(String text, String what) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw malformed("its " + what + " is not valid base64");
            }
            if (bytes.length < MIN_STORED_BYTES || bytes.length > MAX_STORED_BYTES) {
                throw malformed("its " + what + " is " + bytes.length + " bytes, not "
                        + MIN_STORED_BYTES + " to " + MAX_STORED_BYTES);
            }
            return bytes;
        }

        private static IllegalArgumentException malformed(String why) {
            return new IllegalArgumentException("Not a password hash of the form " + SCHEME
                    + "$<iterations>$<base64 salt>$<base64 hash>: " + why + ".");
        }
    }
}
