/** The artifacts of SolutionTrainingJob.xml: one batchlet that trains, a listener that records failure. */
package io.tastemaker.batch.training;
