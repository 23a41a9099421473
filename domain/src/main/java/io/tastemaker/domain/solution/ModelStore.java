package io.tastemaker.domain.solution;

import io.tastemaker.domain.encryption.DataEncryption;
import io.tastemaker.domain.encryption.SealedValues;
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
import java.util.Optional;

/**
 * Model artifacts, stored in the database next to their solution version so that every node of
 * a cluster can load every campaign, and a restart loses nothing. The artifact of a version of a
 * dataset group encrypted at rest is stored encrypted with the group's data key (bound to the
 * version's ARN) and decrypted when it is loaded.
 */
@Stateless
public class ModelStore {

    @PersistenceContext
    EntityManager em;
    @Inject
    DataEncryption encryption;

    public void save(String accountId, String solutionVersionArn, byte[] content) {
        Optional<Envelope> envelope = encryption.forSolutionVersion(solutionVersionArn);
        byte[] stored = envelope.isPresent()
                ? SealedValues.sealBytes(envelope.get(), content, place(solutionVersionArn)) : content;
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement(
                     "insert into model_artifact (solution_version_arn, account_id, content) values (?,?,?)")) {
            ps.setString(1, solutionVersionArn);
            ps.setString(2, accountId);
            ps.setBytes(3, stored);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the model of " + solutionVersionArn + ": " + e.getMessage(), e);
        }
    }

    public Optional<byte[]> load(String solutionVersionArn) {
        byte[] stored;
        try (Connection c = Jdbc.connection(em);
             PreparedStatement ps = c.prepareStatement("select content from model_artifact where solution_version_arn = ?")) {
            ps.setString(1, solutionVersionArn);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                stored = rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the model of " + solutionVersionArn + ": " + e.getMessage(), e);
        }
        if (!SealedValues.isSealed(stored)) {
            return Optional.of(stored);
        }
        return Optional.of(SealedValues.openBytes(encryption.forSolutionVersion(solutionVersionArn).orElse(null), stored,
                place(solutionVersionArn)));
    }

    private static String place(String solutionVersionArn) {
        return "model_artifact:" + solutionVersionArn;
    }
}
