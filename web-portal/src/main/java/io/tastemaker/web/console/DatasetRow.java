package io.tastemaker.web.console;

import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.schema.DatasetSchema;
import io.tastemaker.domain.schema.DatasetType;
import java.io.Serializable;

/** A dataset with its schema and the number of its published rows. */
public final class DatasetRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String arn;
    private final String type;
    private final String status;
    private final String schemaName;
    private final String schemaArn;
    private final String schemaJson;
    private final String rows;
    private final String created;
    private final String updated;

    DatasetRow(String name, String arn, String type, String status, String schemaName, String schemaArn, String schemaJson, String rows, String created, String updated) {
        this.name = name;
        this.arn = arn;
        this.type = type;
        this.status = status;
        this.schemaName = schemaName;
        this.schemaArn = schemaArn;
        this.schemaJson = schemaJson;
        this.rows = rows;
        this.created = created;
        this.updated = updated;
    }

    static DatasetRow of(Dataset dataset, DatasetSchema schema, long rows) {
        return new DatasetRow(dataset.getName(), dataset.getArn(), DatasetType.valueOf(dataset.getDatasetType()).wireName(),
                dataset.getStatus(), schema.getName(), schema.getArn(), ConsoleFormat.prettyJson(schema.getSchemaJson()),
                ConsoleFormat.count(rows), ConsoleFormat.time(dataset.getCreatedAt()), ConsoleFormat.time(dataset.getUpdatedAt()));
    }

    public String getName() {
        return name;
    }

    public String getArn() {
        return arn;
    }

    public String getType() {
        return type;
    }

    public String getStatus() {
        return status;
    }

    public String getSchemaName() {
        return schemaName;
    }

    public String getSchemaArn() {
        return schemaArn;
    }

    public String getSchemaJson() {
        return schemaJson;
    }

    public String getRows() {
        return rows;
    }

    public String getCreated() {
        return created;
    }

    public String getUpdated() {
        return updated;
    }
}
