package io.tastemaker.domain.persistence;

import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import org.hibernate.Session;

/**
 * Plain JDBC on the connection of the current JPA persistence context, so that bulk row writes and
 * entity changes in one JTA transaction go through one database connection: one resource, no
 * two-phase commit, on H2 and on PostgreSQL alike. The only place in the domain that knows the
 * JPA provider is Hibernate.
 *
 * <p>Hibernate holds the connection until the transaction completes
 * ({@code hibernate.connection.handling_mode} in persistence.xml), so the returned handle stays
 * valid for the rest of the transaction. Closing it does nothing: Hibernate releases it.
 */
public final class Jdbc {

    private Jdbc() {
    }

    public static Connection connection(EntityManager em) {
        Connection physical = em.unwrap(Session.class).doReturningWork(c -> c);
        return (Connection) Proxy.newProxyInstance(Jdbc.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(physical, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
