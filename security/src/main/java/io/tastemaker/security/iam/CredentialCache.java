package io.tastemaker.security.iam;

import io.tastemaker.security.sigv4.Credential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signing credentials of recently used access keys, so that Signature Version 4 does not
 * read and decrypt a key's secret on every request. An entry is read again after
 * {@link #TIME_TO_LIVE}, or at once after any IAM change in this server ({@link IamChanges}):
 * deactivating a key or suspending an account takes effect on the next request here, and
 * within {@link #TIME_TO_LIVE} on other nodes. Also records each key's last use, at most once
 * per {@link #LAST_USED_RESOLUTION}.
 */
@ApplicationScoped
public class CredentialCache {

    /** How long an entry is trusted without IAM changes; also how stale another node may be. */
    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);
    /** GetAccessKeyLastUsed is as precise as this. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    @Inject
    IamService iam;
    @Inject
    IamChanges changes;
    @Inject
    Clock clock;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> lastRecordedUse = new ConcurrentHashMap<>();

    /** The credential of an access key, active or not; empty if no such key exists. */
    public Optional<Credential> find(String accessKeyId) {
        if (accessKeyId == null) {
            return Optional.empty();
        }
        long generation = changes.generation();
        Instant now = clock.instant();
        Entry entry = entries.get(accessKeyId);
        if (entry != null && entry.generation == generation && now.isBefore(entry.loadedAt.plus(TIME_TO_LIVE))) {
            return entry.credential;
        }
        Optional<Credential> credential = iam.findCredential(accessKeyId);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(accessKeyId, new Entry(credential, generation, now));
        return credential;
    }

    /** Notes that a request was signed with this key; writes at most once a minute per key. */
    public void recordUse(String accessKeyId) {
        Instant now = clock.instant();
        Instant last = lastRecordedUse.get(accessKeyId);
        if (last != null && now.isBefore(last.plus(LAST_USED_RESOLUTION))) {
            return;
        }
        if (lastRecordedUse.size() >= MAX_ENTRIES) {
            lastRecordedUse.clear();
        }
        lastRecordedUse.put(accessKeyId, now);
        iam.recordUse(accessKeyId, now);
    }

    private record Entry(Optional<Credential> credential, long generation, Instant loadedAt) {
    }
}
