package io.tastemaker.domain.datasetimport.rows;

import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.FieldSpec;
import io.tastemaker.domain.schema.ParsedSchema;
import io.tastemaker.domain.schema.ReservedField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a schema indexed for row-level work: by case-insensitive name, and the positions
 * of the dataset type's reserved fields. Shared, read-only, by all rows of one import.
 */
final class FieldLayout {

    final ParsedSchema schema;
    final DatasetType type;
    final FieldSpec[] fields;
    private final Map<String, Integer> indexByKey;
    private final int[] reservedIndex = new int[ReservedField.values().length];
    final int[] attributeIndices;

    FieldLayout(ParsedSchema schema, DatasetType type) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.type = Objects.requireNonNull(type, "type");
        this.fields = schema.fields().toArray(new FieldSpec[0]);
        this.indexByKey = new HashMap<>(fields.length * 2);
        Arrays.fill(reservedIndex, -1);
        List<Integer> attributes = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
            indexByKey.putIfAbsent(fields[i].key(), i);
            ReservedField reserved = type.reservedField(fields[i].name());
            if (reserved == null) {
                attributes.add(i);
            } else {
                reservedIndex[reserved.ordinal()] = i;
            }
        }
        this.attributeIndices = attributes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The index of the field with this name, ignoring case, or -1. */
    int indexOf(String fieldName) {
        if (fieldName == null) {
            return -1;
        }
        Integer index = indexByKey.get(FieldSpec.key(fieldName));
        return index == null ? -1 : index;
    }

    /** The index of a reserved field of this dataset type, or -1 if the schema has none. */
    int indexOf(ReservedField field) {
        return reservedIndex[field.ordinal()];
    }

    /** The reserved field at this index for this dataset type, or {@code null} for metadata. */
    ReservedField reservedAt(int index) {
        return type.reservedField(fields[index].name());
    }
}
