package io.tastemaker.security.kms;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of a key's material, sealed under the server's root key (see
 * {@link KeyMaterial#seal}). Version 1 is made with the key; each rotation adds the next.
 * {@code rotationType} is null for version 1, else {@code AUTOMATIC} or {@code ON_DEMAND}.
 */
@Entity
@Table(name = "kms_key_material")
public class KmsKeyMaterial {

    public static final String AUTOMATIC = "AUTOMATIC";
    public static final String ON_DEMAND = "ON_DEMAND";

    @EmbeddedId
    private Key id;
    @Column(name = "material_sealed", nullable = false, updatable = false)
    private String materialSealed;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "rotation_type", updatable = false)
    private String rotationType;

    protected KmsKeyMaterial() {
    }

    public KmsKeyMaterial(String keyId, int version, String materialSealed, Instant createdAt, String rotationType) {
        this.id = new Key(keyId, version);
        this.materialSealed = materialSealed;
        this.createdAt = createdAt;
        this.rotationType = rotationType;
    }

    public String getKeyId() {
        return id.keyId;
    }

    public int getVersion() {
        return id.version;
    }

    public String getMaterialSealed() {
        return materialSealed;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getRotationType() {
        return rotationType;
    }

    /** The primary key: key id and version. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "key_id")
        private String keyId;
        @Column(name = "version")
        private int version;

        protected Key() {
        }

        public Key(String keyId, int version) {
            this.keyId = keyId;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.keyId.equals(keyId) && k.version == version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(keyId, version);
        }
    }
}
