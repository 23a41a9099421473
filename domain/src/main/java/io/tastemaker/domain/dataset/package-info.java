/**
 * Datasets and their rows. A dataset group has at most one dataset per type; a dataset's schema
 * is checked against the rules of its type when it is created. {@link io.tastemaker.domain.dataset.DatasetRows}
 * stores the rows (interactions, items, users) with plain JDBC in batches, because they are
 * bulk data rather than entities: an import's rows go into its own batch, which becomes live in
 * one transaction when the import publishes it, so readers never see half an import (ADR 0004).
 * {@link io.tastemaker.domain.dataset.DataChanges} stamps a dataset when rows arrive and announces
 * each arrival as a {@link io.tastemaker.domain.dataset.DatasetRowsChanged} event (seen after
 * commit by in-memory copies of the data, such as the item metadata of recommendations).
 * {@link io.tastemaker.domain.dataset.ItemAttributesReader} reads an Items dataset for training,
 * for filters, or for item metadata in responses.
 */
package io.tastemaker.domain.dataset;
