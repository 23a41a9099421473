/**
 * Encryption at rest: {@link io.tastemaker.security.crypto.SecretBox} seals small secrets (the
 * secret access keys IAM must keep readable to verify signatures) with AES-256-GCM, and
 * {@link io.tastemaker.security.crypto.MasterKeyFile} provides the key it seals them under, from a
 * file made on first start or from base64 in the environment.
 *
 * <p>Invariants: every seal uses a fresh random 12-byte nonce; sealed values carry a version byte
 * so the format can change; opening authenticates before it returns anything, and binds the
 * value to its associated data; the master key file is exactly 32 bytes and open to its owner
 * only, and is never replaced once it exists; no message or {@code toString()} contains key or
 * plaintext material.
 *
 * <p>Left out: key rotation (re-sealing under a new master key), hardware or cloud key
 * management, and encryption of bulk data such as datasets.
 */
package io.tastemaker.security.crypto;
