/** Configuration of the security module: the master key and the clock. */
package io.tastemaker.security.config;
