/**
 * The row-level part of a dataset import: reading the CSV file
 * ({@link io.tastemaker.domain.datasetimport.rows.CsvRecordReader}), mapping its header to the
 * dataset's schema ({@link io.tastemaker.domain.datasetimport.rows.HeaderMapping}) and turning
 * each record into a typed {@link io.tastemaker.domain.datasetimport.rows.ValidatedRow} or a
 * {@link io.tastemaker.domain.datasetimport.rows.RowRejection}
 * ({@link io.tastemaker.domain.datasetimport.rows.RowValidator}). The JSR-352 import job reads,
 * processes and checkpoints with these classes.
 *
 * <p>Invariants:
 * <ul>
 *   <li>a bad header fails the whole import with an
 *       {@link io.tastemaker.domain.error.InvalidInputException}; a bad row never throws, it
 *       becomes a rejection that names its physical line, the field and the rule;</li>
 *   <li>reading is streaming, in constant memory: a 64 KiB buffer and one record, at most
 *       {@link io.tastemaker.domain.datasetimport.rows.CsvRecordReader#DEFAULT_MAX_RECORD_LENGTH}
 *       characters by default;</li>
 *   <li>{@code CsvRecordReader.position()} counts records (header included) and is the
 *       checkpoint: reopening the same file and calling {@code skipTo(position)} resumes the
 *       import at the same record;</li>
 *   <li>field names match ignoring case ({@code Locale.ROOT}); the file is UTF-8.</li>
 * </ul>
 *
 * <p>Out of scope: where the file comes from (object storage, folders of several files), the job
 * itself (chunking, skip limits, rejected-row reports, metrics), storing rows, FULL versus
 * INCREMENTAL semantics, de-duplication of identical events, import-wide limits (at least 1000
 * interaction records per job, distinct event types plus metadata at most 10, file size).
 */
package io.tastemaker.domain.datasetimport.rows;
