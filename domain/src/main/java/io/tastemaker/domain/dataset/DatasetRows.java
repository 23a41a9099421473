package io.tastemaker.domain.dataset;

import io.tastemaker.domain.schema.DatasetType;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The rows of datasets, in three tables (interaction, item_record, user_record), written and
 * read with JDBC batches inside the caller's transaction.
 *
 * <p>Invariant: a row with {@code pending = true} belongs to an import that has not finished;
 * no reader sees it. {@link #publish} makes an import's rows visible in one statement set, in
 * the caller's transaction: FULL replaces the dataset's rows, INCREMENTAL adds interactions and
 * replaces items and users that share an id with the import.
 */
@Stateless
public class DatasetRows {

    /** Keep at most this many rejected rows per import for people to read; all are counted. */
    public static final int KEPT_REJECTIONS = 100;

    @Resource(lookup = "java:app/jdbc/tastemaker")
    DataSource dataSource;

    public void insertInteractions(String datasetArn, String jobArn, Collection<InteractionRow> rows) {
        String sql = "insert into interaction (dataset_arn, user_id, item_id, event_time, event_type, event_value,"
                + " session_id, attributes, job_arn, pending) values (?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (InteractionRow r : rows) {
                ps.setString(1, datasetArn);
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
                ps.setString(8, r.attributesJson());
                ps.setString(9, jobArn);
                ps.setBoolean(10, jobArn != null);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store interactions of " + datasetArn + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores items or users. With a job they are pending until published; without one (PutItems,
     * PutUsers) they replace the live rows with the same ids at once.
     */
    public void insertRecords(String datasetArn, DatasetType type, String jobArn, Collection<RecordRow> rows) {
        String table = table(type);
        String idColumn = idColumn(type);
        try (Connection c = dataSource.getConnection()) {
            if (jobArn == null) {
                try (PreparedStatement del = c.prepareStatement("delete from " + table + " where dataset_arn = ? and "
                        + idColumn + " = ? and pending = false")) {
                    for (RecordRow r : rows) {
                        del.setString(1, datasetArn);
                        del.setString(2, r.id());
                        del.addBatch();
                    }
                    del.executeBatch();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (dataset_arn, " + idColumn
                    + ", attributes, job_arn, pending) values (?,?,?,?,?)")) {
                for (RecordRow r : rows) {
                    ps.setString(1, datasetArn);
                    ps.setString(2, r.id());
                    ps.setString(3, r.attributesJson());
                    ps.setString(4, jobArn);
                    ps.setBoolean(5, jobArn != null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + type.wireName() + " of " + datasetArn + ": " + e.getMessage(), e);
        }
    }

    /** Makes an import's pending rows the dataset's data, as one unit of the caller's transaction. */
    public long publish(String datasetArn, DatasetType type, String jobArn, boolean full) {
        String table = table(type);
        String idColumn = idColumn(type);
        try (Connection c = dataSource.getConnection()) {
            if (full) {
                update(c, "delete from " + table + " where dataset_arn = ? and pending = false", datasetArn);
            } else if (type != DatasetType.INTERACTIONS) {
                update(c, "delete from " + table + " where dataset_arn = ? and pending = false and " + idColumn
                        + " in (select p." + idColumn + " from " + table + " p where p.job_arn = ? and p.pending = true)",
                        datasetArn, jobArn);
            }
            return update(c, "update " + table + " set pending = false where job_arn = ? and pending = true", jobArn);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not publish import " + jobArn + ": " + e.getMessage(), e);
        }
    }

    /** Drops the pending rows of an import that failed or stopped. Published rows are untouched. */
    public void discardPending(String jobArn) {
        try (Connection c = dataSource.getConnection()) {
            for (DatasetType type : DatasetType.values()) {
                update(c, "delete from " + table(type) + " where job_arn = ? and pending = true", jobArn);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not discard rows of import " + jobArn + ": " + e.getMessage(), e);
        }
    }

    public void deleteAll(Dataset dataset) {
        try (Connection c = dataSource.getConnection()) {
            update(c, "delete from " + table(DatasetType.valueOf(dataset.getDatasetType())) + " where dataset_arn = ?",
                    dataset.getArn());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not delete rows of " + dataset.getArn() + ": " + e.getMessage(), e);
        }
    }

    /** The number of published rows of a dataset. */
    public long count(String datasetArn, DatasetType type) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from " + table(type)
                     + " where dataset_arn = ? and pending = false")) {
            ps.setString(1, datasetArn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count rows of " + datasetArn + ": " + e.getMessage(), e);
        }
    }

    /** Streams the published interactions of a dataset in insertion order. */
    public void forEachInteraction(String datasetArn, Consumer<InteractionRow> consumer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select user_id, item_id, event_time, event_type, event_value, session_id"
                     + " from interaction where dataset_arn = ? and pending = false order by id")) {
            ps.setFetchSize(10_000);
            ps.setString(1, datasetArn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    float value = rs.getFloat(5);
                    Float boxed = rs.wasNull() ? null : value;
                    consumer.accept(new InteractionRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            boxed, rs.getString(6), null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read interactions of " + datasetArn + ": " + e.getMessage(), e);
        }
    }

    /** Records rejected rows of an import, keeping the first {@link #KEPT_REJECTIONS}. */
    public void addRejections(String jobArn, long alreadyRejected, List<Rejection> rejections) {
        if (alreadyRejected >= KEPT_REJECTIONS || rejections.isEmpty()) {
            return;
        }
        int room = (int) Math.min(rejections.size(), KEPT_REJECTIONS - alreadyRejected);
        try (Connection c = dataSource.getConnection();
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
        try (Connection c = dataSource.getConnection();
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
