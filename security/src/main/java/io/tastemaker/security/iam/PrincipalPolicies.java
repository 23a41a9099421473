package io.tastemaker.security.iam;

import io.tastemaker.security.policy.PolicyDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parsed policies that apply to each user who made a request lately, so that authorising a
 * request costs no database read. Entries are read again after {@link #TIME_TO_LIVE}, or at
 * once after any IAM change in this server ({@link IamChanges}).
 */
@ApplicationScoped
public class PrincipalPolicies {

    /** How long an entry is trusted without IAM changes; also how stale another node may be. */
    public static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 10_000;

    @Inject
    IamDirectory directory;
    @Inject
    IamChanges changes;
    @Inject
    Clock clock;

    private final ConcurrentHashMap<IamUser.Key, Entry> entries = new ConcurrentHashMap<>();

    /** The user's identity: its ARN and id, and every policy document that applies to it. */
    public Principal of(String accountId, String userName) {
        IamUser.Key key = new IamUser.Key(accountId, userName);
        long generation = changes.generation();
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation == generation && now.isBefore(entry.loadedAt.plus(TIME_TO_LIVE))) {
            return entry.principal;
        }
        Principal principal = directory.findUser(accountId, userName)
                .map(u -> new Principal(directory.userArn(u), u.getUserId(), directory.effectivePolicies(accountId, userName)))
                .orElseGet(() -> new Principal(directory.arn(accountId, "user", "/", userName), null, List.of()));
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(principal, generation, now));
        return principal;
    }

    /**
     * A user as authorisation sees it.
     *
     * @param arn      the user's ARN, for {@code aws:PrincipalArn} and messages
     * @param userId   the user's unique id, for {@code aws:userid}; null if the user is gone
     * @param policies every policy that applies to the user
     */
    public record Principal(String arn, String userId, List<PolicyDocument> policies) {
    }

    private record Entry(Principal principal, long generation, Instant loadedAt) {
    }
}
