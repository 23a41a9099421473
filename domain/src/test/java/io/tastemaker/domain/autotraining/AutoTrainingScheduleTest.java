package io.tastemaker.domain.autotraining;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.domain.autotraining.AutoTrainingSchedule.Action;
import io.tastemaker.domain.autotraining.AutoTrainingSchedule.Facts;
import io.tastemaker.domain.autotraining.AutoTrainingSchedule.Timing;
import io.tastemaker.domain.autotraining.AutoTrainingSchedule.Version;
import io.tastemaker.domain.common.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutoTrainingScheduleTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Timing TIMING = new Timing(Duration.ofHours(1), Duration.ofHours(2));

    private static Instant at(Duration after) {
        return T0.plus(after);
    }

    private static Version full(Duration at, String status) {
        return new Version(at(at), status, "FULL", "AUTOMATIC");
    }

    private static Facts facts(boolean auto, int days, boolean deployed, List<Version> versions, Instant interactions, Instant any) {
        return new Facts(T0, auto, days, true, deployed, versions, interactions, any);
    }

    @Test
    void the_first_training_comes_an_hour_after_creation_unless_a_version_exists() {
        Facts none = facts(true, 7, false, List.of(), null, null);
        assertThat(AutoTrainingSchedule.decide(none, at(Duration.ofMinutes(59)), TIMING)).isEqualTo(Action.NONE);
        assertThat(AutoTrainingSchedule.decide(none, at(Duration.ofMinutes(60)), TIMING)).isEqualTo(Action.FULL);

        Facts manual = facts(true, 7, false, List.of(new Version(at(Duration.ofMinutes(5)), "ACTIVE", "FULL", "MANUAL")),
                at(Duration.ofMinutes(1)), at(Duration.ofMinutes(1)));
        assertThat(AutoTrainingSchedule.decide(manual, at(Duration.ofMinutes(61)), TIMING)).isEqualTo(Action.NONE);
        assertThat(AutoTrainingSchedule.decide(facts(false, 7, false, List.of(), null, null), at(Duration.ofDays(30)), TIMING))
                .isEqualTo(Action.NONE);
    }

    @Test
    void retraining_follows_periods_anchored_to_the_first_version_and_needs_new_interactions() {
        List<Version> versions = List.of(full(Duration.ofHours(1), "ACTIVE"));
        Instant fresh = at(Duration.ofDays(3));
        assertThat(AutoTrainingSchedule.decide(facts(true, 7, false, versions, fresh, fresh), at(Duration.ofDays(7)), TIMING))
                .as("the period has not passed yet: the anchor is the first version, an hour after creation")
                .isEqualTo(Action.NONE);
        assertThat(AutoTrainingSchedule.decide(facts(true, 7, false, versions, fresh, fresh),
                at(Duration.ofDays(7).plusHours(1)), TIMING)).isEqualTo(Action.FULL);
        Instant stale = at(Duration.ofMinutes(30));
        assertThat(AutoTrainingSchedule.decide(facts(true, 7, false, versions, stale, stale), at(Duration.ofDays(8)), TIMING))
                .as("nothing new since the last training").isEqualTo(Action.NONE);
        assertThat(AutoTrainingSchedule.decide(facts(true, 7, false, versions, null, null), at(Duration.ofDays(8)), TIMING))
                .isEqualTo(Action.NONE);

        List<Version> retrained = List.of(full(Duration.ofHours(1), "ACTIVE"), full(Duration.ofDays(7).plusHours(2), "ACTIVE"));
        Instant later = at(Duration.ofDays(9));
        assertThat(AutoTrainingSchedule.decide(facts(true, 7, false, retrained, later, later), at(Duration.ofDays(10)), TIMING))
                .as("this period already has its training").isEqualTo(Action.NONE);
        assertThat(AutoTrainingSchedule.decide(facts(true, 7, false, retrained, later, later),
                at(Duration.ofDays(14).plusHours(1)), TIMING)).isEqualTo(Action.FULL);
        assertThat(AutoTrainingSchedule.decide(facts(true, 1, false, versions, fresh, fresh),
                at(Duration.ofDays(1).plusHours(1)), TIMING)).as("rate(1 day)").isEqualTo(Action.FULL);
    }

    @Test
    void a_deployed_version_is_updated_every_two_hours_when_data_arrived() {
        List<Version> versions = List.of(full(Duration.ZERO, "ACTIVE"));
        Instant data = at(Duration.ofMinutes(90));
        assertThat(AutoTrainingSchedule.decide(facts(false, 7, true, versions, null, data), at(Duration.ofMinutes(119)), TIMING))
                .isEqualTo(Action.NONE);
        assertThat(AutoTrainingSchedule.decide(facts(false, 7, true, versions, null, data), at(Duration.ofMinutes(120)), TIMING))
                .isEqualTo(Action.UPDATE);
        assertThat(AutoTrainingSchedule.decide(facts(false, 7, false, versions, null, data), at(Duration.ofHours(5)), TIMING))
                .as("not deployed").isEqualTo(Action.NONE);
        assertThat(AutoTrainingSchedule.decide(facts(false, 7, true, versions, null, at(Duration.ofMinutes(-5))),
                at(Duration.ofHours(5)), TIMING)).as("no new data").isEqualTo(Action.NONE);
        Facts noUpdates = new Facts(T0, false, 7, false, true, versions, data, data);
        assertThat(AutoTrainingSchedule.decide(noUpdates, at(Duration.ofHours(5)), TIMING)).as("recipe without UPDATE")
                .isEqualTo(Action.NONE);

        List<Version> manualUpdate = List.of(full(Duration.ZERO, "ACTIVE"),
                new Version(at(Duration.ofMinutes(10)), "ACTIVE", "UPDATE", "MANUAL"));
        assertThat(AutoTrainingSchedule.decide(facts(false, 7, true, manualUpdate, null, data), at(Duration.ofHours(5)), TIMING))
                .as("a person's UPDATE stops automatic updates").isEqualTo(Action.NONE);
        List<Version> autoUpdate = List.of(full(Duration.ZERO, "ACTIVE"),
                new Version(at(Duration.ofMinutes(10)), "ACTIVE", "UPDATE", "AUTOMATIC"));
        assertThat(AutoTrainingSchedule.decide(facts(false, 7, true, autoUpdate, null, data), at(Duration.ofHours(5)), TIMING))
                .isEqualTo(Action.UPDATE);
    }

    @Test
    void nothing_starts_while_a_version_trains() {
        List<Version> training = List.of(full(Duration.ZERO, "ACTIVE"), full(Duration.ofDays(8), Status.CREATE_IN_PROGRESS));
        Instant data = at(Duration.ofDays(9));
        assertThat(AutoTrainingSchedule.decide(facts(true, 7, true, training, data, data), at(Duration.ofDays(20)), TIMING))
                .isEqualTo(Action.NONE);
    }
}
