package io.tastemaker.security.kms;

import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every ten minutes (a non-persistent EJB timer on each server): rotates the keys whose automatic
 * rotation is due, and deletes the keys whose deletion waiting period has ended, material and
 * all. Between two runs a key past its deletion date is already treated as deleted by every
 * operation ({@link KmsKey#isDeleted}); only its rows wait for the next run. Rotation dates are
 * a year apart, so a run ten minutes late changes nothing a client can see.
 *
 * <p>Each step runs in its own transaction; a failure is logged and retried at the next run.
 * On several servers over one database two runs may race; the loser's transaction fails on the
 * key's row version and changes nothing.
 */
@Singleton
public class KmsHousekeeping {

    private static final Logger LOG = Logger.getLogger(KmsHousekeeping.class.getName());

    @Inject
    KmsService kms;

    @Schedule(hour = "*", minute = "*/10", persistent = false, info = "KMS key rotation and deletion")
    void run() {
        try {
            kms.rotateDueKeys();
        } catch (EJBException | jakarta.persistence.PersistenceException e) {
            LOG.log(Level.WARNING, "KMS automatic rotation failed; it is retried in ten minutes", e);
        }
        try {
            kms.purgeDeletedKeys();
        } catch (EJBException | jakarta.persistence.PersistenceException e) {
            LOG.log(Level.WARNING, "Deleting KMS keys past their deletion date failed; it is retried in ten minutes", e);
        }
    }
}
