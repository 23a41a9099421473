/**
 * The operator's command line: {@code ./tastemaker account create|list|suspend|resume}, which
 * calls the running server's {@code Tastemaker.*} operations signed with the operator's access
 * key. Plain Java (no container), so the launcher runs it from the security jar alone. It is
 * the one place in this module that writes to standard output.
 */
package io.tastemaker.security.cli;
