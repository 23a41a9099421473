-- KMS-style customer master keys of each account (io.tastemaker.security.kms). A key's material
-- is never stored in plaintext: each version is sealed under the server's root key (base64 of
-- SecretBox's version, nonce, ciphertext and tag), bound to its key id and version. Every version
-- stays until the key is deleted, so ciphertexts made before a rotation still decrypt.

CREATE TABLE kms_key (
    key_id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    account_id           VARCHAR(12)   NOT NULL REFERENCES account (account_id),
    arn                  VARCHAR(2048) NOT NULL,
    description          VARCHAR(8192) DEFAULT '' NOT NULL,
    key_usage            VARCHAR(32)   NOT NULL,
    key_spec             VARCHAR(32)   NOT NULL,
    -- Enabled | Disabled | PendingDeletion
    key_state            VARCHAR(32)   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    deletion_date        TIMESTAMP WITH TIME ZONE,
    pending_window_days  INTEGER,
    rotation_enabled     BOOLEAN       DEFAULT FALSE NOT NULL,
    rotation_period_days INTEGER,
    next_rotation_at     TIMESTAMP WITH TIME ZONE,
    -- The material version that encrypts; 1 to current_version decrypt.
    current_version      INTEGER       NOT NULL,
    on_demand_rotations  INTEGER       DEFAULT 0 NOT NULL,
    row_version          BIGINT        DEFAULT 0 NOT NULL
);

CREATE INDEX ix_kms_key_account ON kms_key (account_id, key_id);
CREATE INDEX ix_kms_key_deletion ON kms_key (key_state, deletion_date);

CREATE TABLE kms_key_material (
    key_id           VARCHAR(36)  NOT NULL REFERENCES kms_key (key_id),
    version          INTEGER      NOT NULL,
    material_sealed  VARCHAR(256) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- NULL for the key's first material, else AUTOMATIC | ON_DEMAND
    rotation_type    VARCHAR(16),
    PRIMARY KEY (key_id, version)
);

CREATE TABLE kms_key_tag (
    key_id     VARCHAR(36)  NOT NULL REFERENCES kms_key (key_id),
    tag_key    VARCHAR(128) NOT NULL,
    tag_value  VARCHAR(256) NOT NULL,
    PRIMARY KEY (key_id, tag_key)
);
