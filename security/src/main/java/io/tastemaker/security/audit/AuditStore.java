package io.tastemaker.security.audit;

import io.tastemaker.security.iam.AccessKey;
import io.tastemaker.security.iam.Account;
import io.tastemaker.security.iam.IamUser;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The audit table: appends chained records, searches them within the viewer's walls, and walks
 * chains to verify them. It has no method that updates or deletes a record.
 */
@Stateless
public class AuditStore {

    /** Records read per round trip when a chain is verified or a search exported. */
    static final int PAGE = 1000;
    /** An export holds at most this many records; a narrower search exports the rest. */
    public static final int MAX_EXPORT = 100_000;

    @PersistenceContext
    EntityManager em;

    /**
     * Appends entries in the given order, each linked after its chain's head, in one transaction.
     * {@code heads} holds the heads the caller knows; missing ones are read from the table. The
     * returned map holds the new head of every chain written to, valid once the transaction has
     * committed. A concurrent writer on another node that took the same place makes the commit
     * fail on the primary key, and nothing is written.
     */
    public Map<String, ChainHead> append(List<AuditEntry> entries, Map<String, ChainHead> heads, Supplier<String> eventIds) {
        Map<String, ChainHead> now = new HashMap<>();
        for (AuditEntry entry : entries) {
            String chain = AuditRecord.chainOf(entry.accountId());
            ChainHead head = now.get(chain);
            if (head == null) {
                head = heads.get(chain);
            }
            if (head == null) {
                head = head(chain);
            }
            AuditRecord record = AuditRecord.link(entry, eventIds.get(), head);
            em.persist(record);
            now.put(chain, new ChainHead(record.getSeq(), record.getHash()));
        }
        em.flush();
        return now;
    }

    /** The newest record of a chain, or {@link ChainHead#GENESIS}. */
    public ChainHead head(String chainId) {
        List<AuditRecord> newest = em.createQuery("select r from AuditRecord r where r.chainId = :c order by r.seq desc",
                AuditRecord.class).setParameter("c", chainId).setMaxResults(1).getResultList();
        return newest.isEmpty() ? ChainHead.GENESIS : new ChainHead(newest.get(0).getSeq(), newest.get(0).getHash());
    }

    /** One page of the records the viewer may read that match the query, newest first. */
    public AuditPage search(String viewerAccountId, AuditQuery query, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > PAGE) {
            throw new AuditQueryException("InvalidMaxResultsException", "A page holds 1 to " + PAGE + " records, from "
                    + "offset 0 on.");
        }
        AuditQuery q = scoped(viewerAccountId, query);
        TypedQuery<Long> count = bind(em.createQuery("select count(r) from AuditRecord r" + where(q), Long.class), q);
        TypedQuery<AuditRecord> select = bind(em.createQuery("select r from AuditRecord r" + where(q)
                + " order by r.eventTime desc, r.chainId, r.seq desc", AuditRecord.class), q);
        List<AuditRecord> records = select.setFirstResult(offset).setMaxResults(limit).getResultList();
        return new AuditPage(records, count.getSingleResult());
    }

    /**
     * Hands every record of a search to {@code sink}, newest first, at most {@link #MAX_EXPORT};
     * returns how many were handed over.
     */
    public int export(String viewerAccountId, AuditQuery query, Consumer<AuditRecord> sink) {
        AuditQuery q = scoped(viewerAccountId, query);
        int done = 0;
        while (done < MAX_EXPORT) {
            List<AuditRecord> page = bind(em.createQuery("select r from AuditRecord r" + where(q)
                    + " order by r.eventTime desc, r.chainId, r.seq desc", AuditRecord.class), q)
                    .setFirstResult(done).setMaxResults(Math.min(PAGE, MAX_EXPORT - done)).getResultList();
            page.forEach(sink);
            done += page.size();
            em.clear();
            if (page.size() < PAGE) {
                break;
            }
        }
        return done;
    }

    /** The chains the viewer may verify: its account's, or, for the operator, every chain that has records. */
    public List<String> chains(String viewerAccountId) {
        if (!isOperator(viewerAccountId)) {
            return List.of(viewerAccountId);
        }
        return em.createQuery("select distinct r.chainId from AuditRecord r order by r.chainId", String.class).getResultList();
    }

    /**
     * Walks a chain from its first record to its newest and reports the first broken link. The
     * operator's account may verify any chain; another account only its own.
     */
    public VerificationReport verify(String viewerAccountId, String chainId) {
        if (!chainId.equals(viewerAccountId) && !isOperator(viewerAccountId)) {
            throw new AuditQueryException("AccessDeniedException", "An account verifies only its own audit trail.");
        }
        ChainVerifier verifier = new ChainVerifier(chainId);
        long after = 0;
        while (true) {
            List<AuditRecord> page = em.createQuery("select r from AuditRecord r where r.chainId = :c and r.seq > :after "
                            + "order by r.seq", AuditRecord.class)
                    .setParameter("c", chainId).setParameter("after", after).setMaxResults(PAGE).getResultList();
            for (AuditRecord r : page) {
                if (!verifier.accept(r)) {
                    return verifier.report();
                }
                after = r.getSeq();
            }
            em.clear();
            if (page.size() < PAGE) {
                return verifier.report();
            }
        }
    }

    /** Verifies every chain the viewer may read, in {@link #chains} order. */
    public List<VerificationReport> verifyAll(String viewerAccountId) {
        List<VerificationReport> reports = new ArrayList<>();
        for (String chain : chains(viewerAccountId)) {
            reports.add(verify(viewerAccountId, chain));
        }
        return reports;
    }

    /** The account that owns an access key, if the key exists (whatever its status). */
    public Optional<String> accountOfAccessKey(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isEmpty() || accessKeyId.length() > AuditEntry.MAX_ACCESS_KEY_ID) {
            return Optional.empty();
        }
        AccessKey key = em.find(AccessKey.class, accessKeyId);
        return Optional.ofNullable(key == null ? null : key.getAccountId());
    }

    /**
     * The account a console sign-in names (by id or by name) and the user name if that user exists
     * in it: a failed sign-in is recorded against that account, and under the user name only if it
     * is a real user (a password typed into the user field must not reach the trail).
     */
    public Optional<SignInTarget> signInTarget(String account, String userName) {
        if (account == null || account.isBlank()) {
            return Optional.empty();
        }
        List<Account> found = em.createQuery("select a from Account a where a.accountId = :v or a.name = :v", Account.class)
                .setParameter("v", account.trim()).setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String accountId = found.get(0).getAccountId();
        boolean userExists = userName != null && !userName.isBlank()
                && em.find(IamUser.class, new IamUser.Key(accountId, userName.trim())) != null;
        return Optional.of(new SignInTarget(accountId, userExists ? userName.trim() : null));
    }

    /** The account a console sign-in named, and the user name if that user exists there (else null). */
    public record SignInTarget(String accountId, String userName) {
    }

    private boolean isOperator(String accountId) {
        Account account = accountId == null ? null : em.find(Account.class, accountId);
        return account != null && account.isOperator();
    }

    /** The query with the viewer's walls: an account reads its own records; the operator's reads all. */
    private AuditQuery scoped(String viewerAccountId, AuditQuery query) {
        if (isOperator(viewerAccountId)) {
            return query;
        }
        if (query.accountId() != null && !query.accountId().equals(viewerAccountId)) {
            throw new AuditQueryException("AccessDeniedException", "An account reads only its own audit trail.");
        }
        return query.forAccount(viewerAccountId);
    }

    private static String where(AuditQuery q) {
        List<String> terms = new ArrayList<>();
        for (String name : parameters(q).keySet()) {
            terms.add(switch (name) {
                case "qFrom" -> "r.eventTime >= :qFrom";
                case "qTo" -> "r.eventTime < :qTo";
                case "qAccount" -> "r.accountId = :qAccount";
                case "qPrincipal" -> "r.principal = :qPrincipal";
                case "qAction" -> "r.action like :qAction escape '!'";
                case "qResource" -> "r.resources like :qResource escape '!'";
                case "qOutcome" -> "r.outcome = :qOutcome";
                case "qSourceIp" -> "r.sourceIp = :qSourceIp";
                case "qAccessKeyId" -> "r.accessKeyId = :qAccessKeyId";
                case "qEventId" -> "r.eventId = :qEventId";
                case "qEventName" -> "r.action like :qEventName escape '!'";
                default -> throw new IllegalStateException(name);
            });
        }
        return terms.isEmpty() ? "" : " where " + String.join(" and ", terms);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, AuditQuery q) {
        parameters(q).forEach(query::setParameter);
        return query;
    }

    private static Map<String, Object> parameters(AuditQuery q) {
        Map<String, Object> p = new LinkedHashMap<>();
        put(p, "qFrom", q.from());
        put(p, "qTo", q.to());
        put(p, "qAccount", q.accountId());
        put(p, "qPrincipal", q.principal());
        put(p, "qAction", q.actionPrefix() == null ? null : escapeLike(q.actionPrefix()) + "%");
        put(p, "qResource", q.resource() == null ? null : "%" + escapeLike(q.resource()) + "%");
        put(p, "qOutcome", q.outcome());
        put(p, "qSourceIp", q.sourceIp());
        put(p, "qAccessKeyId", q.accessKeyId());
        put(p, "qEventId", q.eventId());
        put(p, "qEventName", q.eventName() == null ? null : "%:" + escapeLike(q.eventName()));
        return p;
    }

    private static void put(Map<String, Object> p, String name, Object value) {
        if (value != null) {
            p.put(name, value);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
