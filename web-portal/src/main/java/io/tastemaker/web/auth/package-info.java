/**
 * Authentication of the API: every request (but the health check) carries a valid Signature
 * Version 4 by an active access key, or is refused with AWS's error names before any work.
 */
package io.tastemaker.web.auth;
