package io.tastemaker.security.audit;

import java.util.Objects;

/**
 * Walks one chain in sequence order and stops at the first broken link. Feed it the chain's
 * records with {@link #accept} (which says whether to go on), then read {@link #report()}.
 *
 * <p>A link is broken when a record is in the wrong chain, its sequence number is not the
 * previous one plus one (a record removed, added or moved), its previous hash is not the
 * previous record's hash, or its hash is not the hash of its own fields (a field changed). Not
 * thread-safe: one walk, one thread.
 */
public final class ChainVerifier {

    private final String chainId;
    private ChainHead head = ChainHead.GENESIS;
    private long checked;
    private VerificationReport broken;

    public ChainVerifier(String chainId) {
        this.chainId = Objects.requireNonNull(chainId, "chainId");
    }

    /** Checks the next record; false once a broken link was found (later records are not checked). */
    public boolean accept(AuditRecord r) {
        if (broken != null) {
            return false;
        }
        String problem = problemOf(r);
        if (problem != null) {
            broken = VerificationReport.broken(chainId, checked, r.getSeq(), problem);
            return false;
        }
        checked++;
        head = new ChainHead(r.getSeq(), r.getHash());
        return true;
    }

    private String problemOf(AuditRecord r) {
        if (!chainId.equals(r.getChainId()) || !chainId.equals(AuditRecord.chainOf(r.getAccountId()))) {
            return "record " + r.getSeq() + " belongs to chain " + r.getChainId() + " (account " + r.getAccountId()
                    + "), not " + chainId;
        }
        if (r.getSeq() != head.seq() + 1) {
            return "record " + r.getSeq() + " follows record " + head.seq() + ": records are missing, added or reordered";
        }
        if (!head.hash().equals(r.getPrevHash())) {
            return "record " + r.getSeq() + " does not link to the hash of record " + head.seq();
        }
        if (!AuditChain.hash(r.getPrevHash(), r).equals(r.getHash())) {
            return "record " + r.getSeq() + " was changed: its fields do not match its hash";
        }
        return null;
    }

    /** The result so far: the first broken link, or an intact chain up to its newest record checked. */
    public VerificationReport report() {
        return broken != null ? broken : VerificationReport.intact(chainId, checked, head);
    }
}
