/**
 * IAM's Query protocol: a form-encoded {@code POST /} with {@code Action=<Operation>}, signed for
 * service {@code iam}, answered in XML ({@code <ActionResponse><ActionResult>...}) with lists as
 * {@code <member>} elements and policy documents URL-encoded, as IAM answers; errors are
 * {@code <ErrorResponse>} (written by {@link io.tastemaker.web.api.ApiErrors}). Each operation
 * names the resources it acts on before it runs, so that the caller's policies are checked first.
 * Served: users, login profiles, access keys, managed and inline user policies, attachments and
 * groups; not served: roles, instance profiles, MFA, policy versions beyond v1, tags.
 */
package io.tastemaker.web.api.iam;
