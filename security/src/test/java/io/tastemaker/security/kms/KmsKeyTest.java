package io.tastemaker.security.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KmsKeyTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private final KmsKey key = new KmsKey("1234abcd-12ab-34cd-56ef-1234567890ab", "111122223333", ARN, "test", T0);

    @Test
    void a_new_key_is_enabled_symmetric_at_version_one_without_rotation() {
        assertThat(key.getKeyState()).isEqualTo(KmsKey.ENABLED);
        assertThat(key.isEnabled()).isTrue();
        assertThat(key.getKeySpec()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(key.getKeyUsage()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(key.getCurrentVersion()).isEqualTo(1);
        assertThat(key.isRotationEnabled()).isFalse();
        key.requireUsable();
    }

    @Test
    void a_disabled_key_refuses_use_with_disabled_exception_until_enabled() {
        key.disable();
        assertThat(key.getKeyState()).isEqualTo(KmsKey.DISABLED);
        assertThatThrownBy(key::requireUsable).isInstanceOf(DisabledException.class)
                .hasMessage(ARN + " is disabled.")
                .satisfies(e -> assertThat(((KmsException) e).errorName()).isEqualTo("DisabledException"));
        key.disable();
        key.enable();
        key.requireUsable();
        key.enable();
        assertThat(key.getKeyState()).isEqualTo(KmsKey.ENABLED);
    }

    @Test
    void scheduling_deletion_checks_the_window_and_sets_the_date() {
        assertThatThrownBy(() -> key.scheduleDeletion(6, T0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("greater than or equal to 7");
        assertThatThrownBy(() -> key.scheduleDeletion(31, T0)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("less than or equal to 30");
        assertThat(key.getKeyState()).isEqualTo(KmsKey.ENABLED);

        key.scheduleDeletion(null, T0);
        assertThat(key.getKeyState()).isEqualTo(KmsKey.PENDING_DELETION);
        assertThat(key.getPendingWindowDays()).isEqualTo(30);
        assertThat(key.getDeletionDate()).isEqualTo(T0.plus(Duration.ofDays(30)));
    }

    @Test
    void a_key_pending_deletion_refuses_use_and_state_changes_with_invalid_state() {
        key.scheduleDeletion(7, T0);
        assertThatThrownBy(key::requireUsable).isInstanceOf(KmsInvalidStateException.class)
                .hasMessage(ARN + " is pending deletion.")
                .satisfies(e -> assertThat(((KmsException) e).errorName()).isEqualTo("KMSInvalidStateException"));
        assertThatThrownBy(key::enable).isInstanceOf(KmsInvalidStateException.class);
        assertThatThrownBy(key::disable).isInstanceOf(KmsInvalidStateException.class);
        assertThatThrownBy(() -> key.scheduleDeletion(7, T0)).isInstanceOf(KmsInvalidStateException.class);
        assertThatThrownBy(() -> key.enableRotation(null, T0)).isInstanceOf(KmsInvalidStateException.class);
        assertThatThrownBy(key::requireOnDemandRotation).isInstanceOf(KmsInvalidStateException.class);
    }

    @Test
    void cancelling_deletion_leaves_the_key_disabled_as_in_aws() {
        key.scheduleDeletion(7, T0);
        key.cancelDeletion();
        assertThat(key.getKeyState()).isEqualTo(KmsKey.DISABLED);
        assertThat(key.getDeletionDate()).isNull();
        assertThat(key.getPendingWindowDays()).isNull();
        assertThatThrownBy(key::cancelDeletion).isInstanceOf(KmsInvalidStateException.class);
        key.enable();
        key.requireUsable();
    }

    @Test
    void the_key_is_gone_from_its_deletion_date_on() {
        key.scheduleDeletion(7, T0);
        Instant deletion = T0.plus(Duration.ofDays(7));
        assertThat(key.isDeleted(deletion.minusMillis(1))).isFalse();
        assertThat(key.isDeleted(deletion)).isTrue();
        assertThat(key.isDeleted(deletion.plusSeconds(1))).isTrue();
        assertThat(new KmsKey("k", "a", "arn", null, T0).isDeleted(T0.plus(Duration.ofDays(10_000)))).isFalse();
    }

    @Test
    void automatic_rotation_is_due_a_period_after_enabling_and_then_every_period() {
        key.enableRotation(null, T0);
        assertThat(key.getRotationPeriodDays()).isEqualTo(365);
        Instant due = T0.plus(Duration.ofDays(365));
        assertThat(key.getNextRotationAt()).isEqualTo(due);
        assertThat(key.automaticRotationDue(due.minusSeconds(1))).isFalse();
        assertThat(key.automaticRotationDue(due)).isTrue();

        key.rotated(2, false, due);
        assertThat(key.getCurrentVersion()).isEqualTo(2);
        assertThat(key.getNextRotationAt()).isEqualTo(due.plus(Duration.ofDays(365)));
        assertThat(key.automaticRotationDue(due)).isFalse();
        assertThat(key.getOnDemandRotations()).isZero();
    }

    @Test
    void a_disabled_key_is_not_rotated_and_its_rotation_cannot_be_changed() {
        key.enableRotation(90, T0);
        key.disable();
        assertThat(key.automaticRotationDue(T0.plus(Duration.ofDays(400)))).isFalse();
        assertThatThrownBy(key::disableRotation).isInstanceOf(DisabledException.class);
        assertThatThrownBy(key::requireOnDemandRotation).isInstanceOf(DisabledException.class);
        key.enable();
        assertThat(key.automaticRotationDue(T0.plus(Duration.ofDays(400)))).isTrue();
    }

    @Test
    void rotation_is_reported_off_while_pending_deletion_and_back_after_cancelling() {
        key.enableRotation(null, T0);
        key.scheduleDeletion(7, T0);
        assertThat(key.rotationReported()).isFalse();
        assertThat(key.automaticRotationDue(T0.plus(Duration.ofDays(400)))).isFalse();
        key.cancelDeletion();
        assertThat(key.rotationReported()).isTrue();
    }

    @Test
    void the_rotation_period_is_checked() {
        assertThatThrownBy(() -> key.enableRotation(89, T0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> key.enableRotation(2561, T0)).isInstanceOf(ValidationException.class);
        key.enableRotation(2560, T0);
        key.disableRotation();
        assertThat(key.isRotationEnabled()).isFalse();
        assertThat(key.getNextRotationAt()).isNull();
    }

    @Test
    void on_demand_rotations_count_against_a_quota_of_ten_and_keep_the_schedule() {
        key.enableRotation(null, T0);
        Instant next = key.getNextRotationAt();
        for (int version = 2; version <= 11; version++) {
            key.requireOnDemandRotation();
            key.rotated(version, true, T0);
        }
        assertThat(key.getCurrentVersion()).isEqualTo(11);
        assertThat(key.getNextRotationAt()).isEqualTo(next);
        assertThatThrownBy(key::requireOnDemandRotation).isInstanceOf(KmsLimitExceededException.class)
                .satisfies(e -> assertThat(((KmsException) e).errorName()).isEqualTo("LimitExceededException"));
    }

    @Test
    void versions_advance_one_at_a_time() {
        assertThatThrownBy(() -> key.rotated(3, true, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.rotated(1, true, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
