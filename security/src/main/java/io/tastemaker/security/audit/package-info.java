/**
 * The audit trail: who did what, when, from where, and how it ended, for every API call of every
 * service and every console action that changes something, refusals included.
 *
 * <p>{@link io.tastemaker.security.audit.AuditEntry} is what the edges report: time, account,
 * principal, access key id, service, action, resources, source address, user agent, outcome, HTTP
 * status and error code. Never a request body, a password, a secret key or a signature.
 * {@link io.tastemaker.security.audit.AuditTrail} queues entries off the request thread; one
 * named writer thread drains the queue in order, links each entry into its account's hash chain
 * ({@link io.tastemaker.security.audit.AuditChain}) and appends the batch through
 * {@link io.tastemaker.security.audit.AuditStore}.
 *
 * <p>Invariants: records are only ever inserted (no code path updates or deletes them); each
 * record's hash is SHA-256 over the previous record's hash and the record's canonical form, per
 * chain (one chain per account, one for calls whose account is unknown), with sequence numbers
 * 1, 2, 3, ... so that an edited, removed, inserted or reordered record breaks the chain
 * ({@link io.tastemaker.security.audit.ChainVerifier}); an account reads only its own records,
 * the operator's account reads all. See docs/adr/0013-audit-hash-chain.md.
 *
 * <p>Left out: anchoring chain heads outside the database (cutting off the newest records of a
 * chain is not detectable from the table alone), retention and archiving, and the request
 * parameters CloudTrail records for some calls.
 */
package io.tastemaker.security.audit;
