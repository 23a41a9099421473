package io.tastemaker.domain.eventtracker;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.Names;
import io.tastemaker.domain.common.Page;
import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.common.ResourceType;
import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.datasetgroup.DatasetGroup;
import io.tastemaker.domain.datasetgroup.DatasetGroupService;
import io.tastemaker.domain.error.ResourceAlreadyExistsException;
import io.tastemaker.domain.error.ResourceNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Event trackers: one per dataset group; its tracking id routes PutEvents to the group. */
@Stateless
public class EventTrackerService {

    @PersistenceContext
    EntityManager em;
    @Inject
    Arns arns;
    @Inject
    Clock clock;
    @Inject
    DatasetGroupService groups;

    public EventTracker create(String accountId, String name, String datasetGroupArn) {
        Names.require("name", name);
        DatasetGroup group = groups.find(accountId, Arns.require("datasetGroupArn", datasetGroupArn));
        String arn = arns.of(accountId, ResourceType.EVENT_TRACKER, name);
        if (em.find(EventTracker.class, arn) != null) {
            throw new ResourceAlreadyExistsException("An event tracker with the name " + name + " already exists.");
        }
        if (!em.createQuery("select t from EventTracker t where t.datasetGroupArn = :g", EventTracker.class)
                .setParameter("g", group.getArn()).getResultList().isEmpty()) {
            throw new ResourceAlreadyExistsException("Dataset group " + group.getName()
                    + " already has an event tracker; a dataset group has at most one.");
        }
        Instant now = clock.instant();
        EventTracker tracker = new EventTracker(arn, accountId, name, group.getArn(), UUID.randomUUID().toString(),
                Status.ACTIVE, now, now);
        em.persist(tracker);
        em.flush();
        return tracker;
    }

    public EventTracker find(String accountId, String arn) {
        EventTracker tracker = em.find(EventTracker.class, Arns.require("eventTrackerArn", arn));
        if (tracker == null || !tracker.getAccountId().equals(accountId)) {
            throw new ResourceNotFoundException("Could not find resource: " + arn);
        }
        return tracker;
    }

    /** The tracker with a tracking id, within the caller's account. */
    public EventTracker byTrackingId(String accountId, String trackingId) {
        List<EventTracker> found = em.createQuery(
                        "select t from EventTracker t where t.trackingId = :t and t.accountId = :a", EventTracker.class)
                .setParameter("t", trackingId).setParameter("a", accountId).getResultList();
        if (found.isEmpty()) {
            throw new ResourceNotFoundException("No event tracker has the tracking id " + trackingId + ".");
        }
        return found.get(0);
    }

    public Page<EventTracker> list(String accountId, String datasetGroupArn, PageRequest page) {
        if (datasetGroupArn != null) {
            groups.find(accountId, Arns.require("datasetGroupArn", datasetGroupArn));
        }
        return Page.of(em.createQuery("select t from EventTracker t where t.accountId = :a"
                        + " and (:g is null or t.datasetGroupArn = :g) order by t.createdAt desc, t.arn", EventTracker.class)
                .setParameter("a", accountId).setParameter("g", datasetGroupArn)
                .setFirstResult(page.offset()).setMaxResults(page.maxResults() + 1).getResultList(), page);
    }

    public void delete(String accountId, String arn) {
        em.remove(find(accountId, arn));
    }
}
