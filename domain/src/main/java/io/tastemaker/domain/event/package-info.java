/**
 * Real-time ingestion: PutEvents, PutItems and PutUsers, checked against the dataset's schema
 * and stored as published rows. A call is all or nothing. An event's {@code impression} (stored
 * {@code |}-separated) and {@code recommendationId} are kept with it: recommendations read them to
 * down-weight items a user was shown often and never chose. Implicit impressions (the items of the
 * recommendation a {@code recommendationId} names) are not reconstructed: this server does not keep
 * the lists it served.
 */
package io.tastemaker.domain.event;
