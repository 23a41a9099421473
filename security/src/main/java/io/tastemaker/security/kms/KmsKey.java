package io.tastemaker.security.kms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer master key of one account (symmetric, {@code SYMMETRIC_DEFAULT}, for
 * {@code ENCRYPT_DECRYPT}), and its life cycle as AWS KMS defines it:
 *
 * <pre>
 * Enabled  ⇄ Disabled          EnableKey / DisableKey
 * Enabled, Disabled → PendingDeletion   ScheduleKeyDeletion (7–30 days)
 * PendingDeletion → Disabled   CancelKeyDeletion
 * PendingDeletion → gone       when the deletion date has passed
 * </pre>
 *
 * Only an Enabled key encrypts, decrypts and makes data keys; a Disabled key refuses with
 * {@link DisabledException}, a key pending deletion with {@link KmsInvalidStateException}. A key
 * whose deletion date has passed is treated as gone ({@link #isDeleted}) until housekeeping
 * removes its row and material.
 *
 * <p>Rotation: with automatic rotation on, the key gets new material every
 * {@link #getRotationPeriodDays()} days (365 by default), from {@link #getNextRotationAt()};
 * on-demand rotations (at most {@value #MAX_ON_DEMAND_ROTATIONS}) add material at once. The
 * material versions are {@link KmsKeyMaterial} rows; {@link #getCurrentVersion()} encrypts.
 *
 * <p>The methods that change state take the time as an argument, so that the state machine is
 * tested without a clock or a container.
 */
@Entity
@Table(name = "kms_key")
public class KmsKey {

    public static final String ENABLED = "Enabled";
    public static final String DISABLED = "Disabled";
    public static final String PENDING_DELETION = "PendingDeletion";
    public static final String ENCRYPT_DECRYPT = "ENCRYPT_DECRYPT";
    public static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";
    /** AWS's default and the bounds of a deletion's waiting period, in days. */
    public static final int DEFAULT_PENDING_WINDOW_DAYS = 30;
    public static final int MIN_PENDING_WINDOW_DAYS = 7;
    public static final int MAX_PENDING_WINDOW_DAYS = 30;
    /** AWS's default and the bounds of the automatic rotation period, in days. */
    public static final int DEFAULT_ROTATION_PERIOD_DAYS = 365;
    public static final int MIN_ROTATION_PERIOD_DAYS = 90;
    public static final int MAX_ROTATION_PERIOD_DAYS = 2560;
    /** AWS's quota of on-demand rotations per key. */
    public static final int MAX_ON_DEMAND_ROTATIONS = 10;

    @Id
    @Column(name = "key_id")
    private String keyId;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(name = "arn", nullable = false, updatable = false)
    private String arn;
    @Column(name = "description", nullable = false)
    private String description;
    @Column(name = "key_usage", nullable = false, updatable = false)
    private String keyUsage;
    @Column(name = "key_spec", nullable = false, updatable = false)
    private String keySpec;
    @Column(name = "key_state", nullable = false)
    private String keyState;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "deletion_date")
    private Instant deletionDate;
    @Column(name = "pending_window_days")
    private Integer pendingWindowDays;
    @Column(name = "rotation_enabled", nullable = false)
    private boolean rotationEnabled;
    @Column(name = "rotation_period_days")
    private Integer rotationPeriodDays;
    @Column(name = "next_rotation_at")
    private Instant nextRotationAt;
    @Column(name = "current_version", nullable = false)
    private int currentVersion;
    @Column(name = "on_demand_rotations", nullable = false)
    private int onDemandRotations;
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected KmsKey() {
    }

    /** A new Enabled key whose first material is version 1. */
    public KmsKey(String keyId, String accountId, String arn, String description, Instant createdAt) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.arn = Objects.requireNonNull(arn, "arn");
        this.description = description == null ? "" : description;
        this.keyUsage = ENCRYPT_DECRYPT;
        this.keySpec = SYMMETRIC_DEFAULT;
        this.keyState = ENABLED;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.currentVersion = 1;
    }

    /** True once the deletion date of a key pending deletion has passed: the key is gone. */
    public boolean isDeleted(Instant now) {
        return PENDING_DELETION.equals(keyState) && deletionDate != null && !deletionDate.isAfter(now);
    }

    /**
     * Checks that the key may encrypt, decrypt or make a data key.
     *
     * @throws DisabledException         when it is disabled
     * @throws KmsInvalidStateException  when it is pending deletion
     */
    public void requireUsable() {
        if (DISABLED.equals(keyState)) {
            throw new DisabledException(arn + " is disabled.");
        }
        if (PENDING_DELETION.equals(keyState)) {
            throw new KmsInvalidStateException(arn + " is pending deletion.");
        }
    }

    /** EnableKey: Disabled (or already Enabled) → Enabled. */
    public void enable() {
        requireNotPendingDeletion();
        keyState = ENABLED;
    }

    /** DisableKey: Enabled (or already Disabled) → Disabled. */
    public void disable() {
        requireNotPendingDeletion();
        keyState = DISABLED;
    }

    /**
     * ScheduleKeyDeletion: the key becomes PendingDeletion until {@code now + days}.
     *
     * @param days the waiting period, {@value #MIN_PENDING_WINDOW_DAYS} to
     *             {@value #MAX_PENDING_WINDOW_DAYS}; null for {@value #DEFAULT_PENDING_WINDOW_DAYS}
     * @throws ValidationException       when the period is out of range
     * @throws KmsInvalidStateException  when the key is already pending deletion
     */
    public void scheduleDeletion(Integer days, Instant now) {
        int window = days == null ? DEFAULT_PENDING_WINDOW_DAYS : days;
        if (window < MIN_PENDING_WINDOW_DAYS || window > MAX_PENDING_WINDOW_DAYS) {
            throw new ValidationException("1 validation error detected: Value '" + window
                    + "' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value "
                    + (window < MIN_PENDING_WINDOW_DAYS ? "greater than or equal to " + MIN_PENDING_WINDOW_DAYS
                    : "less than or equal to " + MAX_PENDING_WINDOW_DAYS));
        }
        if (PENDING_DELETION.equals(keyState)) {
            throw new KmsInvalidStateException(arn + " is pending deletion.");
        }
        keyState = PENDING_DELETION;
        pendingWindowDays = window;
        deletionDate = now.plus(Duration.ofDays(window));
    }

    /** CancelKeyDeletion: PendingDeletion → Disabled, as in AWS. */
    public void cancelDeletion() {
        if (!PENDING_DELETION.equals(keyState)) {
            throw new KmsInvalidStateException(arn + " is not pending deletion (it is " + keyState + ").");
        }
        keyState = DISABLED;
        deletionDate = null;
        pendingWindowDays = null;
    }

    /**
     * EnableKeyRotation: rotate automatically every {@code periodDays} days from now.
     *
     * @param periodDays {@value #MIN_ROTATION_PERIOD_DAYS} to {@value #MAX_ROTATION_PERIOD_DAYS};
     *                   null for {@value #DEFAULT_ROTATION_PERIOD_DAYS}
     */
    public void enableRotation(Integer periodDays, Instant now) {
        int period = periodDays == null ? DEFAULT_ROTATION_PERIOD_DAYS : periodDays;
        if (period < MIN_ROTATION_PERIOD_DAYS || period > MAX_ROTATION_PERIOD_DAYS) {
            throw new ValidationException("1 validation error detected: Value '" + period
                    + "' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value "
                    + (period < MIN_ROTATION_PERIOD_DAYS ? "greater than or equal to " + MIN_ROTATION_PERIOD_DAYS
                    : "less than or equal to " + MAX_ROTATION_PERIOD_DAYS));
        }
        requireUsableForRotationChange();
        rotationEnabled = true;
        rotationPeriodDays = period;
        nextRotationAt = now.plus(Duration.ofDays(period));
    }

    /** DisableKeyRotation. */
    public void disableRotation() {
        requireUsableForRotationChange();
        rotationEnabled = false;
        rotationPeriodDays = null;
        nextRotationAt = null;
    }

    /** GetKeyRotationStatus's answer: on, unless off or the key is pending deletion. */
    public boolean rotationReported() {
        return rotationEnabled && !PENDING_DELETION.equals(keyState);
    }

    /** True when automatic rotation is due: on, Enabled, and the rotation date has come. */
    public boolean automaticRotationDue(Instant now) {
        return rotationEnabled && ENABLED.equals(keyState) && nextRotationAt != null && !nextRotationAt.isAfter(now);
    }

    /**
     * Checks that RotateKeyOnDemand may run: the key is Enabled and has rotations left.
     *
     * @throws DisabledException           when it is disabled
     * @throws KmsInvalidStateException    when it is pending deletion
     * @throws KmsLimitExceededException   after {@value #MAX_ON_DEMAND_ROTATIONS} on-demand rotations
     */
    public void requireOnDemandRotation() {
        requireUsable();
        if (onDemandRotations >= MAX_ON_DEMAND_ROTATIONS) {
            throw new KmsLimitExceededException(arn + " has been rotated on demand " + MAX_ON_DEMAND_ROTATIONS
                    + " times, the most a key may be.");
        }
    }

    /**
     * Records that material {@code version} now encrypts. An automatic rotation schedules the next
     * one a period later; an on-demand rotation counts against the quota and leaves the schedule.
     */
    public void rotated(int version, boolean onDemand, Instant now) {
        if (version != currentVersion + 1) {
            throw new IllegalArgumentException("Key " + keyId + " is at version " + currentVersion
                    + "; the next is " + (currentVersion + 1) + ", not " + version);
        }
        currentVersion = version;
        if (onDemand) {
            onDemandRotations++;
        } else {
            nextRotationAt = now.plus(Duration.ofDays(rotationPeriodDays == null ? DEFAULT_ROTATION_PERIOD_DAYS
                    : rotationPeriodDays));
        }
    }

    private void requireUsableForRotationChange() {
        if (DISABLED.equals(keyState)) {
            throw new DisabledException(arn + " is disabled.");
        }
        requireNotPendingDeletion();
    }

    private void requireNotPendingDeletion() {
        if (PENDING_DELETION.equals(keyState)) {
            throw new KmsInvalidStateException(arn + " is pending deletion.");
        }
    }

    public String getKeyId() {
        return keyId;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getArn() {
        return arn;
    }

    public String getDescription() {
        return description;
    }

    public String getKeyUsage() {
        return keyUsage;
    }

    public String getKeySpec() {
        return keySpec;
    }

    public String getKeyState() {
        return keyState;
    }

    public boolean isEnabled() {
        return ENABLED.equals(keyState);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeletionDate() {
        return deletionDate;
    }

    public Integer getPendingWindowDays() {
        return pendingWindowDays;
    }

    public boolean isRotationEnabled() {
        return rotationEnabled;
    }

    public Integer getRotationPeriodDays() {
        return rotationPeriodDays;
    }

    public Instant getNextRotationAt() {
        return nextRotationAt;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public int getOnDemandRotations() {
        return onDemandRotations;
    }
}
