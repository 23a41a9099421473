/**
 * KMS-style keys: each account's customer master keys (symmetric, {@code SYMMETRIC_DEFAULT},
 * {@code ENCRYPT_DECRYPT}), served over AWS KMS's JSON 1.1 protocol by the web module and used by
 * the domain for envelope encryption of dataset groups' data at rest.
 *
 * <ul>
 *   <li>{@link io.tastemaker.security.kms.KmsService}: CreateKey, DescribeKey, ListKeys,
 *       Enable/DisableKey, key rotation (automatic every 365 days, and on demand),
 *       Schedule/CancelKeyDeletion, Encrypt, Decrypt, GenerateDataKey; and for the domain
 *       {@code generateDataKey}, {@code decryptDataKey} and {@code requireUsable}.</li>
 *   <li>{@link io.tastemaker.security.kms.KmsKey}: the key and its state machine.</li>
 *   <li>{@link io.tastemaker.security.kms.KeyMaterial} and
 *       {@link io.tastemaker.security.kms.CiphertextBlob}: AES-256-GCM under one version of a
 *       key's material, and the self-describing ciphertext format.</li>
 *   <li>{@link io.tastemaker.security.kms.Envelope}: AES-256-GCM with a data key, for data at rest.</li>
 *   <li>{@link io.tastemaker.security.kms.KmsHousekeeping}: the timer that rotates and deletes.</li>
 * </ul>
 *
 * <p>Invariants: key material is stored only sealed under the server's root key and bound to its
 * key id and version; no answer, message or {@code toString()} carries it. Every version of a
 * key's material is kept until the key is deleted, so rotation never makes a ciphertext
 * unreadable. A ciphertext is authenticated together with its key id, material version and
 * encryption context. A key of one account is not found for any other. Only Enabled keys
 * encrypt, decrypt or make data keys.
 *
 * <p>Left out: asymmetric, HMAC and multi-Region keys, imported and external key material, key
 * policies and grants, aliases (an alias is not found), ReEncrypt, and DryRun. Tags are stored
 * and listed, not used for authorisation.
 */
package io.tastemaker.security.kms;
