package io.tastemaker.domain.dataset;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes when rows arrive in a dataset ({@code dataset.data_changed_at}), so that automatic
 * training runs only when something is new. Real-time calls stamp at most once per
 * {@link #RESOLUTION} per dataset, in the caller's transaction: one extra update a minute, not
 * one per PutEvents.
 *
 * <p>It also counts, in this server's memory, every arrival per dataset ({@link #generation}), so
 * that what is built from a dataset on this node (new-item exploration's candidates) can see at
 * once that it is out of date.
 *
 * <p>Every arrival, throttled or not, is also announced as a {@link DatasetRowsChanged} event, which
 * observers see once the caller's transaction has committed (e.g. the item metadata that
 * recommendations return is re-read after PutItems or an Items import).
 */
@ApplicationScoped
public class DataChanges {

    public static final Duration RESOLUTION = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Resource
    TransactionSynchronizationRegistry transactions;
    @Inject
    Event<DatasetRowsChanged> changed;

    private final ConcurrentHashMap<String, Instant> lastStamped = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> generations = new ConcurrentHashMap<>();

    /** How many times rows arrived in the dataset through this server since it started (0: never). */
    public long generation(String datasetArn) {
        return generations.getOrDefault(datasetArn, 0L);
    }

    /** Counts an arrival once the caller's transaction commits (at once without one). */
    private void count(String datasetArn) {
        if (transactions != null && transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        increment(datasetArn);
                    }
                }
            });
        } else {
            increment(datasetArn);
        }
    }

    private void increment(String datasetArn) {
        if (generations.size() >= MAX_ENTRIES && !generations.containsKey(datasetArn)) {
            generations.clear();
        }
        generations.merge(datasetArn, 1L, Long::sum);
    }

    /** Stamps a dataset unless it was stamped within the last minute by this server. */
    public void arrived(String datasetArn) {
        count(datasetArn);
        changed.fire(new DatasetRowsChanged(datasetArn));
        Instant now = clock.instant();
        Instant last = lastStamped.get(datasetArn);
        if (last != null && now.isBefore(last.plus(RESOLUTION))) {
            return;
        }
        if (lastStamped.size() >= MAX_ENTRIES) {
            lastStamped.clear();
        }
        lastStamped.put(datasetArn, now);
        stamp(datasetArn, now);
    }

    /** Stamps a dataset now, e.g. when an import publishes. */
    public void stamp(String datasetArn, Instant when) {
        count(datasetArn);
        changed.fire(new DatasetRowsChanged(datasetArn));
        em.createQuery("update Dataset d set d.dataChangedAt = :t where d.arn = :a")
                .setParameter("t", when).setParameter("a", datasetArn).executeUpdate();
    }
}
