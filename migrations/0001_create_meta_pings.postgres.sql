-- Pings: the smallest durable write, proving the request → worker pool → database path.
CREATE TABLE meta_pings (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  msg TEXT NOT NULL CHECK (char_length(msg) BETWEEN 1 AND 200),
  created_at TEXT NOT NULL
);
