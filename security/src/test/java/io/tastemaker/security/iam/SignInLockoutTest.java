package io.tastemaker.security.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInLockoutTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    private final TestClock clock = new TestClock(START);
    private final SignInLockout lockout = new SignInLockout(5, Duration.ofMinutes(15), clock);
    private final IamUser user = new IamUser("123456789012", "alice", "hash", START);

    @Test
    void four_failures_do_not_lock_and_the_fifth_does() {
        for (int i = 1; i <= 4; i++) {
            assertThat(lockout.recordFailure(user)).isFalse();
            assertThat(lockout.isLocked(user)).isFalse();
            assertThat(user.getFailedSignIns()).isEqualTo(i);
        }
        assertThat(lockout.recordFailure(user)).isTrue();
        assertThat(lockout.isLocked(user)).isTrue();
        assertThat(user.getLockedUntil()).isEqualTo(START.plus(Duration.ofMinutes(15)));
    }

    @Test
    void the_lock_holds_until_its_end_and_is_not_extended_by_more_attempts() {
        failTimes(5);
        clock.advance(Duration.ofMinutes(10));
        assertThat(lockout.recordFailure(user)).isFalse();
        assertThat(user.getLockedUntil()).isEqualTo(START.plus(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(lockout.isLocked(user)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(lockout.isLocked(user)).isFalse();
    }

    @Test
    void after_a_lock_runs_out_a_new_run_of_failures_is_counted_from_zero() {
        failTimes(5);
        clock.advance(Duration.ofMinutes(16));
        assertThat(lockout.recordFailure(user)).isFalse();
        assertThat(user.getFailedSignIns()).isEqualTo(1);
        assertThat(user.getLockedUntil()).isNull();
        failTimes(3);
        assertThat(lockout.isLocked(user)).isFalse();
        assertThat(lockout.recordFailure(user)).isTrue();
        assertThat(user.getLockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void a_success_sets_the_count_back_to_zero() {
        failTimes(4);
        lockout.recordSuccess(user);
        assertThat(user.getFailedSignIns()).isZero();
        failTimes(4);
        assertThat(lockout.isLocked(user)).isFalse();
        assertThat(lockout.recordFailure(user)).isTrue();
    }

    @Test
    void failures_need_not_be_close_in_time_to_add_up() {
        for (int i = 0; i < 4; i++) {
            lockout.recordFailure(user);
            clock.advance(Duration.ofDays(2));
        }
        assertThat(lockout.recordFailure(user)).isTrue();
    }

    @Test
    void settings_out_of_range_are_refused() {
        assertThatThrownBy(() -> new SignInLockout(0, Duration.ofMinutes(1), clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> new SignInLockout(101, Duration.ofMinutes(1), clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInLockout(5, Duration.ZERO, clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 second");
        assertThatThrownBy(() -> new SignInLockout(5, Duration.ofDays(2), clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void one_failure_may_be_the_limit() {
        SignInLockout strict = new SignInLockout(1, Duration.ofSeconds(30), clock);
        assertThat(strict.recordFailure(user)).isTrue();
        assertThat(strict.isLocked(user)).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(strict.isLocked(user)).isFalse();
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            lockout.recordFailure(user);
        }
    }

    /** A clock that moves only when told. */
    private static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
