/**
 * Accounts, their users and access keys. An account is a hard wall: every resource carries its
 * account id and every lookup is scoped by it. Passwords are stored only as PBKDF2 hashes.
 * Access-key secrets are sealed (AES-256-GCM) under the server's master key: Signature Version 4
 * is a symmetric scheme, so the server must be able to recompute the signature, exactly as AWS
 * must; the secret itself is shown once, at creation.
 *
 * <p>Console sign-in: a wrong password is counted on the user's row, and
 * {@link io.tastemaker.security.iam.SignInLockout} locks the user after a run of failures; every
 * refusal (unknown account or user, wrong password, locked user, suspended account) is the same
 * empty answer after the same amount of hashing. Every password set must meet
 * {@link io.tastemaker.security.password.PasswordPolicy#DEFAULT}.
 *
 * <p>Out of scope for now: policies, groups and roles (everything an account's user may do is
 * allowed within that account), per-account password policies, password expiry and reuse.
 */
package io.tastemaker.security.iam;
