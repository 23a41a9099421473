package io.tastemaker.web.startup;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The application's data source, {@code java:app/jdbc/tastemaker}. Payara resolves the
 * {@code ${ENV=...}} references when the application deploys: the launcher ({@code ./tastemaker})
 * and the integration tests set them, {@code TASTEMAKER_DB_URL} defaulting to an H2 file under
 * the data directory.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/tastemaker",
        className = "${ENV=TASTEMAKER_DB_DATASOURCE}",
        url = "${ENV=TASTEMAKER_DB_URL}",
        user = "${ENV=TASTEMAKER_DB_USER}",
        password = "${ENV=TASTEMAKER_DB_PASSWORD}",
        transactional = true,
        initialPoolSize = 2,
        minPoolSize = 2,
        maxPoolSize = 32)
@Singleton
public class Database {
}
