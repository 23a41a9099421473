package io.tastemaker.security.iam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The console's answer to password guessing: after {@link #maxFailures()} failed sign-ins in a
 * row, a user is locked for {@link #duration()}; while locked, every sign-in of that user is
 * refused, with the right password too, and the lock is not extended by further attempts. A
 * successful sign-in sets the count back to zero. When a lock has run out, the next attempt
 * starts a new count, so the user has {@code maxFailures} attempts again.
 *
 * <p>The state lives on the {@link IamUser} row ({@code failed_sign_ins}, {@code locked_until}),
 * so it holds across restarts and every node sees it. Plain Java with an injected {@link Clock};
 * {@link IamService#signIn} calls it with the user's row locked, so that parallel guesses cannot
 * lose each other's counts.
 *
 * <p>Configuration (see {@code io.tastemaker.security.config.SecuritySettings}):
 * {@code tastemaker.signin.max.failures} (default 5, 1 to 100) and
 * {@code tastemaker.signin.lockout.seconds} (default 900, 1 to 86,400).
 */
public final class SignInLockout {

    /** The default number of failures in a row that locks a user. */
    public static final int DEFAULT_MAX_FAILURES = 5;
    /** The default length of a lock: 15 minutes. */
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(15);
    /** The most failures that may be allowed before a lock. */
    public static final int MAX_MAX_FAILURES = 100;
    /** The longest lock: one day. */
    public static final Duration MAX_DURATION = Duration.ofDays(1);

    private final int maxFailures;
    private final Duration duration;
    private final Clock clock;

    /**
     * @param maxFailures failures in a row that lock the user, 1 to {@value #MAX_MAX_FAILURES}
     * @param duration    how long a lock lasts, from one second to {@link #MAX_DURATION}
     * @param clock       where "now" comes from
     */
    public SignInLockout(int maxFailures, Duration duration, Clock clock) {
        if (maxFailures < 1 || maxFailures > MAX_MAX_FAILURES) {
            throw new IllegalArgumentException("The failed sign-ins that lock a user are 1 to " + MAX_MAX_FAILURES
                    + ", not " + maxFailures + ".");
        }
        Objects.requireNonNull(duration, "duration");
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("A sign-in lockout lasts from 1 second to " + MAX_DURATION.toSeconds()
                    + " seconds, not " + duration.toSeconds() + ".");
        }
        this.maxFailures = maxFailures;
        this.duration = duration;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public int maxFailures() {
        return maxFailures;
    }

    public Duration duration() {
        return duration;
    }

    /** Whether the user is locked now. */
    public boolean isLocked(IamUser user) {
        Instant until = user.getLockedUntil();
        return until != null && clock.instant().isBefore(until);
    }

    /**
     * Counts a wrong password. Does nothing while the user is locked.
     *
     * @return true if this failure locked the user
     */
    public boolean recordFailure(IamUser user) {
        Instant now = clock.instant();
        Instant until = user.getLockedUntil();
        if (until != null) {
            if (now.isBefore(until)) {
                return false;
            }
            user.setLockedUntil(null);
            user.setFailedSignIns(0);
        }
        int failures = user.getFailedSignIns() + 1;
        user.setFailedSignIns(failures);
        if (failures >= maxFailures) {
            user.setLockedUntil(now.plus(duration));
            return true;
        }
        return false;
    }

    /** A successful sign-in: the count starts again from zero. Call only when not locked. */
    public void recordSuccess(IamUser user) {
        if (user.getFailedSignIns() != 0) {
            user.setFailedSignIns(0);
        }
        if (user.getLockedUntil() != null) {
            user.setLockedUntil(null);
        }
    }
}
