package io.tastemaker.domain.recommendation;

import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetRowsChanged;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.dataset.ItemAttributesReader;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.engine.data.ItemAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The item metadata that GetRecommendations and GetPersonalizedRanking return
 * ({@code metadataColumns}): per dataset group, every column of its Items dataset for every live
 * item, held in memory as the values the records have (read by {@link ItemAttributesReader} for
 * {@link ItemAttributesReader.Purpose#METADATA}; in a group encrypted at rest the records are
 * decrypted as they are read, once per load, never per request).
 *
 * <p>When it is read again: after PutItems or an Items import commits on this server (a
 * {@link DatasetRowsChanged} of the group's Items dataset marks the group's copy stale), and in any
 * case when the copy is older than {@link #MAX_AGE}, which bounds how long another node of a
 * cluster, which hears no event, serves older values. The first request that finds a copy stale
 * reads the items again; requests meanwhile answer from the previous copy. A request pays map
 * look-ups only.
 */
@ApplicationScoped
public class ItemMetadata {

    /** How long a group's copy serves at most before it is read again, changes or not. */
    public static final Duration MAX_AGE = Duration.ofSeconds(60);

    @Inject
    DatasetService datasets;
    @Inject
    ItemAttributesReader reader;
    @Inject
    Clock clock;

    /** Counts the changes heard; a copy is stale when its group changed after the count it was read at. */
    private final AtomicLong changes = new AtomicLong();
    private final ConcurrentMap<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    /** Items dataset → its group, for the groups held. */
    private final ConcurrentMap<String, String> groupOfItems = new ConcurrentHashMap<>();
    /** Group → the change count of its newest change. */
    private final ConcurrentMap<String, Long> changedAt = new ConcurrentHashMap<>();
    private final Set<String> reloading = ConcurrentHashMap.newKeySet();

    /** A group's Items columns and values as read at change count {@code readAt}. */
    private record Snapshot(long readAt, Instant loadedAt, ItemAttributes items) {
    }

    /**
     * Checks the asked columns against the Items schema of a dataset group and returns what reads
     * them.
     *
     * @throws InvalidInputException if the group has no Items dataset, or a column is not in its
     *     schema (the message lists the schema's columns)
     */
    public Columns columns(String accountId, String datasetGroupArn, MetadataColumns requested) {
        return Columns.resolve(snapshot(accountId, datasetGroupArn).items(), requested.itemColumns(), datasetGroupArn);
    }

    /** Marks a group's copy stale when its Items dataset changed (PutItems, an import) and the change committed. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) DatasetRowsChanged change) {
        String group = groupOfItems.get(change.datasetArn());
        if (group != null) {
            changedAt.put(group, changes.incrementAndGet());
        }
    }

    private Snapshot snapshot(String accountId, String groupArn) {
        Instant now = clock.instant();
        Snapshot known = snapshots.get(groupArn);
        if (known == null) {
            Snapshot loaded = load(accountId, groupArn, now);
            snapshots.put(groupArn, loaded);
            return loaded;
        }
        if (fresh(known, groupArn, now) || !reloading.add(groupArn)) {
            return known;
        }
        try {
            Snapshot loaded = load(accountId, groupArn, now);
            snapshots.put(groupArn, loaded);
            return loaded;
        } finally {
            reloading.remove(groupArn);
        }
    }

    private boolean fresh(Snapshot snapshot, String groupArn, Instant now) {
        return snapshot.loadedAt().plus(MAX_AGE).isAfter(now) && snapshot.readAt() >= changedAt.getOrDefault(groupArn, 0L);
    }

    private Snapshot load(String accountId, String groupArn, Instant now) {
        Optional<Dataset> items = datasets.ofType(groupArn, DatasetType.ITEMS);
        if (items.isEmpty()) {
            throw new InvalidInputException("metadataColumns read the Items dataset, and dataset group " + groupArn
                    + " has none. Create an Items dataset and import items (or PutItems), or send the request without "
                    + "metadataColumns.");
        }
        groupOfItems.put(items.get().getArn(), groupArn);
        long readAt = changes.get();
        return new Snapshot(readAt, now, reader.read(accountId, items.get(), ItemAttributesReader.Purpose.METADATA));
    }

    /** The asked columns of one group's copy, resolved to its column indices. */
    public static final class Columns {

        private final ItemAttributes items;
        private final List<String> names;
        private final int[] fields;

        private Columns(ItemAttributes items, List<String> names, int[] fields) {
            this.items = items;
            this.names = names;
            this.fields = fields;
        }

        /**
         * Resolves the asked column names (ignoring case) against the textual columns of
         * {@code items}, which hold every Items column but {@code ITEM_ID}.
         *
         * @throws InvalidInputException naming the unknown column and the columns there are
         */
        static Columns resolve(ItemAttributes items, List<String> asked, String datasetGroupArn) {
            List<String> known = items.textualFields();
            Map<String, Integer> byName = new LinkedHashMap<>();
            for (int f = 0; f < known.size(); f++) {
                byName.put(known.get(f).toUpperCase(Locale.ROOT), f);
            }
            int[] fields = new int[asked.size()];
            for (int c = 0; c < fields.length; c++) {
                Integer field = byName.get(asked.get(c).toUpperCase(Locale.ROOT));
                if (field == null) {
                    throw new InvalidInputException("metadataColumns.ITEMS names column " + asked.get(c) + ", which the "
                            + "Items schema of dataset group " + datasetGroupArn + " does not have; its columns are "
                            + String.join(", ", known) + ".");
                }
                fields[c] = field;
            }
            return new Columns(items, List.copyOf(asked), fields);
        }

        /**
         * The asked columns of each item: item id → column (as the request named it) → value as
         * text. A column the item has no value for is left out; an item the Items dataset does not
         * hold gets an empty map.
         */
        public Map<String, Map<String, String>> of(Collection<String> itemIds) {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            for (String itemId : itemIds) {
                int item = items.items().indexOf(itemId);
                Map<String, String> values = new LinkedHashMap<>();
                if (item >= 0) {
                    for (int c = 0; c < fields.length; c++) {
                        String value = items.text(fields[c], item);
                        if (value != null) {
                            values.put(names.get(c), value);
                        }
                    }
                }
                out.put(itemId, values);
            }
            return out;
        }

        /** The column names as asked. */
        public List<String> names() {
            return new ArrayList<>(names);
        }
    }
}
