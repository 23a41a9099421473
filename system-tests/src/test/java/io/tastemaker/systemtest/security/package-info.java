/**
 * Attack tests against a running server: one account reaching for another's resources through
 * every operation ({@link io.tastemaker.systemtest.security.CrossAccountIT}), forged and tampered
 * Signature Version 4 requests ({@link io.tastemaker.systemtest.security.SignatureAttacksIT}),
 * injection-shaped and oversized input in every member ({@link io.tastemaker.systemtest.security.InjectionIT}),
 * markup rendered by the console ({@link io.tastemaker.systemtest.security.ConsoleInjectionIT}), and
 * the operator's account operations ({@link io.tastemaker.systemtest.security.AccountsIT}).
 *
 * <p>Invariants the tests hold the server to: an attack is refused with the AWS error name a real
 * client would get (never a 500), tells the attacker nothing it did not send, and changes nothing,
 * which each test checks by reading the victim's resources again. The tables are built from the
 * operations the AWS SDK knows and the server serves ({@link io.tastemaker.systemtest.support.ApiSurface}),
 * so that a new operation without a row fails a test.
 *
 * <p>Left out: denial of service by volume (only single oversized requests are tried), and the
 * authorization of users within one account (IAM policies), which their own tests cover.
 */
package io.tastemaker.systemtest.security;
