#pragma once
// Numbered SQL migrations, applied in order, one transaction each, recorded with a SHA-256
// checksum in `schema_migrations`. A migration edited after it was applied is refused.
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace disha::store {

struct Migration {
  int version = 0;   // from the file name: 0001_create_pings.sql -> 1
  std::string name;  // "create_pings"
  std::string sql;   // the text for the chosen dialect
};

struct MigrationFile {
  std::string_view path;  // "migrations/0001_create_pings.sql" (any directory prefix)
  std::string_view content;
};

// Picks, for each version, `NNNN_name.<dialect>.sql` when it exists and `NNNN_name.sql`
// otherwise; files for the other dialect are ignored. Throws disha::Error(internal) for a
// malformed name, a duplicate version, or a version with only the other dialect's file.
std::vector<Migration> select_migrations(const std::vector<MigrationFile>& files, Dialect dialect);

struct MigrationStatus {
  int current_version = 0;  // highest applied
  int latest_version = 0;   // highest known
  std::vector<int> pending;
};

// The highest applied version (0 for none): what /readyz and /api/v1/meta report. Expects
// schema_migrations to exist (the server migrates before serving).
int applied_schema_version(Connection& connection);

class Migrator {
 public:
  Migrator(Database& database, std::vector<Migration> migrations);

  // Applies what is pending and returns the versions applied. Safe when several processes
  // start at once (PostgreSQL: advisory lock; SQLite: the write lock). Throws disha::Error
  // (internal) naming the migration when an applied one's checksum differs from the file's.
  std::vector<int> migrate();
  MigrationStatus status();

 private:
  Database& database_;
  std::vector<Migration> migrations_;
};

}  // namespace disha::store
