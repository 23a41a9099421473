/**
 * Event trackers and real-time ingestion (PutEvents, PutItems, PutUsers). Events are checked
 * against the Interactions schema and stored at once as published rows, so the next training
 * sees them. Out of scope for now: live session state that changes recommendations without
 * retraining, impressions down-weighting.
 */
package io.tastemaker.domain.eventtracker;
