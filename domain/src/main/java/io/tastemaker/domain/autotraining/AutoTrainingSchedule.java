package io.tastemaker.domain.autotraining;

import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.solution.SolutionVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a solution trains by itself, as Personalize's automatic training and automatic updates
 * do. Pure: the timer ({@link AutoTraining}) gathers the facts and acts on the answer.
 *
 * <ul>
 *   <li><b>Automatic training</b> (performAutoTraining): the first FULL version
 *       {@link Timing#firstDelay} after the solution was created, unless one was created before;
 *       then one FULL version per period of {@code rate(N days)}, the periods anchored to the first
 *       version's creation, and only if interactions arrived since the last FULL version.</li>
 *   <li><b>Automatic updates</b> (recipes that support trainingMode UPDATE, whose latest ACTIVE
 *       version is deployed in a campaign): an UPDATE every {@link Timing#updateInterval} when
 *       items or interactions arrived since that version, unless a person created that version as
 *       an UPDATE (Personalize stops automatic updates then).</li>
 *   <li>Never while a version of the solution is training.</li>
 * </ul>
 */
public final class AutoTrainingSchedule {

    private AutoTrainingSchedule() {
    }

    /** What to start: nothing, a FULL retraining or an UPDATE. */
    public enum Action { NONE, FULL, UPDATE }

    /**
     * The intervals, from configuration.
     *
     * @param firstDelay     from a solution's creation to its first automatic training (Personalize: 1 hour)
     * @param updateInterval between automatic updates of a deployed version (Personalize: 2 hours)
     */
    public record Timing(Duration firstDelay, Duration updateInterval) {
    }

    /** One version of the solution, as the schedule needs it. */
    public record Version(Instant createdAt, String status, String trainingMode, String trainingType) {

        static Version of(SolutionVersion v) {
            return new Version(v.getCreatedAt(), v.getStatus(), v.getTrainingMode(), v.getTrainingType());
        }

        boolean full() {
            return "FULL".equals(trainingMode);
        }
    }

    /**
     * The facts about one solution.
     *
     * @param created                the solution's creation
     * @param autoTraining           performAutoTraining
     * @param days                   the schedule's period
     * @param supportsUpdate         whether its recipe trains in UPDATE mode
     * @param latestActiveDeployed   whether its latest ACTIVE version is deployed in an ACTIVE campaign
     * @param versions               its versions, in any order
     * @param interactionsChangedAt  when interactions last arrived in its dataset group; null if unknown
     * @param dataChangedAt          when interactions, items or users last arrived; null if unknown
     */
    public record Facts(Instant created, boolean autoTraining, int days, boolean supportsUpdate, boolean latestActiveDeployed,
                        List<Version> versions, Instant interactionsChangedAt, Instant dataChangedAt) {
    }

    public static Action decide(Facts facts, Instant now, Timing timing) {
        List<Version> versions = facts.versions();
        if (versions.stream().anyMatch(v -> Status.inProgress(v.status()))) {
            return Action.NONE;
        }
        if (facts.autoTraining() && fullTrainingDue(facts, now, timing)) {
            return Action.FULL;
        }
        if (facts.supportsUpdate() && facts.latestActiveDeployed() && updateDue(facts, now, timing)) {
            return Action.UPDATE;
        }
        return Action.NONE;
    }

    private static boolean fullTrainingDue(Facts facts, Instant now, Timing timing) {
        List<Version> versions = facts.versions();
        if (versions.isEmpty()) {
            return !now.isBefore(facts.created().plus(timing.firstDelay()));
        }
        Instant anchor = versions.stream().map(Version::createdAt).min(Comparator.naturalOrder()).orElseThrow();
        Duration period = Duration.ofDays(facts.days());
        long periods = Duration.between(anchor, now).toMillis() / period.toMillis();
        if (periods < 1) {
            return false;
        }
        Instant slotStart = anchor.plus(period.multipliedBy(periods));
        Instant lastFull = versions.stream().filter(Version::full).map(Version::createdAt)
                .max(Comparator.naturalOrder()).orElse(Instant.MIN);
        return lastFull.isBefore(slotStart) && facts.interactionsChangedAt() != null
                && facts.interactionsChangedAt().isAfter(lastFull);
    }

    private static boolean updateDue(Facts facts, Instant now, Timing timing) {
        Optional<Version> latest = facts.versions().stream().filter(v -> Status.ACTIVE.equals(v.status()))
                .max(Comparator.comparing(Version::createdAt));
        if (latest.isEmpty()) {
            return false;
        }
        Version base = latest.get();
        if (!base.full() && SolutionVersion.MANUAL.equals(base.trainingType())) {
            return false;
        }
        return !now.isBefore(base.createdAt().plus(timing.updateInterval()))
                && facts.dataChangedAt() != null && facts.dataChangedAt().isAfter(base.createdAt());
    }
}
