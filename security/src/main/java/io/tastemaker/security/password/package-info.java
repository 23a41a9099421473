/**
 * Password hashing for console sign-in: {@link io.tastemaker.security.password.PasswordHasher},
 * PBKDF2-HMAC-SHA256 from the JDK with a 16-byte random salt per password; and what a password
 * must be: {@link io.tastemaker.security.password.PasswordPolicy} (12 to 128 characters, upper
 * and lower case, a digit, a symbol, not the user name), which also generates passwords that
 * meet it.
 *
 * <p>Invariants: a stored hash names its scheme and iteration count, so the count can be raised
 * without a migration; hashes are compared in constant time; a malformed stored hash is an error
 * ({@link java.lang.IllegalArgumentException}), never a silent mismatch; stored iteration counts
 * are capped so that a tampered row cannot stall a sign-in.
 *
 * <p>A policy violation is IAM's {@code PasswordPolicyViolation}
 * ({@link io.tastemaker.security.iam.PasswordPolicyViolationException}); its message says what the
 * password lacks and never quotes it.
 *
 * <p>Left out: password reuse and expiry, lists of breached passwords, lockout and rate limiting
 * (IAM's {@link io.tastemaker.security.iam.SignInLockout}); memory-hard hashes (scrypt, Argon2),
 * which the JDK does not provide; and a pepper.
 */
package io.tastemaker.security.password;
