package io.tastemaker.security.audit;

/**
 * What a walk of one chain found.
 *
 * @param chainId    the chain: an account id, or {@link AuditRecord#NO_ACCOUNT_CHAIN}
 * @param intact     true if every link held
 * @param checked    how many records were found good (before the break, if any)
 * @param brokenSeq  the sequence number of the first bad record; 0 if intact
 * @param problem    what is wrong with it; null if intact
 * @param headSeq    the newest good record's sequence number
 * @param headHash   the newest good record's hash: noted outside the database, it lets a later
 *                   walk prove that no record up to it was cut off
 */
public record VerificationReport(String chainId, boolean intact, long checked, long brokenSeq, String problem,
                                 long headSeq, String headHash) {

    static VerificationReport intact(String chainId, long checked, ChainHead head) {
        return new VerificationReport(chainId, true, checked, 0, null, head.seq(), head.hash());
    }

    static VerificationReport broken(String chainId, long checked, long brokenSeq, String problem) {
        return new VerificationReport(chainId, false, checked, brokenSeq, problem, 0, null);
    }

    /** One line for people. */
    public String describe() {
        String chain = AuditRecord.NO_ACCOUNT_CHAIN.equals(chainId) ? "calls without a known account" : "account " + chainId;
        return intact
                ? "Chain of " + chain + " verified: " + checked + " record(s), newest #" + headSeq + " with hash " + headHash + "."
                : "Chain of " + chain + " is BROKEN at record #" + brokenSeq + ": " + problem + " (" + checked
                        + " record(s) before it are intact).";
    }
}
