package io.tastemaker.engine.filter;

import java.util.Objects;

/**
 * A field of a dataset's schema, spelled as the schema spells it.
 *
 * @param dataset the dataset that declares it
 * @param name its name in the schema
 * @param kind what it holds
 */
public record SchemaField(Dataset dataset, String name, FieldKind kind) {

    /** The Interactions dataset's event type, the only Interactions field filters can use. */
    public static final String EVENT_TYPE = "EVENT_TYPE";
    /** The Items dataset's item id. */
    public static final String ITEM_ID = "ITEM_ID";
    /** The Items dataset's creation time (epoch seconds). */
    public static final String CREATION_TIMESTAMP = "CREATION_TIMESTAMP";

    public SchemaField {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether this is {@code Interactions.EVENT_TYPE}. */
    public boolean isEventType() {
        return dataset == Dataset.INTERACTIONS && name.equalsIgnoreCase(EVENT_TYPE);
    }

    @Override
    public String toString() {
        return dataset.keyword() + "." + name;
    }
}
