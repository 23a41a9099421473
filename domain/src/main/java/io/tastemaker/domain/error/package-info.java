/**
 * The error vocabulary shared by every capability: one exception per error name of Amazon
 * Personalize's service models. The domain throws them; the API maps them to AWS wire errors,
 * the console to messages, batch steps skip or fail on them by name.
 *
 * <p>Out of scope: transport errors (signature, authentication), which belong to the edge.
 */
package io.tastemaker.domain.error;
