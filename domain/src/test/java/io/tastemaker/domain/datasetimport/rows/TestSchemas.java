package io.tastemaker.domain.datasetimport.rows;

import io.tastemaker.domain.schema.AvroSchemaParser;
import io.tastemaker.domain.schema.DatasetSchemaRules;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.ParsedSchema;

/** Checked schemas for the row tests. */
final class TestSchemas {

    static final ParsedSchema INTERACTIONS = checked(DatasetType.INTERACTIONS, """
            {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
             "fields": [
               {"name": "USER_ID", "type": "string"},
               {"name": "ITEM_ID", "type": "string"},
               {"name": "TIMESTAMP", "type": "long"},
               {"name": "EVENT_TYPE", "type": "string"},
               {"name": "EVENT_VALUE", "type": ["null", "float"]},
               {"name": "IMPRESSION", "type": ["null", "string"]},
               {"name": "RECOMMENDATION_ID", "type": ["null", "string"]},
               {"name": "DEVICE", "type": ["null", "string"], "categorical": true},
               {"name": "SESSION_LENGTH", "type": ["null", "int"]}
             ]}
            """);

    static final ParsedSchema ITEMS = checked(DatasetType.ITEMS, """
            {"type": "record", "name": "Items", "namespace": "com.amazonaws.personalize.schema",
             "fields": [
               {"name": "ITEM_ID", "type": "string"},
               {"name": "GENRES", "type": ["null", "string"], "categorical": true},
               {"name": "PRICE", "type": ["null", "double"]},
               {"name": "STOCK", "type": ["null", "long"]},
               {"name": "ADULT", "type": ["null", "boolean"]},
               {"name": "TITLE", "type": ["null", "string"]},
               {"name": "DESCRIPTION", "type": ["null", "string"], "textual": true},
               {"name": "CREATION_TIMESTAMP", "type": ["null", "long"]}
             ]}
            """);

    static final ParsedSchema USERS = checked(DatasetType.USERS, """
            {"type": "record", "name": "Users", "namespace": "com.amazonaws.personalize.schema",
             "fields": [
               {"name": "USER_ID", "type": "string"},
               {"name": "AGE", "type": "int"},
               {"name": "GENDER", "type": ["null", "string"], "categorical": true}
             ]}
            """);

    private TestSchemas() {
    }

    private static ParsedSchema checked(DatasetType type, String json) {
        ParsedSchema schema = new AvroSchemaParser().parse(json);
        new DatasetSchemaRules().check(schema, type);
        return schema;
    }
}
