-- Career test results, saved under an opaque random id so a learner can come back to them.
-- The answers are kept so a result can be recomputed; the result as it was answered is kept so
-- that a saved link keeps showing what the learner saw.
CREATE TABLE career_test_results (
  id TEXT PRIMARY KEY CHECK (length(id) = 32),
  created_at TEXT NOT NULL,
  form TEXT NOT NULL CHECK (form IN ('long', 'short')),
  answers TEXT NOT NULL,
  result TEXT NOT NULL
);
CREATE INDEX career_test_results_created_at ON career_test_results (created_at);
