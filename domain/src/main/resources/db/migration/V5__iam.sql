-- IAM inside each account: users, groups, managed policies (customer documents; the ready-made
-- Tastemaker* policies live in code under arn:aws:iam::aws:policy/), inline policies and their
-- attachments. The operator account is the one that creates and suspends the others.

ALTER TABLE account ADD COLUMN operator BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE account SET operator = TRUE WHERE name = 'operator';

ALTER TABLE iam_user ADD COLUMN user_id VARCHAR(32);
ALTER TABLE iam_user ADD COLUMN path VARCHAR(512) DEFAULT '/' NOT NULL;
-- Console sign-in lockout: failures since the last success, and the end of the current lockout.
ALTER TABLE iam_user ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE iam_user ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
UPDATE iam_user SET user_id = CONCAT('AIDA', UPPER(SUBSTRING(REPLACE(CONCAT(account_id, user_name), '_', 'X'), 1, 17)))
    WHERE user_id IS NULL;

CREATE TABLE iam_group (
    account_id      VARCHAR(12)  NOT NULL REFERENCES account (account_id),
    group_name      VARCHAR(128) NOT NULL,
    group_id        VARCHAR(32)  NOT NULL,
    path            VARCHAR(512) DEFAULT '/' NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (account_id, group_name)
);

CREATE TABLE iam_group_member (
    account_id      VARCHAR(12)  NOT NULL,
    group_name      VARCHAR(128) NOT NULL,
    user_name       VARCHAR(64)  NOT NULL,
    PRIMARY KEY (account_id, group_name, user_name),
    FOREIGN KEY (account_id, group_name) REFERENCES iam_group (account_id, group_name),
    FOREIGN KEY (account_id, user_name) REFERENCES iam_user (account_id, user_name)
);

CREATE TABLE iam_policy (
    arn             VARCHAR(2048) NOT NULL PRIMARY KEY,
    account_id      VARCHAR(12)   NOT NULL REFERENCES account (account_id),
    policy_name     VARCHAR(128)  NOT NULL,
    policy_id       VARCHAR(32)   NOT NULL,
    path            VARCHAR(512)  DEFAULT '/' NOT NULL,
    description     VARCHAR(1000),
    document        VARCHAR(20000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_iam_policy_name UNIQUE (account_id, policy_name)
);

-- A managed policy attached to a user or a group ('user' | 'group'). policy_arn may name a
-- ready-made policy (arn:aws:iam::aws:policy/...), which has no iam_policy row.
CREATE TABLE iam_attachment (
    account_id      VARCHAR(12)   NOT NULL REFERENCES account (account_id),
    principal_type  VARCHAR(8)    NOT NULL,
    principal_name  VARCHAR(128)  NOT NULL,
    policy_arn      VARCHAR(2048) NOT NULL,
    PRIMARY KEY (account_id, principal_type, principal_name, policy_arn)
);

CREATE TABLE iam_inline_policy (
    account_id      VARCHAR(12)   NOT NULL REFERENCES account (account_id),
    principal_type  VARCHAR(8)    NOT NULL,
    principal_name  VARCHAR(128)  NOT NULL,
    policy_name     VARCHAR(128)  NOT NULL,
    document        VARCHAR(20000) NOT NULL,
    PRIMARY KEY (account_id, principal_type, principal_name, policy_name)
);

-- Every user that existed before policies did was an account's administrator.
INSERT INTO iam_attachment (account_id, principal_type, principal_name, policy_arn)
    SELECT account_id, 'user', user_name, 'arn:aws:iam::aws:policy/TastemakerAccountAdmin' FROM iam_user;
