-- PutEvents' impression (up to 25 item ids, stored '|'-separated as Personalize's IMPRESSION
-- column) and recommendationId, kept with the event: recommendations read a user's impressions to
-- down-weight what was shown often and never chosen.
ALTER TABLE interaction ADD COLUMN impression VARCHAR(6500);
ALTER TABLE interaction ADD COLUMN recommendation_id VARCHAR(40);
