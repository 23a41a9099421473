package io.tastemaker.systemtest.support;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polling for a state the server reaches asynchronously, with a deadline and a telling failure. */
public final class Awaits {

    /** The first pause between polls; it doubles up to {@link #MAX_INTERVAL}. */
    static final Duration FIRST_INTERVAL = Duration.ofMillis(200);
    /** The longest pause between polls. */
    static final Duration MAX_INTERVAL = Duration.ofSeconds(2);

    private Awaits() {
    }

    /**
     * Polls {@code probe} until {@code done} accepts its value and returns that value.
     *
     * @param what what is awaited, for messages ("dataset import job arn:...")
     * @param describe how a value reads in the failure message (its status and failure reason)
     * @throws AssertionError when {@code timeout} passes first, with the last value described
     */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done,
            Function<T, String> describe) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Duration interval = FIRST_INTERVAL;
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(String.format(Locale.ROOT, "Timed out after %d s waiting for %s; last seen: %s",
                        timeout.toSeconds(), what, describe.apply(last)));
            }
            sleep(interval);
            interval = interval.multipliedBy(2).compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : interval.multipliedBy(2);
            last = probe.get();
        }
        System.out.printf(Locale.ROOT, "%s: %s after %.1f s%n", what, describe.apply(last),
                (System.nanoTime() - start) / 1e9);
        return last;
    }

    /** Whether a Personalize status is final: {@code ACTIVE}, {@code CREATE FAILED}, {@code CREATE STOPPED}... */
    public static boolean isTerminal(String status) {
        return status != null && ("ACTIVE".equals(status) || status.endsWith("FAILED") || status.endsWith("STOPPED"));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
