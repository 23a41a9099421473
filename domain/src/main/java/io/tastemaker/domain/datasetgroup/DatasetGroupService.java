package io.tastemaker.domain.datasetgroup;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.Names;
import io.tastemaker.domain.common.Page;
import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.common.ResourceType;
import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.encryption.DataEncryption;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.ResourceAlreadyExistsException;
import io.tastemaker.domain.error.ResourceInUseException;
import io.tastemaker.domain.error.ResourceNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Creates, finds, lists and deletes dataset groups, always within one account. */
@Stateless
public class DatasetGroupService {

    private static final Set<String> DOMAINS = Set.of("ECOMMERCE", "VIDEO_ON_DEMAND");

    @PersistenceContext
    EntityManager em;
    @Inject
    Arns arns;
    @Inject
    Clock clock;
    @Inject
    DataEncryption encryption;

    public DatasetGroup create(String accountId, String name, String roleArn, String kmsKeyArn, String domain) {
        Names.require("name", name);
        Arns.requireRoleOrNull("roleArn", roleArn);
        if (domain != null && !DOMAINS.contains(domain)) {
            throw new InvalidInputException("1 validation error detected: Value '" + domain
                    + "' at 'domain' failed to satisfy constraint: Member must satisfy enum value set: [ECOMMERCE, VIDEO_ON_DEMAND]");
        }
        if (domain != null) {
            throw new InvalidInputException("Domain dataset groups (domain " + domain
                    + ") are not supported by this server yet; create a custom dataset group without 'domain'.");
        }
        String arn = arns.of(accountId, ResourceType.DATASET_GROUP, name);
        if (em.find(DatasetGroup.class, arn) != null) {
            throw new ResourceAlreadyExistsException("A dataset group with the name " + name + " already exists.");
        }
        DatasetGroup group = new DatasetGroup(arn, accountId, name, roleArn, domain, Status.ACTIVE, clock.instant());
        if (kmsKeyArn != null) {
            group.encryptWith(kmsKeyArn, encryption.newDataKey(accountId, arn, kmsKeyArn, roleArn));
        }
        em.persist(group);
        em.flush();
        return group;
    }

    /** The dataset group, if it belongs to the account; otherwise ResourceNotFoundException. */
    public DatasetGroup find(String accountId, String arn) {
        DatasetGroup group = em.find(DatasetGroup.class, Arns.require("datasetGroupArn", arn));
        if (group == null || !group.getAccountId().equals(accountId)) {
            throw new ResourceNotFoundException("Could not find resource: " + arn);
        }
        return group;
    }

    public Page<DatasetGroup> list(String accountId, PageRequest page) {
        List<DatasetGroup> rows = em.createQuery(
                        "select g from DatasetGroup g where g.accountId = :account order by g.createdAt desc, g.arn",
                        DatasetGroup.class)
                .setParameter("account", accountId)
                .setFirstResult(page.offset())
                .setMaxResults(page.maxResults() + 1)
                .getResultList();
        return Page.of(rows, page);
    }

    public void delete(String accountId, String arn) {
        DatasetGroup group = find(accountId, arn);
        long children = count("select count(d) from Dataset d where d.datasetGroupArn = :g", arn)
                + count("select count(s) from Solution s where s.datasetGroupArn = :g", arn)
                + count("select count(t) from EventTracker t where t.datasetGroupArn = :g", arn);
        if (children > 0) {
            throw new ResourceInUseException("Dataset group " + arn
                    + " still has datasets, solutions or event trackers; delete them first.");
        }
        // Personalize does not ask for filters to be deleted first: they go with the group, in this transaction.
        em.createQuery("delete from Filter f where f.datasetGroupArn = :g").setParameter("g", arn).executeUpdate();
        em.remove(group);
        encryption.forget(arn);
    }

    private long count(String jpql, String groupArn) {
        return em.createQuery(jpql, Long.class).setParameter("g", groupArn).getSingleResult();
    }
}
