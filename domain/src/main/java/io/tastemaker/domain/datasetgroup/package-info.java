/**
 * Dataset groups: the top of a customer's resource tree. Names are unique per account; a group
 * is deleted only when its datasets, solutions and event tracker are gone. A group created with
 * {@code kmsKeyArn} (and the {@code roleArn} that Personalize asks for with it) has its data
 * encrypted at rest under a data key of that KMS key (see {@code io.tastemaker.domain.encryption}).
 *
 * <p>Out of scope for now: Domain dataset groups (recommenders), refused with
 * InvalidInputException rather than silently ignored.
 */
package io.tastemaker.domain.datasetgroup;
