/**
 * Interaction data as the engine sees it: an immutable columnar table
 * ({@link io.tastemaker.engine.data.InteractionLog}) whose users, items and event types are dense
 * {@code int} indices into {@link io.tastemaker.engine.data.IdDictionary dictionaries}, with
 * per-user and per-item row groups in compressed sparse row form
 * ({@link io.tastemaker.engine.data.RowGroups}).
 *
 * <p>Invariants: a log never changes after it is built; filtered logs share their parent's
 * dictionaries; row groups list each group's rows oldest first, ties in insertion order; a missing
 * event value is {@link java.lang.Float#NaN} and a missing event type is
 * {@link io.tastemaker.engine.data.InteractionLog#NO_EVENT_TYPE}.
 *
 * <p>Contextual metadata: a log may carry categorical contextual columns (such as {@code DEVICE}),
 * one value or none per row and field, indexed into a dictionary per field; filtered logs carry
 * them along.
 *
 * <p>Out of scope: reading CSV or Avro (the batch import does that and feeds the builder), the Users
 * dataset, multi-valued contextual values ({@code |} is part of a value) and impressions.
 */
package io.tastemaker.engine.data;
