/** The database schema, owned by Flyway migrations in {@code db/migration}; Hibernate never changes it. */
package io.tastemaker.domain.persistence;
