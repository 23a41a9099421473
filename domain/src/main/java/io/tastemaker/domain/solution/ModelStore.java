package io.tastemaker.domain.solution;

import io.tastemaker.domain.persistence.Jdbc;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Model artifacts, stored in the database next to their solution version so that every node of
 * a cluster can load every campaign, and a restart loses nothing.
 */
@Stateless
public class ModelStore {

    @PersistenceContext
    EntityManager em;

    public void save(String accountId, String solutionVersionArn, byte[] content) {
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement(
                     "insert into model_artifact (solution_version_arn, account_id, content) values (?,?,?)")) {
            ps.setString(1, solutionVersionArn);
            ps.setString(2, accountId);
            ps.setBytes(3, content);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the model of " + solutionVersionArn + ": " + e.getMessage(), e);
        }
    }

    public Optional<byte[]> load(String solutionVersionArn) {
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement("select content from model_artifact where solution_version_arn = ?")) {
            ps.setString(1, solutionVersionArn);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the model of " + solutionVersionArn + ": " + e.getMessage(), e);
        }
    }
}
