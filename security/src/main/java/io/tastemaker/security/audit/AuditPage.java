package io.tastemaker.security.audit;

import java.util.List;

/**
 * One page of a search, newest first.
 *
 * @param records the records of the page
 * @param total   how many records match the search in all
 */
public record AuditPage(List<AuditRecord> records, long total) {
}
