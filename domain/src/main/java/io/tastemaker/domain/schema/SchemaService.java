package io.tastemaker.domain.schema;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.Names;
import io.tastemaker.domain.common.Page;
import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.common.ResourceType;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.ResourceAlreadyExistsException;
import io.tastemaker.domain.error.ResourceInUseException;
import io.tastemaker.domain.error.ResourceNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/**
 * Creates, finds, lists and deletes schemas. A schema is checked as Avro when it is created, and
 * against the rules of a dataset type when a dataset is created with it.
 */
@Stateless
public class SchemaService {

    @PersistenceContext
    EntityManager em;
    @Inject
    Arns arns;
    @Inject
    Clock clock;

    @Inject
    ParsedSchemas parsedSchemas;

    private final AvroSchemaParser parser = new AvroSchemaParser();

    public DatasetSchema create(String accountId, String name, String schemaJson, String domain) {
        Names.require("name", name);
        if (schemaJson == null) {
            throw new InvalidInputException("1 validation error detected: Value null at 'schema' failed to satisfy constraint: Member must not be null");
        }
        if (domain != null) {
            throw new InvalidInputException("Domain schemas (domain " + domain
                    + ") are not supported by this server yet; create the schema without 'domain'.");
        }
        parser.parse(schemaJson);
        String arn = arns.of(accountId, ResourceType.SCHEMA, name);
        if (em.find(DatasetSchema.class, arn) != null) {
            throw new ResourceAlreadyExistsException("A schema with the name " + name + " already exists.");
        }
        Instant now = clock.instant();
        DatasetSchema schema = new DatasetSchema(arn, accountId, name, schemaJson, null, now, now);
        em.persist(schema);
        em.flush();
        return schema;
    }

    public DatasetSchema find(String accountId, String arn) {
        DatasetSchema schema = em.find(DatasetSchema.class, Arns.require("schemaArn", arn));
        if (schema == null || !schema.getAccountId().equals(accountId)) {
            throw new ResourceNotFoundException("Could not find resource: " + arn);
        }
        return schema;
    }

    /** The parsed form of a stored schema. */
    public ParsedSchema parsed(DatasetSchema schema) {
        return parsedSchemas.of(schema.getSchemaJson());
    }

    public Page<DatasetSchema> list(String accountId, PageRequest page) {
        return Page.of(em.createQuery(
                        "select s from DatasetSchema s where s.accountId = :account order by s.createdAt desc, s.arn",
                        DatasetSchema.class)
                .setParameter("account", accountId)
                .setFirstResult(page.offset())
                .setMaxResults(page.maxResults() + 1)
                .getResultList(), page);
    }

    public void delete(String accountId, String arn) {
        DatasetSchema schema = find(accountId, arn);
        long users = em.createQuery("select count(d) from Dataset d where d.schemaArn = :s", Long.class)
                .setParameter("s", arn).getSingleResult();
        if (users > 0) {
            throw new ResourceInUseException("Schema " + arn + " is used by " + users + " dataset(s); delete them first.");
        }
        em.remove(schema);
    }
}
