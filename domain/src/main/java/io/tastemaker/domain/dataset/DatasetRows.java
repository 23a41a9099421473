package io.tastemaker.domain.dataset;

import io.tastemaker.domain.encryption.DataEncryption;
import io.tastemaker.domain.encryption.SealedValues;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.persistence.Jdbc;
import io.tastemaker.security.kms.Envelope;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rows of datasets, in three tables (interaction, item_record, user_record), written and
 * read with JDBC batches inside the caller's transaction.
 *
 * <p>Rows arrive in batches ({@code dataset_batch}): one per import, and one permanent "stream"
 * batch per dataset for PutEvents, PutItems and PutUsers. Invariant: readers see only rows of
 * live batches. An import writes into its own batch, which {@link #publish} turns live in the
 * caller's transaction: FULL first deletes the dataset's other rows, INCREMENTAL first deletes
 * the items and users that the import replaces by id. Publishing updates one batch row, not the
 * imported rows, so its cost does not grow with the import.
 *
 * <p>In a dataset group encrypted at rest, the attributes of items and users and the properties of
 * events are written encrypted with the group's data key ({@link SealedValues}, bound to the
 * dataset and the row's id) and decrypted as they are read.
 */
@Stateless
public class DatasetRows {

    /** Keep at most this many rejected rows per import for people to read; all are counted. */
    public static final int KEPT_REJECTIONS = 100;

    private static final String LIVE_BATCHES = "select b.batch_id from dataset_batch b where b.dataset_arn = ? and b.live = true";

    @PersistenceContext
    EntityManager em;
    @Inject
    DataEncryption encryption;

    /** Opens a batch: the stream batch of a new dataset (live at once), or an import's (not yet live). */
    public long openBatch(String datasetArn, String jobArn) {
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement("insert into dataset_batch (dataset_arn, job_arn, live) values (?,?,?)",
                     new String[] {"batch_id"})) {
            ps.setString(1, datasetArn);
            ps.setString(2, jobArn);
            ps.setBoolean(3, jobArn == null);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open a batch for " + datasetArn + ": " + e.getMessage(), e);
        }
    }

    /** The dataset's stream batch, where real-time events, items and users go. */
    public long streamBatch(String datasetArn) {
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement(
                     "select batch_id from dataset_batch where dataset_arn = ? and job_arn is null")) {
            ps.setString(1, datasetArn);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find the stream batch of " + datasetArn + ": " + e.getMessage(), e);
        }
        throw new IllegalStateException("Dataset " + datasetArn + " has no stream batch.");
    }

    /** Stores interactions of a dataset in one of its batches. */
    public void insertInteractions(String datasetArn, long batchId, Collection<InteractionRow> rows) {
        Envelope envelope = encryption.forDataset(datasetArn).orElse(null);
        String sql = "insert into interaction (batch_id, user_id, item_id, event_time, event_type, event_value,"
                + " session_id, attributes, impression, recommendation_id) values (?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = Jdbc.connection(em); PreparedStatement ps = c.prepareStatement(sql)) {
            for (InteractionRow r : rows) {
                ps.setLong(1, batchId);
                ps.setString(2, r.userId());
                ps.setString(3, r.itemId());
                ps.setLong(4, r.timestamp());
                ps.setString(5, r.eventType());
                if (r.eventValue() == null) {
                    ps.setNull(6, Types.REAL);
                } else {
                    ps.setFloat(6, r.eventValue());
                }
                ps.setString(7, r.sessionId());
                ps.setString(8, envelope == null ? r.attributesJson()
                        : SealedValues.sealText(envelope, r.attributesJson(), interactionPlace(datasetArn)));
                ps.setString(9, r.impression().isEmpty() ? null : String.join("|", r.impression()));
                ps.setString(10, r.recommendationId());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store interactions: " + e.getMessage(), e);
        }
    }

    /**
     * Stores items or users in a batch. In the stream batch (PutItems, PutUsers) they replace the
     * live rows with the same ids at once; in an import's batch they wait for {@link #publish}.
     */
    public void insertRecords(String datasetArn, DatasetType type, long batchId, boolean replaceLive,
                              Collection<RecordRow> rows) {
        String table = table(type);
        String idColumn = idColumn(type);
        Envelope envelope = encryption.forDataset(datasetArn).orElse(null);
        try (Connection c = Jdbc.connection(em)) {
            if (replaceLive) {
                try (PreparedStatement del = c.prepareStatement("delete from " + table + " where " + idColumn
                        + " = ? and batch_id in (" + LIVE_BATCHES + ")")) {
                    for (RecordRow r : rows) {
                        del.setString(1, r.id());
                        del.setString(2, datasetArn);
                        del.addBatch();
                    }
                    del.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (batch_id, " + idColumn
                    + ", attributes) values (?,?,?)")) {
                for (RecordRow r : rows) {
                    ps.setLong(1, batchId);
                    ps.setString(2, r.id());
                    ps.setString(3, envelope == null ? r.attributesJson()
                            : SealedValues.sealText(envelope, r.attributesJson(), recordPlace(datasetArn, type, r.id())));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + type.wireName() + " of " + datasetArn + ": " + e.getMessage(), e);
        }
    }

    /** Makes an import's batch part of the dataset's data, as one unit of the caller's transaction. */
    public void publish(String datasetArn, DatasetType type, long batchId, boolean full) {
        String table = table(type);
        String idColumn = idColumn(type);
        try (Connection c = Jdbc.connection(em)) {
            if (full) {
                update(c, "delete from " + table + " where batch_id in (select b.batch_id from dataset_batch b"
                        + " where b.dataset_arn = ? and b.live = true)", datasetArn);
                update(c, "delete from dataset_batch where dataset_arn = ? and live = true and job_arn is not null", datasetArn);
            } else if (type != DatasetType.INTERACTIONS) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where batch_id in ("
                        + LIVE_BATCHES + ") and " + idColumn + " in (select n." + idColumn + " from " + table
                        + " n where n.batch_id = ?)")) {
                    ps.setString(1, datasetArn);
                    ps.setLong(2, batchId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update dataset_batch set live = true where batch_id = ?")) {
                ps.setLong(1, batchId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not publish batch " + batchId + " of " + datasetArn + ": " + e.getMessage(), e);
        }
    }

    /** Drops the rows of an import that failed or stopped. Live rows are untouched. */
    public void discard(long batchId) {
        try (Connection c = Jdbc.connection(em)) {
            for (DatasetType type : DatasetType.values()) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + table(type) + " where batch_id = ?")) {
                    ps.setLong(1, batchId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("delete from dataset_batch where batch_id = ? and live = false")) {
                ps.setLong(1, batchId);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not discard batch " + batchId + ": " + e.getMessage(), e);
        }
    }

    public void deleteAll(Dataset dataset) {
        try (Connection c = Jdbc.connection(em)) {
            update(c, "delete from " + table(DatasetType.valueOf(dataset.getDatasetType()))
                    + " where batch_id in (select b.batch_id from dataset_batch b where b.dataset_arn = ?)", dataset.getArn());
            update(c, "delete from dataset_batch where dataset_arn = ?", dataset.getArn());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete rows of " + dataset.getArn() + ": " + e.getMessage(), e);
        }
    }

    /** The number of live rows of a dataset. */
    public long count(String datasetArn, DatasetType type) {
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement("select count(*) from " + table(type)
                     + " where batch_id in (" + LIVE_BATCHES + ")")) {
            ps.setString(1, datasetArn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count rows of " + datasetArn + ": " + e.getMessage(), e);
        }
    }

    /** Streams the live interactions of a dataset, batch by batch in insertion order, without their attributes. */
    public void forEachInteraction(String datasetArn, Consumer<InteractionRow> consumer) {
        forEachInteraction(datasetArn, false, consumer);
    }

    /**
     * Streams the live interactions of a dataset, batch by batch in insertion order; with
     * {@code withAttributes}, each row carries its other schema fields as JSON (null when it has
     * none; decrypted in a group encrypted at rest), which costs reading that column.
     */
    public void forEachInteraction(String datasetArn, boolean withAttributes, Consumer<InteractionRow> consumer) {
        Envelope envelope = withAttributes ? encryption.forDataset(datasetArn).orElse(null) : null;
        String place = interactionPlace(datasetArn);
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement("select user_id, item_id, event_time, event_type, event_value, session_id"
                     + (withAttributes ? ", attributes" : "")
                     + " from interaction where batch_id in (" + LIVE_BATCHES + ") order by id")) {
            ps.setFetchSize(10_000);
            ps.setString(1, datasetArn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    float value = rs.getFloat(5);
                    Float boxed = rs.wasNull() ? null : value;
                    consumer.accept(new InteractionRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            boxed, rs.getString(6), withAttributes ? SealedValues.openText(envelope, rs.getString(7), place)
                                    : null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read interactions of " + datasetArn + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest real-time events (PutEvents) of a user in a stream batch, newest first, at most
     * {@code limit}: the user's own events, events of the sessions the user has had (an anonymous
     * session is stitched to the user once one of its events carries the user id), and, for an
     * anonymous caller who passes the session id as user id, that session's anonymous events.
     */
    public List<LiveEvent> recentEvents(long streamBatchId, String userId, int limit) {
        // Separate queries, each on an index ((batch_id, user_id) or (batch_id, session_id)),
        // rather than one query with OR across columns, which databases tend to answer by a scan.
        String columns = "select item_id, event_type, event_value, event_time, id, impression, recommendation_id"
                + " from interaction where batch_id = ? and ";
        try (Connection c = Jdbc.connection(em)) {
            List<LiveEvent> events = new ArrayList<>();
            List<String> sessions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "select distinct session_id from interaction where batch_id = ? and user_id = ?")) {
                ps.setMaxRows(MAX_STITCHED_SESSIONS);
                ps.setLong(1, streamBatchId);
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getString(1) != null) {
                            sessions.add(rs.getString(1));
                        }
                    }
                }
            }
            readEvents(c, columns + "user_id = ? order by event_time desc, id desc", streamBatchId, userId, limit, events);
            if (!sessions.contains(userId)) {
                sessions.add(userId);
            }
            for (String session : sessions) {
                readEvents(c, columns + "session_id = ? and user_id = '' order by event_time desc, id desc",
                        streamBatchId, session, limit, events);
            }
            events.sort(Comparator.comparingLong(LiveEvent::eventTime).thenComparingLong(LiveEvent::rowId).reversed());
            return events.size() > limit ? List.copyOf(events.subList(0, limit)) : events;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the recent events of a user: " + e.getMessage(), e);
        }
    }

    /** Sessions of one user whose anonymous events are stitched to it, at most. */
    static final int MAX_STITCHED_SESSIONS = 50;

    private static void readEvents(Connection c, String sql, long batchId, String key, int limit, List<LiveEvent> out)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(limit);
            ps.setFetchSize(limit);
            ps.setLong(1, batchId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    float value = rs.getFloat(3);
                    Float boxed = rs.wasNull() ? null : value;
                    String impression = rs.getString(6);
                    out.add(new LiveEvent(rs.getString(1), rs.getString(2), boxed, rs.getLong(4), rs.getLong(5),
                            impression == null ? List.of() : List.of(impression.split("\\|")), rs.getString(7)));
                }
            }
        }
    }

    /**
     * A user's newest interactions of each event type over every live batch of an Interactions
     * dataset (imports and the stream), as filters read them: event type as recorded → item ids,
     * newest first (by event time, then by arrival), at most {@code perType} of each. One query,
     * by user through {@code ix_interaction_user_type_time}, joined to the live batches (H2 answers
     * a join in well under a millisecond where {@code batch_id in (select ...)} took 8 ms over
     * 200,000 interactions); the window is cut in the database.
     */
    public Map<String, List<String>> recentItemsByEventType(String datasetArn, String userId, int perType) {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement("select t.event_type, t.item_id from ("
                     + "select i.event_type, i.item_id, i.event_time, i.id, row_number() over (partition by i.event_type"
                     + " order by i.event_time desc, i.id desc) as position from interaction i"
                     + " join dataset_batch b on b.batch_id = i.batch_id"
                     + " where i.user_id = ? and b.dataset_arn = ? and b.live = true) t"
                     + " where t.position <= ? order by t.event_type, t.event_time desc, t.id desc")) {
            ps.setString(1, userId);
            ps.setString(2, datasetArn);
            ps.setInt(3, perType);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    byType.computeIfAbsent(type == null ? "" : type, t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the interactions of a user: " + e.getMessage(), e);
        }
        return byType;
    }

    /**
     * The items of an Interactions dataset's live batches (imports and the stream) with the most
     * distinct users, most first (ties by item id), at most {@code limit}: the popular items that
     * -v2 recipes fill a filtered list with. One grouping query over the dataset's interactions.
     */
    public List<String> popularItems(String datasetArn, int limit) {
        List<String> items = new ArrayList<>();
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement("select i.item_id, count(distinct i.user_id) as users from interaction i"
                     + " join dataset_batch b on b.batch_id = i.batch_id where b.dataset_arn = ? and b.live = true"
                     + " group by i.item_id order by users desc, i.item_id")) {
            ps.setMaxRows(limit);
            ps.setFetchSize(Math.min(limit, 10_000));
            ps.setString(1, datasetArn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the users of the items of " + datasetArn + ": " + e.getMessage(), e);
        }
        return items;
    }

    /** The attributes (JSON as stored) of the live item or user {@code id} of a dataset, if it has one. */
    public Optional<String> recordAttributes(String datasetArn, DatasetType type, String id) {
        Envelope envelope = encryption.forDataset(datasetArn).orElse(null);
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement("select r.attributes from " + table(type) + " r"
                     + " join dataset_batch b on b.batch_id = r.batch_id where r." + idColumn(type)
                     + " = ? and b.dataset_arn = ? and b.live = true order by r.id desc")) {
            ps.setMaxRows(1);
            ps.setString(1, id);
            ps.setString(2, datasetArn);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String attributes = SealedValues.openText(envelope, rs.getString(1), recordPlace(datasetArn, type, id));
                return Optional.of(attributes == null ? "" : attributes);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + type.wireName() + " record " + id + ": " + e.getMessage(), e);
        }
    }

    /** How many real-time events of a stream batch were sent at or after {@code since} (epoch seconds). */
    public long eventsSince(long streamBatchId, long since) {
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from interaction where batch_id = ? and event_time >= ?")) {
            ps.setLong(1, streamBatchId);
            ps.setLong(2, since);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count recent events: " + e.getMessage(), e);
        }
    }

    /**
     * One real-time event as recommendations use it; its time and row id order it. {@code impression}
     * lists the items shown with it (empty for none), {@code recommendationId} the list it cites.
     */
    public record LiveEvent(String itemId, String eventType, Float eventValue, long eventTime, long rowId,
            List<String> impression, String recommendationId) {
    }

    /** Streams the live items or users of a dataset, with their attributes as stored. */
    public void forEachRecord(String datasetArn, DatasetType type, Consumer<RecordRow> consumer) {
        Envelope envelope = encryption.forDataset(datasetArn).orElse(null);
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement("select " + idColumn(type) + ", attributes from " + table(type)
                     + " where batch_id in (" + LIVE_BATCHES + ") order by id")) {
            ps.setFetchSize(10_000);
            ps.setString(1, datasetArn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    consumer.accept(new RecordRow(id, SealedValues.openText(envelope, rs.getString(2),
                            recordPlace(datasetArn, type, id))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read " + type.wireName() + " of " + datasetArn + ": " + e.getMessage(), e);
        }
    }

    /** Records rejected rows of an import, keeping the first {@link #KEPT_REJECTIONS}. */
    public void addRejections(String jobArn, long alreadyRejected, List<Rejection> rejections) {
        if (alreadyRejected >= KEPT_REJECTIONS || rejections.isEmpty()) {
            return;
        }
        int room = (int) Math.min(rejections.size(), KEPT_REJECTIONS - alreadyRejected);
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement("insert into import_rejection (job_arn, line_number, reason) values (?,?,?)")) {
            for (Rejection r : rejections.subList(0, room)) {
                ps.setString(1, jobArn);
                ps.setLong(2, r.lineNumber());
                ps.setString(3, r.reason().length() > 1000 ? r.reason().substring(0, 997) + "..." : r.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record rejected rows of " + jobArn + ": " + e.getMessage(), e);
        }
    }

    public List<Rejection> rejections(String jobArn) {
        List<Rejection> out = new ArrayList<>();
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement("select line_number, reason from import_rejection where job_arn = ?"
                     + " order by line_number")) {
            ps.setString(1, jobArn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Rejection(rs.getLong(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read rejected rows of " + jobArn + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** A row an import refused, with the line it started on and why. */
    public record Rejection(long lineNumber, String reason) {
    }

    private static int update(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** The associated data of an item's or user's encrypted attributes: its table, dataset and id. */
    private static String recordPlace(String datasetArn, DatasetType type, String id) {
        return table(type) + ":" + datasetArn + ":" + id;
    }

    /** The associated data of an event's encrypted properties: the interactions of its dataset. */
    private static String interactionPlace(String datasetArn) {
        return "interaction:" + datasetArn;
    }

    private static String table(DatasetType type) {
        return switch (type) {
            case INTERACTIONS -> "interaction";
            case ITEMS -> "item_record";
            case USERS -> "user_record";
        };
    }

    private static String idColumn(DatasetType type) {
        return switch (type) {
            case INTERACTIONS -> "id";
            case ITEMS -> "item_id";
            case USERS -> "user_id";
        };
    }
}
