/**
 * Real-time ingestion: PutEvents, PutItems and PutUsers, checked against the dataset's schema
 * and stored as published rows. A call is all or nothing.
 */
package io.tastemaker.domain.event;
