/**
 * Dataset import jobs: a CSV file (file:// or https://) read, checked row by row against the
 * dataset's schema, and written into the dataset. FULL replaces the dataset's rows, INCREMENTAL
 * adds interactions and replaces items and users by id. Rows go into the import's own batch,
 * published in one transaction at the end; a failed import (or a server that stops mid-way) leaves the
 * previous data intact. Up to 100 rejected rows are kept with their line and reason; all are
 * counted. Which files and URLs an account may import from is {@link
 * io.tastemaker.domain.datasetimport.ImportSources}' rule (accounts other than the operator's: only
 * their own import directory), checked at creation and again when the job opens the file.
 *
 * <p>The job itself runs in batch-jobs ({@code DatasetImportJob.xml}); it starts on the
 * {@link io.tastemaker.domain.datasetimport.ImportRequested} event after the creating
 * transaction commits. Out of scope: s3:// locations, JSON-lines input.
 */
package io.tastemaker.domain.datasetimport;
