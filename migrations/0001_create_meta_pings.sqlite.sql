-- Pings: the smallest durable write, proving the request → worker pool → database path.
CREATE TABLE meta_pings (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  msg TEXT NOT NULL CHECK (length(msg) BETWEEN 1 AND 200),
  created_at TEXT NOT NULL
);
