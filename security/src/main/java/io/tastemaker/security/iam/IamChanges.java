package io.tastemaker.security.iam;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of IAM changes made in this server: caches of credentials and policies remember the
 * value they were filled at, and read the store again once it moved. A change counts twice: when
 * it is made, and again when its transaction ends, so that a cache filled from the old rows in
 * between is not trusted either. Changes made by another node of a cluster reach this one when
 * the caches' time limit passes.
 */
@ApplicationScoped
public class IamChanges {

    private final AtomicLong generation = new AtomicLong();

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void bump() {
        generation.incrementAndGet();
        if (transactions != null && transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }

    public long generation() {
        return generation.get();
    }
}
