-- The audit trail (io.tastemaker.security.audit): one row per API call or console action,
-- refusals included. Rows are only ever inserted. Each belongs to a hash chain (chain_id: the
-- account id, or '-' when no account is known) at place seq = 1, 2, 3, ...; hash is SHA-256 over
-- prev_hash and the row's canonical form (docs/adr/0013-audit-hash-chain.md). No secret is
-- stored: no body, password, secret key or signature. To make the table append-only for the
-- application's database user as well, see that ADR (GRANT SELECT, INSERT only).

CREATE TABLE audit_event (
    chain_id        VARCHAR(12)   NOT NULL,
    seq             BIGINT        NOT NULL,
    event_id        VARCHAR(36)   NOT NULL,
    event_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    account_id      VARCHAR(12),
    principal       VARCHAR(128),
    access_key_id   VARCHAR(128),
    service         VARCHAR(32)   NOT NULL,
    action          VARCHAR(160)  NOT NULL,
    resources       VARCHAR(4000),
    source_ip       VARCHAR(64),
    user_agent      VARCHAR(512),
    outcome         VARCHAR(8)    NOT NULL,
    http_status     INTEGER       NOT NULL,
    error_code      VARCHAR(128),
    prev_hash       VARCHAR(64)   NOT NULL,
    hash            VARCHAR(64)   NOT NULL,
    PRIMARY KEY (chain_id, seq)
);

-- Searches: an account's records by time (every account's console and LookupEvents), and all
-- records by time (the operator's).
CREATE INDEX ix_audit_event_account_time ON audit_event (account_id, event_time);
CREATE INDEX ix_audit_event_time ON audit_event (event_time);
