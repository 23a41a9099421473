/**
 * The root of the one error vocabulary: {@link io.tastemaker.security.error.ServiceException}.
 * Personalize's errors (in the domain), IAM's and KMS's extend it and are named after the errors
 * of the AWS service models.
 */
package io.tastemaker.security.error;
