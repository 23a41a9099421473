/**
 * Password hashing for console sign-in: {@link io.tastemaker.security.password.PasswordHasher},
 * PBKDF2-HMAC-SHA256 from the JDK with a 16-byte random salt per password.
 *
 * <p>Invariants: a stored hash names its scheme and iteration count, so the count can be raised
 * without a migration; hashes are compared in constant time; a malformed stored hash is an error
 * ({@link java.lang.IllegalArgumentException}), never a silent mismatch; stored iteration counts
 * are capped so that a tampered row cannot stall a sign-in.
 *
 * <p>Left out: password policy (length, reuse, expiry), lockout and rate limiting, which are
 * IAM's and the console's; memory-hard hashes (scrypt, Argon2), which the JDK does not provide;
 * and a pepper.
 */
package io.tastemaker.security.password;
