package io.tastemaker.domain.filter;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.Names;
import io.tastemaker.domain.common.Page;
import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.common.ResourceType;
import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.datasetgroup.DatasetGroup;
import io.tastemaker.domain.datasetgroup.DatasetGroupService;
import io.tastemaker.domain.error.ResourceAlreadyExistsException;
import io.tastemaker.domain.error.ResourceNotFoundException;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.ParsedSchema;
import io.tastemaker.domain.schema.SchemaService;
import io.tastemaker.engine.filter.CheckedFilter;
import io.tastemaker.engine.filter.FilterSchema;
import io.tastemaker.engine.filter.FilterValidationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * CreateFilter, DescribeFilter, ListFilters and DeleteFilter. A filter is checked against its
 * dataset group's schemas when it is created ({@link FilterRules}) and is ACTIVE at once: there is
 * nothing to prepare, since the engine evaluates it per request.
 */
@Stateless
public class FilterService {

    @PersistenceContext
    EntityManager em;
    @Inject
    Arns arns;
    @Inject
    Clock clock;
    @Inject
    DatasetGroupService groups;
    @Inject
    DatasetService datasets;
    @Inject
    SchemaService schemas;
    @Inject
    FilterRuntime runtime;

    public Filter create(String accountId, String name, String datasetGroupArn, String filterExpression) {
        Names.require("name", name);
        DatasetGroup group = groups.find(accountId, Arns.require("datasetGroupArn", datasetGroupArn));
        FilterSchema schema = schemaOf(accountId, group.getArn());
        CheckedFilter checked = FilterRules.check(filterExpression, schema);
        String arn = arns.of(accountId, ResourceType.FILTER, name);
        if (em.find(Filter.class, arn) != null) {
            throw new ResourceAlreadyExistsException("A filter with the name " + name + " already exists.");
        }
        List<Filter> others = ofGroup(group.getArn());
        List<CheckedFilter> checkable = new ArrayList<>();
        for (Filter other : others) {
            try {
                checkable.add(CheckedFilter.of(other.getFilterExpression(), schema));
            } catch (FilterValidationException e) {
                // It no longer fits the group's schemas (a dataset was replaced): it uses none of its fields.
            }
        }
        FilterRules.checkQuotas(group.getName(), others.size(), checkable, checked);
        Filter filter = new Filter(arn, accountId, name, group.getArn(), filterExpression, Status.ACTIVE, clock.instant());
        em.persist(filter);
        em.flush();
        return filter;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Filter find(String accountId, String arn) {
        Filter filter = em.find(Filter.class, Arns.require("filterArn", arn));
        if (filter == null || !filter.getAccountId().equals(accountId)) {
            throw new ResourceNotFoundException("Could not find resource: " + arn);
        }
        return filter;
    }

    public Page<Filter> list(String accountId, String datasetGroupArn, PageRequest page) {
        if (datasetGroupArn != null) {
            groups.find(accountId, Arns.require("datasetGroupArn", datasetGroupArn));
        }
        return Page.of(em.createQuery("select f from Filter f where f.accountId = :a"
                        + " and (:g is null or f.datasetGroupArn = :g) order by f.createdAt desc, f.arn", Filter.class)
                .setParameter("a", accountId).setParameter("g", datasetGroupArn)
                .setFirstResult(page.offset()).setMaxResults(page.maxResults() + 1).getResultList(), page);
    }

    public void delete(String accountId, String arn) {
        Filter filter = find(accountId, arn);
        em.remove(filter);
        runtime.forget(arn);
    }

    /** The filter schema of a dataset group: its datasets and their fields. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public FilterSchema schemaOf(String accountId, String datasetGroupArn) {
        Map<DatasetType, ParsedSchema> parsed = new EnumMap<>(DatasetType.class);
        for (DatasetType type : DatasetType.values()) {
            datasets.ofType(datasetGroupArn, type).ifPresent(dataset ->
                    parsed.put(type, schemas.parsed(schemas.find(accountId, dataset.getSchemaArn()))));
        }
        return FilterRules.schemaOf(parsed);
    }

    private List<Filter> ofGroup(String datasetGroupArn) {
        return em.createQuery("select f from Filter f where f.datasetGroupArn = :g", Filter.class)
                .setParameter("g", datasetGroupArn).getResultList();
    }
}
