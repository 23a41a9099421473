package io.tastemaker.domain.event;

import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetRows;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.ResourceNotFoundException;
import io.tastemaker.domain.eventtracker.EventTracker;
import io.tastemaker.domain.eventtracker.EventTrackerService;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.ParsedSchema;
import io.tastemaker.domain.schema.SchemaService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where a tracking id's events go (its dataset group's Interactions dataset, that dataset's schema
 * and stream batch), looked up once and kept for {@value #LIFETIME_NANOS} ns, so that PutEvents
 * does not repeat four lookups on every call. A tracker or dataset deleted meanwhile is noticed
 * within that time; until then its events still go to the dataset's stream.
 */
@ApplicationScoped
public class EventTargets {

    static final long LIFETIME_NANOS = 5_000_000_000L;
    private static final int CAPACITY = 10_000;
    private static final int MAX_TRACKING_ID = 256;

    @Inject
    EventTrackerService trackers;
    @Inject
    DatasetService datasets;
    @Inject
    SchemaService schemas;
    @Inject
    DatasetRows rows;

    private final ConcurrentMap<String, Target> targets = new ConcurrentHashMap<>();

    /**
     * The events of one tracking id go to this dataset, checked against this schema, into this
     * batch; {@code trackerArn} is the tracker they are sent through (the resource of PutEvents).
     */
    public record Target(String trackerArn, String datasetArn, ParsedSchema schema, long streamBatchId, long loadedAt) {
    }

    /**
     * The target of a tracking id of the account.
     *
     * @throws InvalidInputException if the tracking id is empty or longer than 256 characters
     * @throws ResourceNotFoundException if no tracker has the id, or its group has no Interactions dataset
     */
    public Target of(String accountId, String trackingId) {
        if (trackingId == null || trackingId.isEmpty() || trackingId.length() > MAX_TRACKING_ID) {
            throw new InvalidInputException("trackingId must have between 1 and " + MAX_TRACKING_ID + " characters.");
        }
        String key = accountId + "\n" + trackingId;
        Target target = targets.get(key);
        if (target == null || System.nanoTime() - target.loadedAt() > LIFETIME_NANOS) {
            target = load(accountId, trackingId);
            if (targets.size() >= CAPACITY) {
                targets.clear();
            }
            targets.put(key, target);
        }
        return target;
    }

    private Target load(String accountId, String trackingId) {
        EventTracker tracker = trackers.byTrackingId(accountId, trackingId);
        Dataset dataset = datasets.ofType(tracker.getDatasetGroupArn(), DatasetType.INTERACTIONS)
                .orElseThrow(() -> new ResourceNotFoundException("The dataset group of tracking id " + trackingId
                        + " has no Interactions dataset; create one before sending events."));
        ParsedSchema schema = schemas.parsed(schemas.find(accountId, dataset.getSchemaArn()));
        return new Target(tracker.getArn(), dataset.getArn(), schema, rows.streamBatch(dataset.getArn()), System.nanoTime());
    }
}
