/**
 * The artifacts of DatasetImportJob.xml: read CSV records (checkpointed by record count),
 * validate them against the schema, write pending rows and rejections per chunk, publish at the
 * end; the listener fails the import cleanly otherwise.
 */
package io.tastemaker.batch.datasetimport;
