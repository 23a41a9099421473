/**
 * The JSR-352 batch jobs and how they start: the domain fires events (ImportRequested,
 * TrainingRequested); {@link io.tastemaker.batch.JobLauncher} starts the job after the
 * requesting transaction commits. The domain never imports jakarta.batch.
 */
package io.tastemaker.batch;
