package io.tastemaker.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption of small secrets (such as secret access keys at rest) with AES-256-GCM.
 *
 * <p>A sealed value is {@code version (1 byte) || nonce (12 bytes) || ciphertext || tag (16
 * bytes)}; the version is {@value #VERSION}. Each seal draws a fresh random nonce, which is safe
 * for up to about 2<sup>32</sup> seals under one key. The associated data is authenticated but
 * not stored: opening needs the same bytes, which binds a sealed value to its context (for
 * example the row it belongs to).
 *
 * <p>Thread-safe: a cipher is made per call.
 */
public final class SecretBox {

    /** The key length, in bytes (AES-256). */
    public static final int KEY_BYTES = 32;

    /** The nonce length, in bytes. */
    public static final int NONCE_BYTES = 12;

    /** The authentication tag length, in bytes. */
    public static final int TAG_BYTES = 16;

    /** The format version written as the first byte. */
    public static final byte VERSION = 1;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES;
    private static final byte[] NO_DATA = new byte[0];

    private final SecretKeySpec key;
    private final SecureRandom random;

    /**
     * A box with a key and a fresh {@link SecureRandom} for nonces.
     *
     * @param key {@value #KEY_BYTES} bytes; the box keeps its own copy
     */
    public SecretBox(byte[] key) {
        this(key, new SecureRandom());
    }

    /**
     * A box with a key and a chosen source of nonces.
     *
     * @param key    {@value #KEY_BYTES} bytes; the box keeps its own copy
     * @param random where nonces come from
     */
    public SecretBox(byte[] key, SecureRandom random) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(
                    "A SecretBox key is " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Encrypts and authenticates.
     *
     * @param plaintext      the bytes to seal
     * @param associatedData bytes to authenticate along, not stored; {@code null} means none
     * @return version, nonce, ciphertext and tag
     */
    public byte[] seal(byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] sealed = new byte[OVERHEAD + plaintext.length];
        sealed[0] = VERSION;
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, sealed, 1, NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(associatedData == null ? NO_DATA : associatedData);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, 1 + NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " failed to encrypt", e);
        }
        return sealed;
    }

    /**
     * Checks and decrypts.
     *
     * @param sealed         a value made by {@link #seal}
     * @param associatedData the same associated data as when sealing; {@code null} means none
     * @return the plaintext
     * @throws SecretBoxException when the value is not a sealed value of this format, or fails
     *                            authentication: it was altered, or sealed under another key or
     *                            other associated data
     */
    public byte[] open(byte[] sealed, byte[] associatedData) {
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < OVERHEAD) {
            throw new SecretBoxException("Sealed value is " + sealed.length
                    + " bytes, shorter than the " + OVERHEAD + " bytes of version, nonce and tag.");
        }
        if (sealed[0] != VERSION) {
            throw new SecretBoxException("Sealed value has format version " + (sealed[0] & 0xFF)
                    + "; this box reads version " + VERSION + ".");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BYTES * 8, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES)));
            cipher.updateAAD(associatedData == null ? NO_DATA : associatedData);
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretBoxException("Sealed value failed authentication: it was altered, or it "
                    + "was sealed under another key or with other associated data.", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " failed to decrypt", e);
        }
    }

    /**
     * Seals text (UTF-8) and returns standard base64, for storing in a text column.
     *
     * @param plaintext      the text
     * @param associatedData text to authenticate along (UTF-8); {@code null} means none
     * @return the sealed value in base64
     */
    public String sealToBase64(String plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        return Base64.getEncoder().encodeToString(
                seal(plaintext.getBytes(StandardCharsets.UTF_8), utf8(associatedData)));
    }

    /**
     * Opens a value made by {@link #sealToBase64}.
     *
     * @param sealedBase64   the sealed value in base64
     * @param associatedData the same associated data as when sealing
     * @return the text
     * @throws SecretBoxException when the value is not base64, or {@link #open} refuses it
     */
    public String openBase64(String sealedBase64, String associatedData) {
        Objects.requireNonNull(sealedBase64, "sealedBase64");
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(sealedBase64);
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException("Sealed value is not valid base64.", e);
        }
        return new String(open(sealed, utf8(associatedData)), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text == null ? NO_DATA : text.getBytes(StandardCharsets.UTF_8);
    }
}
