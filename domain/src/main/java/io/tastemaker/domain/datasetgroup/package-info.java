/**
 * Dataset groups: the top of a customer's resource tree. Names are unique per account; a group
 * is deleted only when its datasets, solutions and event tracker are gone.
 *
 * <p>Out of scope for now: Domain dataset groups (recommenders) and KMS encryption
 * ({@code kmsKeyArn}); both are refused with InvalidInputException rather than silently ignored.
 */
package io.tastemaker.domain.datasetgroup;
