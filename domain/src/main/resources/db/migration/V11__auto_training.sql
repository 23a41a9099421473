-- Automatic training (performAutoTraining): a solution retrains on its schedule, every
-- auto_training_days days anchored to its first training, when new data arrived; deployed
-- aws-user-personalization versions are also updated automatically (trainingMode UPDATE) at a
-- shorter interval. Versions record whether a person or the schedule created them, and an
-- automatic update the version it was built from, whose campaigns it replaces.
ALTER TABLE solution ADD COLUMN perform_auto_training BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE solution ADD COLUMN auto_training_days INTEGER DEFAULT 7 NOT NULL;
ALTER TABLE solution_version ADD COLUMN training_type VARCHAR(16) DEFAULT 'MANUAL' NOT NULL;
ALTER TABLE solution_version ADD COLUMN base_version_arn VARCHAR(256);
-- When rows last arrived in a dataset (an import published, PutEvents/PutItems/PutUsers), to
-- the minute: the schedule trains only when something is new.
ALTER TABLE dataset ADD COLUMN data_changed_at TIMESTAMP WITH TIME ZONE;
