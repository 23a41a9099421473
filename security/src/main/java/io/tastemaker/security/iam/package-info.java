/**
 * Accounts, their users and access keys. An account is a hard wall: every resource carries its
 * account id and every lookup is scoped by it. Passwords are stored only as PBKDF2 hashes.
 * Access-key secrets are sealed (AES-256-GCM) under the server's master key: Signature Version 4
 * is a symmetric scheme, so the server must be able to recompute the signature, exactly as AWS
 * must; the secret itself is shown once, at creation.
 *
 * <p>Out of scope for now: policies, groups and roles (everything an account's user may do is
 * allowed within that account), password policies and lockout.
 */
package io.tastemaker.security.iam;
