/**
 * What every capability shares: ARNs, resource names, statuses, pagination and the server's
 * settings. Nothing here knows a particular resource.
 */
package io.tastemaker.domain.common;
