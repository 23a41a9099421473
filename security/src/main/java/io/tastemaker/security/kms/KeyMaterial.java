package io.tastemaker.security.kms;

import io.tastemaker.security.crypto.SecretBox;
import io.tastemaker.security.crypto.SecretBoxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One version of a KMS key's material: 256 random bits that encrypt with AES-256-GCM into
 * {@link CiphertextBlob}s. Rotation adds a version; every version stays, so that ciphertexts
 * made before a rotation still decrypt.
 *
 * <p>At rest the material is sealed under the server's root key ({@link SecretBox}), bound to
 * its key id and version as associated data, so that sealed materials cannot be swapped between
 * keys or versions. It leaves the server only inside ciphertexts, never in plaintext.
 *
 * <p>Thread-safe; {@link #toString()} shows no material.
 */
public final class KeyMaterial {

    /** Bytes of material (AES-256). */
    public static final int BYTES = 32;

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final UUID keyId;
    private final int version;
    private final SecretKeySpec key;

    private KeyMaterial(UUID keyId, int version, byte[] material) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        if (version < 1) {
            throw new IllegalArgumentException("Key versions start at 1, not " + version);
        }
        if (material.length != BYTES) {
            throw new IllegalArgumentException("Key material is " + BYTES + " bytes, not " + material.length);
        }
        this.version = version;
        this.key = new SecretKeySpec(material, "AES");
    }

    /** New random material for a version of a key. */
    public static KeyMaterial generate(UUID keyId, int version, SecureRandom random) {
        byte[] material = new byte[BYTES];
        random.nextBytes(material);
        try {
            return new KeyMaterial(keyId, version, material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * Opens material sealed by {@link #seal}.
     *
     * @throws IllegalStateException when the sealed value does not open under this root key for
     *                               this key id and version (a wrong root key, or a row copied
     *                               from elsewhere); nothing a client can cause
     */
    public static KeyMaterial unseal(SecretBox root, UUID keyId, int version, String sealed) {
        byte[] material;
        try {
            material = root.open(Base64.getDecoder().decode(sealed), sealingContext(keyId, version));
        } catch (SecretBoxException | IllegalArgumentException e) {
            throw new IllegalStateException("The material of KMS key " + keyId + " version " + version
                    + " does not open under this server's root key: was the master key replaced?", e);
        }
        try {
            return new KeyMaterial(keyId, version, material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** The material sealed under the root key, in base64, for storing. */
    public String seal(SecretBox root) {
        byte[] material = key.getEncoded();
        try {
            return Base64.getEncoder().encodeToString(root.seal(material, sealingContext(keyId, version)));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static byte[] sealingContext(UUID keyId, int version) {
        return ("kms-key-material:" + keyId + ":" + version).getBytes(StandardCharsets.UTF_8);
    }

    public UUID keyId() {
        return keyId;
    }

    public int version() {
        return version;
    }

    /** Encrypts under this material, binding the context. */
    public CiphertextBlob encrypt(byte[] plaintext, EncryptionContext context, SecureRandom random) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[CiphertextBlob.NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(CiphertextBlob.TAG_BYTES * 8, nonce));
            cipher.updateAAD(CiphertextBlob.associatedData(keyId, version, context));
            return new CiphertextBlob(keyId, version, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " failed to encrypt", e);
        }
    }

    /**
     * Decrypts a blob made by this material.
     *
     * @throws InvalidCiphertextException when the blob was altered or the context differs
     */
    public byte[] decrypt(CiphertextBlob blob, EncryptionContext context) {
        if (!blob.keyId().equals(keyId) || blob.keyVersion() != version) {
            throw new IllegalArgumentException("The blob was made by key " + blob.keyId() + " version "
                    + blob.keyVersion() + ", not by this material");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(CiphertextBlob.TAG_BYTES * 8, blob.nonce()));
            cipher.updateAAD(blob.associatedData(context));
            return cipher.doFinal(blob.sealed());
        } catch (AEADBadTagException e) {
            throw new InvalidCiphertextException("The ciphertext failed authentication: it was altered, or the "
                    + "encryption context differs from the one it was encrypted with.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " failed to decrypt", e);
        }
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + keyId + " v" + version + "]";
    }
}
