-- Training progress (step, percent, when the run started, for the ETA) and the outcome of
-- hyperparameter optimisation, per solution version.
ALTER TABLE solution_version ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE solution_version ADD COLUMN progress_step VARCHAR(200);
ALTER TABLE solution_version ADD COLUMN progress_percent DOUBLE PRECISION;
ALTER TABLE solution_version ADD COLUMN tuned_hpo_params VARCHAR(4000);
ALTER TABLE solution_version ADD COLUMN hpo_trials VARCHAR(60000);
