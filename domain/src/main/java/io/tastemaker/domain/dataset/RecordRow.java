package io.tastemaker.domain.dataset;

/** One item or user as stored: its id and its metadata fields as a JSON object. */
public record RecordRow(String id, String attributesJson) {
}
