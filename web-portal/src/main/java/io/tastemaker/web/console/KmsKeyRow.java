package io.tastemaker.web.console;

import io.tastemaker.security.kms.KmsKey;
import java.io.Serializable;

/** A KMS key as the KMS keys page lists it. */
public final class KmsKeyRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String keyId;
    private final String arn;
    private final String description;
    private final String state;
    private final boolean rotationEnabled;
    private final String rotation;
    private final int versions;
    private final String created;
    private final String deletionDate;

    private KmsKeyRow(KmsKey key) {
        this.keyId = key.getKeyId();
        this.arn = key.getArn();
        this.description = key.getDescription();
        this.state = key.getKeyState();
        this.rotationEnabled = key.rotationReported();
        this.rotation = rotationEnabled ? "Every " + key.getRotationPeriodDays() + " days, next "
                + ConsoleFormat.time(key.getNextRotationAt()) : "Off";
        this.versions = key.getCurrentVersion();
        this.created = ConsoleFormat.time(key.getCreatedAt());
        this.deletionDate = ConsoleFormat.time(key.getDeletionDate());
    }

    static KmsKeyRow of(KmsKey key) {
        return new KmsKeyRow(key);
    }

    public String getKeyId() {
        return keyId;
    }

    public String getArn() {
        return arn;
    }

    public String getDescription() {
        return description;
    }

    /** Enabled, Disabled or PendingDeletion. */
    public String getState() {
        return state;
    }

    public boolean isEnabled() {
        return KmsKey.ENABLED.equals(state);
    }

    public boolean isPendingDeletion() {
        return KmsKey.PENDING_DELETION.equals(state);
    }

    public boolean isRotationEnabled() {
        return rotationEnabled;
    }

    /** "Off", or the period and the next rotation date. */
    public String getRotation() {
        return rotation;
    }

    /** How many versions of material the key has (1 + rotations). */
    public int getVersions() {
        return versions;
    }

    public String getCreated() {
        return created;
    }

    /** When a key pending deletion is deleted; empty otherwise. */
    public String getDeletionDate() {
        return deletionDate;
    }
}
