/**
 * AWS Signature Version 4 on the server side: {@link io.tastemaker.security.sigv4.SigV4Verifier}
 * checks the signature of an incoming request and names the caller, refusing with the error names
 * AWS JSON services use ({@code MissingAuthenticationTokenException},
 * {@code IncompleteSignatureException}, {@code UnrecognizedClientException},
 * {@code InvalidSignatureException}). {@link io.tastemaker.security.sigv4.SigV4Signer} signs the
 * same way for our tests and scripts, and both share one canonicalization,
 * {@link io.tastemaker.security.sigv4.CanonicalRequest}.
 *
 * <p>Invariants:
 *
 * <ul>
 *   <li>The canonical request follows AWS's rules for services other than S3: the path is
 *       normalized (dot segments resolved, duplicate slashes dropped) and encoded a second time,
 *       the query is decoded and re-encoded and sorted, header values are trimmed and collapsed.
 *       AWS's published SigV4 test suite and the AWS SDK for Java's signer are the tests.
 *   <li>Signatures are compared in constant time; secrets never appear in messages or
 *       {@code toString()}.
 *   <li>A signature's scope must name the configured service and the day of its
 *       {@code X-Amz-Date}, and the configured region when there is one (the server's, as a
 *       regional AWS endpoint requires; without one any region is accepted).
 *   <li>The signing time must lie within the allowed skew (15 minutes by default) of the injected
 *       clock; a presigned URL must also not be past {@code X-Amz-Expires} (at most 7 days).
 *   <li>{@code host} must be signed, and every signed header must be present.
 * </ul>
 *
 * <p>Left out: S3's rules (single encoding, no path normalization, {@code UNSIGNED-PAYLOAD} and
 * chunked {@code STREAMING-*} payloads, all refused), SigV4a (ECDSA, region sets), the {@code Date} header as an
 * alternative to {@code X-Amz-Date}, and session tokens: there is no STS here, so a request that
 * carries {@code X-Amz-Security-Token} is refused as {@code UnrecognizedClientException}.
 * Authorization (what a verified caller may do) is IAM's business, not this package's.
 */
package io.tastemaker.security.sigv4;
