package io.tastemaker.domain.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date with Flyway when the application starts, before any
 * other start-up bean runs. The same migrations serve H2 and PostgreSQL; the only difference,
 * the type of binary columns, is the {@code binary} placeholder.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:app/jdbc/tastemaker")
    DataSource dataSource;

    /** Outside any transaction: Flyway manages its own, and an XA connection refuses that inside JTA. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
        String binary = product.contains("postgres") ? "BYTEA" : "BLOB";
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("binary", binary))
                .load()
                .migrate();
        LOG.info(() -> "Database schema (" + product + ") at version " + result.targetSchemaVersion
                + " after " + result.migrationsExecuted + " migration(s).");
    }
}
