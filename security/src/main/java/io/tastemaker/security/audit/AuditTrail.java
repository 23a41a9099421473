package io.tastemaker.security.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes audit entries from request threads and writes them behind their back: a bounded queue,
 * drained in order by one writer thread ({@value #WRITER_NAME}, from the container's managed
 * thread factory) that links each entry into its chain and appends up to {@value #BATCH} records
 * per transaction. A request pays for a queue insertion, not for a database write.
 *
 * <p>A full queue (the database is down or slower than the traffic) makes {@link #record} wait
 * up to {@code tastemaker.audit.offer.timeout.ms}; an entry that still does not fit is dropped,
 * counted in {@link #dropped()} (metric {@code tastemaker_audit_dropped_total}) and logged, so a
 * loss is never silent. A batch the database refuses is tried again after a pause, with the chain
 * heads read afresh (another node may have written); after {@value #ATTEMPTS} failed attempts its
 * entries are dropped and counted the same way.
 *
 * <p>Configuration (MicroProfile Config, or the environment variables in brackets):
 * <ul>
 *   <li>{@code tastemaker.audit.queue.capacity} ({@code TASTEMAKER_AUDIT_QUEUE_CAPACITY}, default
 *       65536, 1024 to 4194304): entries that may wait for the writer; about 0.5 KiB each.</li>
 *   <li>{@code tastemaker.audit.offer.timeout.ms} ({@code TASTEMAKER_AUDIT_OFFER_TIMEOUT_MS},
 *       default 1000, 0 to 60000): how long a request waits for room in a full queue before its
 *       entry is dropped.</li>
 * </ul>
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
    static final String WRITER_NAME = "tastemaker-audit-writer";
    static final int BATCH = 500;
    static final int ATTEMPTS = 5;
    private static final long RETRY_PAUSE_MS = 1000;
    private static final long DROP_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    @Inject
    AuditStore store;
    @Resource
    ManagedThreadFactory threads;
    @Inject
    @ConfigProperty(name = "tastemaker.audit.queue.capacity", defaultValue = "65536")
    int capacity;
    @Inject
    @ConfigProperty(name = "tastemaker.audit.offer.timeout.ms", defaultValue = "1000")
    long offerTimeoutMs;

    private BlockingQueue<AuditEntry> queue;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final LongAdder written = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong lastDropLog = new AtomicLong(System.nanoTime() - DROP_LOG_INTERVAL_NANOS);
    private final Object progress = new Object();
    private final Map<String, ChainHead> heads = new HashMap<>();
    private volatile boolean running;
    private Thread writer;

    @PostConstruct
    void start() {
        if (capacity < 1024 || capacity > 4_194_304) {
            throw new IllegalStateException("tastemaker.audit.queue.capacity must be from 1024 to 4194304, not " + capacity);
        }
        if (offerTimeoutMs < 0 || offerTimeoutMs > 60_000) {
            throw new IllegalStateException("tastemaker.audit.offer.timeout.ms must be from 0 to 60000, not " + offerTimeoutMs);
        }
        queue = new LinkedBlockingQueue<>(capacity);
        running = true;
        writer = threads.newThread(this::drain);
        writer.setName(WRITER_NAME);
        writer.setDaemon(true);
        writer.start();
    }

    /** Stops taking entries, writes what is queued, and stops the writer. */
    @PreDestroy
    void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            LOG.warning(() -> queue.size() + " audit entries were not written before the application stopped.");
        }
    }

    /**
     * Queues an entry for writing. Returns at once while the queue has room; otherwise waits up to
     * the configured timeout, then drops the entry and counts it.
     */
    public void record(AuditEntry entry) {
        boolean queued = queue.offer(entry);
        if (!queued && offerTimeoutMs > 0) {
            try {
                queued = queue.offer(entry, offerTimeoutMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (queued) {
            accepted.incrementAndGet();
        } else {
            drop(1, "the audit queue is full (" + capacity + " entries)");
        }
    }

    /**
     * Waits until every entry accepted before this call has been written (or dropped), at most
     * {@code timeout}; true if it got there. Searches call it so that a person sees the call they
     * just made.
     */
    public boolean awaitWritten(Duration timeout) {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (processed.get() < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Entries waiting for the writer. */
    public int queueDepth() {
        return queue.size();
    }

    /** The queue's capacity. */
    public int capacity() {
        return capacity;
    }

    /** Entries written since start. */
    public long written() {
        return written.sum();
    }

    /** Entries lost since start (queue full, or the database refused them {@value #ATTEMPTS} times). */
    public long dropped() {
        return dropped.sum();
    }

    private void drain() {
        List<AuditEntry> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                AuditEntry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "The audit writer failed", e);
            } finally {
                if (!batch.isEmpty()) {
                    advance(batch.size());
                    batch.clear();
                }
            }
        }
    }

    private void write(List<AuditEntry> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                heads.putAll(store.append(batch, heads, () -> UUID.randomUUID().toString()));
                written.add(batch.size());
                return;
            } catch (RuntimeException e) {
                heads.clear();
                if (attempt == ATTEMPTS) {
                    LOG.log(Level.SEVERE, "The database refused " + batch.size() + " audit entries " + ATTEMPTS
                            + " times; they are dropped", e);
                    dropped.add(batch.size());
                    return;
                }
                LOG.log(Level.WARNING, "Writing " + batch.size() + " audit entries failed (attempt " + attempt + " of "
                        + ATTEMPTS + "); trying again", e);
                Thread.sleep(RETRY_PAUSE_MS);
            }
        }
    }

    private void advance(int count) {
        synchronized (progress) {
            processed.addAndGet(count);
            progress.notifyAll();
        }
    }

    private void drop(int count, String why) {
        dropped.add(count);
        long now = System.nanoTime();
        long last = lastDropLog.get();
        if (now - last >= DROP_LOG_INTERVAL_NANOS && lastDropLog.compareAndSet(last, now)) {
            LOG.severe(() -> "Audit entries are being dropped: " + why + "; " + dropped.sum() + " dropped since start.");
        }
    }
}
