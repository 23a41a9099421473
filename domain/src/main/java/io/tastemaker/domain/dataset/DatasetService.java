package io.tastemaker.domain.dataset;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.Names;
import io.tastemaker.domain.common.Page;
import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.common.ResourceType;
import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.datasetgroup.DatasetGroupService;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.ResourceAlreadyExistsException;
import io.tastemaker.domain.error.ResourceInUseException;
import io.tastemaker.domain.error.ResourceNotFoundException;
import io.tastemaker.domain.schema.DatasetSchema;
import io.tastemaker.domain.schema.DatasetSchemaRules;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.SchemaService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creates, finds, lists and deletes datasets; one dataset of each type per dataset group. */
@Stateless
public class DatasetService {

    @PersistenceContext
    EntityManager em;
    @Inject
    Arns arns;
    @Inject
    Clock clock;
    @Inject
    DatasetGroupService groups;
    @Inject
    SchemaService schemas;
    @Inject
    DatasetRows rows;

    private final DatasetSchemaRules rules = new DatasetSchemaRules();

    public Dataset create(String accountId, String name, String schemaArn, String datasetGroupArn, String datasetType) {
        Names.require("name", name);
        Arns.require("schemaArn", schemaArn);
        Arns.require("datasetGroupArn", datasetGroupArn);
        if (datasetType == null) {
            throw new InvalidInputException("1 validation error detected: Value null at 'datasetType' failed to satisfy constraint: Member must not be null");
        }
        DatasetType type = DatasetType.fromWire(datasetType);
        var group = groups.find(accountId, datasetGroupArn);
        DatasetSchema schema = schemas.find(accountId, schemaArn);
        rules.check(schemas.parsed(schema), type);
        String arn = arns.of(accountId, ResourceType.DATASET, group.getName() + "/" + type.name());
        if (em.find(Dataset.class, arn) != null) {
            throw new ResourceAlreadyExistsException("Dataset group " + group.getName() + " already has a dataset of type "
                    + type.wireName() + ".");
        }
        if (!em.createQuery("select d from Dataset d where d.accountId = :a and d.name = :n", Dataset.class)
                .setParameter("a", accountId).setParameter("n", name).getResultList().isEmpty()) {
            throw new ResourceAlreadyExistsException("A dataset with the name " + name + " already exists.");
        }
        Instant now = clock.instant();
        Dataset dataset = new Dataset(arn, accountId, name, group.getArn(), type.name(), schema.getArn(), Status.ACTIVE, now, now);
        em.persist(dataset);
        em.flush();
        rows.openBatch(arn, null);
        return dataset;
    }

    public Dataset find(String accountId, String arn) {
        Dataset dataset = em.find(Dataset.class, Arns.require("datasetArn", arn));
        if (dataset == null || !dataset.getAccountId().equals(accountId)) {
            throw new ResourceNotFoundException("Could not find resource: " + arn);
        }
        return dataset;
    }

    /** The dataset of the given type in a dataset group, if there is one. */
    public Optional<Dataset> ofType(String datasetGroupArn, DatasetType type) {
        List<Dataset> found = em.createQuery(
                        "select d from Dataset d where d.datasetGroupArn = :g and d.datasetType = :t", Dataset.class)
                .setParameter("g", datasetGroupArn).setParameter("t", type.name()).getResultList();
        return found.stream().findFirst();
    }

    public Page<Dataset> list(String accountId, String datasetGroupArn, PageRequest page) {
        if (datasetGroupArn != null) {
            groups.find(accountId, Arns.require("datasetGroupArn", datasetGroupArn));
        }
        return Page.of(em.createQuery(
                        "select d from Dataset d where d.accountId = :account and (:g is null or d.datasetGroupArn = :g)"
                                + " order by d.createdAt desc, d.arn", Dataset.class)
                .setParameter("account", accountId)
                .setParameter("g", datasetGroupArn)
                .setFirstResult(page.offset())
                .setMaxResults(page.maxResults() + 1)
                .getResultList(), page);
    }

    public void delete(String accountId, String arn) {
        Dataset dataset = find(accountId, arn);
        long running = em.createQuery("select count(j) from DatasetImportJob j where j.datasetArn = :d and j.status in :s", Long.class)
                .setParameter("d", arn).setParameter("s", List.of(Status.CREATE_PENDING, Status.CREATE_IN_PROGRESS))
                .getSingleResult();
        long training = em.createQuery("select count(v) from SolutionVersion v, Solution s where v.solutionArn = s.arn"
                        + " and s.datasetGroupArn = :g and v.status in :st", Long.class)
                .setParameter("g", dataset.getDatasetGroupArn())
                .setParameter("st", List.of(Status.CREATE_PENDING, Status.CREATE_IN_PROGRESS, Status.CREATE_STOPPING))
                .getSingleResult();
        if (running > 0 || training > 0) {
            throw new ResourceInUseException("Dataset " + arn + " has an import job or a solution version in progress; "
                    + "wait until it ends.");
        }
        em.createQuery("delete from DatasetImportJob j where j.datasetArn = :d").setParameter("d", arn).executeUpdate();
        rows.deleteAll(dataset);
        em.remove(dataset);
    }
}
