/**
 * Encryption at rest of dataset groups created with a {@code kmsKeyArn} (ADR 12): envelope
 * encryption with one AES-256-GCM data key per group, itself encrypted under the group's KMS key.
 * Item and user attributes, event properties and model artifacts of such a group are stored only
 * encrypted ({@link io.tastemaker.domain.encryption.SealedValues}); they are decrypted when loaded
 * (training data, a campaign's model, a filter's attributes), not per request.
 *
 * <p>Invariants: the data key's plaintext exists only in memory; every encrypted value is bound to
 * its place by associated data; a group whose key is disabled, pending deletion or deleted
 * neither reads nor writes its data (within {@link io.tastemaker.domain.encryption.DataEncryption#CACHE_SECONDS}
 * seconds), and says why.
 *
 * <p>Left out: ids (user, item, event type and session ids, timestamps and event values stay in
 * plaintext so that the database can index them), re-encrypting a group under another key, and
 * encryption of groups created without a key.
 */
package io.tastemaker.domain.encryption;
