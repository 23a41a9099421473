package io.tastemaker.domain.schema;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An Avro schema that datasets are created with; account-level, not tied to a dataset group. */
@Entity
@Table(name = "dataset_schema")
public class DatasetSchema {

    @Id
    private String arn;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(name = "name", nullable = false, updatable = false)
    private String name;
    @Column(name = "schema_json", nullable = false, updatable = false)
    private String schemaJson;
    @Column(name = "domain")
    private String domain;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DatasetSchema() {
    }

    public DatasetSchema(String arn, String accountId, String name, String schemaJson, String domain, Instant createdAt, Instant updatedAt) {
        this.arn = arn;
        this.accountId = accountId;
        this.name = name;
        this.schemaJson = schemaJson;
        this.domain = domain;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public String getArn() {
        return arn;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public String getSchemaJson() {
        return schemaJson;
    }

    public String getDomain() {
        return domain;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
