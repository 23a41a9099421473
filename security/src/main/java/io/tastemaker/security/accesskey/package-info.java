/**
 * The shapes of access keys: {@link io.tastemaker.security.accesskey.AccessKeys} makes new access
 * key ids ({@code AKIA} + 16 base32 characters) and 40-character secrets from a
 * {@link java.security.SecureRandom}, and checks ids and secrets that an operator supplies,
 * with messages that say what to change.
 *
 * <p>Invariants: generated values always pass the checks; a check's message never contains a
 * secret or any character of it.
 *
 * <p>Left out: storing keys, their status and their owners (IAM), and sealing secrets at rest
 * ({@link io.tastemaker.security.crypto.SecretBox}).
 */
package io.tastemaker.security.accesskey;
