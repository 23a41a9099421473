-- GetRecommendations reads a user's newest real-time events (the dataset's stream batch) on every
-- request, by user and, to stitch anonymous sessions to a user, by session.
CREATE INDEX ix_interaction_user ON interaction (batch_id, user_id);
CREATE INDEX ix_interaction_session ON interaction (batch_id, session_id);
