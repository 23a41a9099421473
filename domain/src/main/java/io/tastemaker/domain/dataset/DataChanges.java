package io.tastemaker.domain.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
 * <p>Every arrival, throttled or not, is announced once as a {@link DatasetRowsChanged} event, which
 * observers see once the caller's transaction has committed (e.g. the item metadata that
 * recommendations return is re-read after PutItems or an Items import). This bean observes it too
 * and counts the arrivals per dataset in this server's memory ({@link #generation}), for what polls
 * rather than listens (new-item exploration's candidates).
 */
@ApplicationScoped
public class DataChanges {

    public static final Duration RESOLUTION = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Event<DatasetRowsChanged> changed;

    private final ConcurrentHashMap<String, Instant> lastStamped = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> generations = new ConcurrentHashMap<>();

    /** How many times rows arrived in the dataset through this server since it started (0: never). */
    public long generation(String datasetArn) {
        return generations.getOrDefault(datasetArn, 0L);
    }

    /** Counts an arrival once the transaction that made it has committed (at once without one). */
    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) DatasetRowsChanged change) {
        increment(change.datasetArn());
    }

    private void increment(String datasetArn) {
        if (generations.size() >= MAX_ENTRIES && !generations.containsKey(datasetArn)) {
            generations.clear();
        }
        generations.merge(datasetArn, 1L, Long::sum);
    }

    /** Stamps a dataset unless it was stamped within the last minute by this server. */
    public void arrived(String datasetArn) {
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
        write(datasetArn, now);
    }

    /** Stamps a dataset now, e.g. when an import publishes. */
    public void stamp(String datasetArn, Instant when) {
        changed.fire(new DatasetRowsChanged(datasetArn));
        write(datasetArn, when);
    }

    private void write(String datasetArn, Instant when) {
        em.createQuery("update Dataset d set d.dataChangedAt = :t where d.arn = :a")
                .setParameter("t", when).setParameter("a", datasetArn).executeUpdate();
    }
}
