package io.tastemaker.domain.schema;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed schemas by their JSON text, so that the per-call paths (PutEvents, PutItems, the
 * recommendations' filters) do not parse Avro again on every call. A schema's text never changes
 * (Personalize has no UpdateSchema), so the text is the key and no entry goes stale; the least
 * recently used entries beyond {@value #CAPACITY} are dropped.
 */
@ApplicationScoped
public class ParsedSchemas {

    static final int CAPACITY = 1_000;

    private final AvroSchemaParser parser = new AvroSchemaParser();
    private final Map<String, ParsedSchema> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ParsedSchema> eldest) {
                    return size() > CAPACITY;
                }
            });

    /** The parsed form of a stored schema's JSON. */
    public ParsedSchema of(String schemaJson) {
        ParsedSchema parsed = cache.get(schemaJson);
        if (parsed == null) {
            parsed = parser.parse(schemaJson);
            cache.put(schemaJson, parsed);
        }
        return parsed;
    }
}
