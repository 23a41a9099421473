-- Recommendation filters (CreateFilter): a named expression over a dataset group's datasets,
-- checked against its schemas when created. Names are unique per account, as in Personalize.
CREATE TABLE recommendation_filter (
    arn               VARCHAR(256)  NOT NULL PRIMARY KEY,
    account_id        VARCHAR(12)   NOT NULL,
    name              VARCHAR(63)   NOT NULL,
    dataset_group_arn VARCHAR(256)  NOT NULL REFERENCES dataset_group (arn),
    filter_expression VARCHAR(2500) NOT NULL,
    status            VARCHAR(32)   NOT NULL,
    failure_reason    VARCHAR(2000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_filter_name UNIQUE (account_id, name)
);
CREATE INDEX ix_filter_group ON recommendation_filter (dataset_group_arn);

-- Filters on Interactions.EVENT_TYPE read a user's newest 100 interactions of each event type, over
-- every live batch of the dataset (imports and the stream), on each request: by user, then by
-- event type newest first.
CREATE INDEX ix_interaction_user_type_time ON interaction (user_id, event_type, event_time);
