#include "store/migrations.hpp"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <map>
#include <optional>
#include <set>

#include "core/time.hpp"
#include "store/failure.hpp"

namespace disha::store {

namespace {

// Serialises migrators across processes on one PostgreSQL database ("disha" in ASCII).
constexpr std::int64_t kMigrationLockKey = 0x6469736861;

std::string label(int version, std::string_view name) {
  return fmt::format("{:04}_{}", version, name);
}

struct FileName {
  int version = 0;
  std::string name;
  std::optional<Dialect> dialect;  // nullopt: for both
};

// NNNN_name.sql or NNNN_name.<dialect>.sql, name in lowercase letters, digits and underscores.
FileName parse_file_name(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto malformed = [&] {
    return Error(ErrorCode::internal,
                 fmt::format("migration file name \"{}\" is malformed; expected NNNN_name.sql or "
                             "NNNN_name.sqlite.sql / NNNN_name.postgres.sql, the name in "
                             "lowercase letters, digits and underscores",
                             base));
  };
  std::string_view stem = base;
  if (!stem.ends_with(".sql")) throw malformed();
  stem.remove_suffix(4);
  FileName file;
  for (Dialect dialect : {Dialect::sqlite, Dialect::postgres}) {
    const std::string suffix = fmt::format(".{}", name(dialect));
    if (stem.ends_with(suffix)) {
      stem.remove_suffix(suffix.size());
      file.dialect = dialect;
    }
  }
  const auto [digits_end, error] =
      std::from_chars(stem.data(), stem.data() + stem.size(), file.version);
  const auto digits = static_cast<std::size_t>(digits_end - stem.data());
  if (error != std::errc() || file.version <= 0 || digits >= stem.size() || stem[digits] != '_') {
    throw malformed();
  }
  file.name = std::string(stem.substr(digits + 1));
  const bool valid_name =
      !file.name.empty() && std::all_of(file.name.begin(), file.name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      });
  if (!valid_name) throw malformed();
  return file;
}

std::string checksum(std::string_view sql) {
  static const bool ready = sodium_init() >= 0;  // once, thread-safely
  if (!ready) throw internal_failure("libsodium could not be initialised");
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(sql.data()), sql.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

struct Applied {
  int version = 0;
  std::string name;
  std::string checksum;
};

std::vector<Applied> read_applied(Connection& db) {
  std::vector<Applied> applied;
  for (const Row& row :
       db.query("SELECT version, name, checksum FROM schema_migrations ORDER BY version")) {
    applied.push_back({row.get<int>(0), row.get<std::string>(1), row.get<std::string>(2)});
  }
  return applied;
}

// What is recorded must match what this build knows: an edited or an unknown migration means
// the schema is not the one the code expects.
void verify(const Applied& applied, const std::map<int, const Migration*>& known) {
  const auto found = known.find(applied.version);
  if (found == known.end()) {
    throw Error(ErrorCode::internal,
                fmt::format("the database has migration {} applied, which this build does not "
                            "know: the database is newer than the binary; run a newer build",
                            label(applied.version, applied.name)));
  }
  if (applied.checksum != checksum(found->second->sql)) {
    throw Error(ErrorCode::internal,
                fmt::format("migration {} was edited after it was applied (checksum differs); add "
                            "a new migration instead",
                            label(found->second->version, found->second->name)));
  }
}

// PostgreSQL: a session-level advisory lock held for the whole run, so that instances starting
// together apply each migration once. SQLite needs none: BEGIN IMMEDIATE is its lock.
class MigrationLock {
 public:
  explicit MigrationLock(Connection& db) : db_(db) {
    // Wait as long as another instance's migration takes, not the statement timeout.
    Transaction tx(db_);
    db_.execute_script("SET LOCAL statement_timeout = 0");
    db_.query("SELECT pg_advisory_lock($1)", kMigrationLockKey);
    tx.commit();  // the session-level lock outlives the transaction
  }
  ~MigrationLock() {
    try {
      db_.query("SELECT pg_advisory_unlock($1)", kMigrationLockKey);
    } catch (const std::exception& failure) {
      // The lock ends with the session anyway, and a failed connection is reset.
      spdlog::warn("releasing the migration lock failed: {}", failure.what());
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  Connection& db_;
};

}  // namespace

std::vector<Migration> select_migrations(const std::vector<MigrationFile>& files, Dialect dialect) {
  struct Version {
    std::optional<Migration> generic;
    std::optional<Migration> own;  // for `dialect`
    std::optional<Migration> other;
  };
  std::map<int, Version> versions;
  for (const MigrationFile& file : files) {
    FileName parsed = parse_file_name(file.path);
    Version& version = versions[parsed.version];
    std::optional<Migration>& slot = !parsed.dialect              ? version.generic
                                     : *parsed.dialect == dialect ? version.own
                                                                  : version.other;
    for (const auto* present : {&version.generic, &version.own, &version.other}) {
      if (*present && ((*present)->name != parsed.name || &slot == present)) {
        throw Error(ErrorCode::internal,
                    fmt::format("migrations {} and {} share version {}",
                                label((*present)->version, (*present)->name),
                                label(parsed.version, parsed.name), parsed.version));
      }
    }
    slot = Migration{parsed.version, std::move(parsed.name), std::string(file.content)};
  }

  std::vector<Migration> selected;
  for (auto& [number, version] : versions) {
    if (version.own) {
      selected.push_back(std::move(*version.own));
    } else if (version.generic) {
      selected.push_back(std::move(*version.generic));
    } else {
      const std::string file = label(number, version.other->name);
      throw Error(ErrorCode::internal,
                  fmt::format("migration {} has no file for {}: add {}.{}.sql or {}.sql", file,
                              name(dialect), file, name(dialect), file));
    }
  }
  return selected;
}

Migrator::Migrator(Database& database, std::vector<Migration> migrations)
    : database_(database), migrations_(std::move(migrations)) {
  std::sort(migrations_.begin(), migrations_.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (std::size_t i = 0; i < migrations_.size(); ++i) {
    if (migrations_[i].version <= 0 ||
        (i > 0 && migrations_[i].version == migrations_[i - 1].version)) {
      throw Error(ErrorCode::internal,
                  fmt::format("migration {} has a duplicate or non-positive version",
                              label(migrations_[i].version, migrations_[i].name)));
    }
  }
}

std::vector<int> Migrator::migrate() {
  Lease lease = database_.acquire(Access::write);
  Connection& db = *lease;
  std::optional<MigrationLock> lock;
  if (db.dialect() == Dialect::postgres) lock.emplace(db);

  db.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
  std::map<int, const Migration*> known;
  for (const Migration& migration : migrations_) known.emplace(migration.version, &migration);
  std::set<int> done;
  for (const Applied& applied : read_applied(db)) {
    verify(applied, known);
    done.insert(applied.version);
  }

  std::vector<int> applied;
  for (const Migration& migration : migrations_) {
    if (done.contains(migration.version)) continue;
    const std::string title = label(migration.version, migration.name);
    Transaction tx(db);
    // Another process may have applied it since we looked: SQLite's lock is this transaction.
    auto recorded =
        db.query("SELECT version, name, checksum FROM schema_migrations WHERE version = $1",
                 migration.version);
    if (!recorded.empty()) {
      verify({recorded[0].get<int>(0), recorded[0].get<std::string>(1),
              recorded[0].get<std::string>(2)},
             known);
      continue;
    }
    try {
      // A migration (an index build, a backfill) may outlast a request's statement timeout.
      if (db.dialect() == Dialect::postgres) db.execute_script("SET LOCAL statement_timeout = 0");
      db.execute_script(migration.sql);
      db.query(
          "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, "
          "$4)",
          migration.version, migration.name, checksum(migration.sql),
          utc_timestamp(std::chrono::system_clock::now()));
      tx.commit();
    } catch (const Error& failure) {
      Error wrapped(failure.code(), fmt::format("migration {} failed: {}", title, failure.what()),
                    failure.field());
      if (failure.retry_after()) wrapped.with_retry_after(*failure.retry_after());
      throw wrapped;
    }
    spdlog::info("applied migration {}", title);
    applied.push_back(migration.version);
  }
  return applied;
}

int applied_schema_version(Connection& connection) {
  return connection.query("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations")[0]
      .get<int>("version");
}

MigrationStatus Migrator::status() {
  Lease lease = database_.acquire(Access::read);
  Connection& db = *lease;
  const char* exists_sql =
      db.dialect() == Dialect::sqlite
          ? "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = "
            "'schema_migrations')"
          : "SELECT to_regclass('schema_migrations') IS NOT NULL";
  std::set<int> done;
  if (db.query(exists_sql)[0].get<bool>(0)) {
    for (const Row& row : db.query("SELECT version FROM schema_migrations")) {
      done.insert(row.get<int>(0));
    }
  }
  MigrationStatus status;
  status.current_version = done.empty() ? 0 : *done.rbegin();
  status.latest_version = migrations_.empty() ? 0 : migrations_.back().version;
  for (const Migration& migration : migrations_) {
    if (!done.contains(migration.version)) status.pending.push_back(migration.version);
  }
  return status;
}

}  // namespace disha::store
