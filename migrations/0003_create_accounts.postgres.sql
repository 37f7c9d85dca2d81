-- Accounts: people, their sessions, and the audit trail of administrative changes.
-- Times used for expiry are integer milliseconds since the Unix epoch (compared in SQL);
-- times shown to people are RFC 3339 text like the rest of the schema.
CREATE TABLE users (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email TEXT NOT NULL UNIQUE CHECK (char_length(email) BETWEEN 3 AND 254),
  name TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
  role TEXT NOT NULL CHECK (role IN ('learner', 'expert', 'advisor', 'admin')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Only the SHA-256 of a session token is kept. Deleting a user deletes their sessions.
CREATE TABLE sessions (
  id TEXT PRIMARY KEY CHECK (length(id) = 32),
  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  created_ms BIGINT NOT NULL,
  last_used_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL
);
CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_ms ON sessions (expires_ms);
CREATE INDEX sessions_last_used_ms ON sessions (last_used_ms);

-- Who changed what, before and after (JSON text), and when. The entry outlives its author:
-- deleting the user keeps the entry with actor_id NULL.
CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  entity TEXT NOT NULL CHECK (char_length(entity) BETWEEN 1 AND 64),
  entity_id TEXT NOT NULL CHECK (char_length(entity_id) BETWEEN 1 AND 128),
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_actor_id ON audit_log (actor_id);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
