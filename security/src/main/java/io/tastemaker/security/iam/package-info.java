/**
 * Accounts and IAM inside each: users, console passwords, access keys, groups, customer managed
 * and inline policies and their attachments ({@link io.tastemaker.security.iam.IamDirectory}),
 * and the operator's account management ({@link io.tastemaker.security.iam.IamService}).
 *
 * <p>An account is a hard wall: every row carries its account id and every lookup is scoped by
 * it. Passwords are stored only as PBKDF2 hashes. Access-key secrets are sealed (AES-256-GCM)
 * under the server's master key: Signature Version 4 is a symmetric scheme, so the server must be
 * able to recompute the signature, exactly as AWS must; the secret itself is shown once, at
 * creation. Signing credentials ({@link io.tastemaker.security.iam.CredentialCache}) and the
 * policies of each user ({@link io.tastemaker.security.iam.PrincipalPolicies}) are cached and
 * read again after any IAM change here ({@link io.tastemaker.security.iam.IamChanges}) or after
 * 10 seconds (ADR 14).
 *
 * <p>Console sign-in: a wrong password is counted on the user's row, and
 * {@link io.tastemaker.security.iam.SignInLockout} locks the user after a run of failures; every
 * refusal (unknown account or user, wrong password, locked user, suspended account) is the same
 * empty answer after the same amount of hashing. Every password set must meet
 * {@link io.tastemaker.security.password.PasswordPolicy#DEFAULT}.
 *
 * <p>Out of scope: roles and AssumeRole, permission boundaries, MFA, policy versions beyond v1,
 * tags on IAM entities, per-account password policies, password expiry and reuse.
 */
package io.tastemaker.security.iam;
