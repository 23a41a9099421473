package io.tastemaker.security.kms;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A tag of a key, as CreateKey's {@code Tags} gave it; ListResourceTags reads them back. */
@Entity
@Table(name = "kms_key_tag")
public class KmsKeyTag {

    @EmbeddedId
    private Key id;
    @Column(name = "tag_value", nullable = false)
    private String tagValue;

    protected KmsKeyTag() {
    }

    public KmsKeyTag(String keyId, String tagKey, String tagValue) {
        this.id = new Key(keyId, tagKey);
        this.tagValue = tagValue;
    }

    public String getKeyId() {
        return id.keyId;
    }

    public String getTagKey() {
        return id.tagKey;
    }

    public String getTagValue() {
        return tagValue;
    }

    /** The primary key: key id and tag key. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "key_id")
        private String keyId;
        @Column(name = "tag_key")
        private String tagKey;

        protected Key() {
        }

        public Key(String keyId, String tagKey) {
            this.keyId = keyId;
            this.tagKey = tagKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.keyId.equals(keyId) && k.tagKey.equals(tagKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(keyId, tagKey);
        }
    }
}
