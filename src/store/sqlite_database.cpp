// The SQLite driver: one writer connection (SQLite allows one writer at a time; the pool
// serialises writes in-process, busy_timeout across processes) and read-only readers, which
// WAL lets run beside the writer.
#include "store/sqlite_database.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <climits>

#include "store/failure.hpp"
#include "store/pool.hpp"
#include "store/statement_cache.hpp"

namespace disha::store {

namespace {

constexpr std::size_t kStatementCacheSize = 256;

struct CloseDatabase {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// `code` is an extended result code (extended codes are switched on for every connection).
Error failure(int code, std::string_view message, std::string_view sql) {
  log_failure("SQLite", sql, message);
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
      if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return constraint_violation(Violation::unique);
      }
      if (code == SQLITE_CONSTRAINT_FOREIGNKEY) return constraint_violation(Violation::foreign_key);
      // CHECK, NOT NULL, and triggers that RAISE(ABORT) to enforce rules such as "no overlap".
      return constraint_violation(Violation::other);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return unavailable("the database is busy; retry shortly");
    default:
      return internal_failure(
          fmt::format("SQLite error {} ({}): {}", code, sqlite3_errstr(code), message));
  }
}

struct Binder {
  sqlite3_stmt* statement;
  int slot;
  int operator()(std::monostate) const { return sqlite3_bind_null(statement, slot); }
  int operator()(std::int64_t value) const { return sqlite3_bind_int64(statement, slot, value); }
  int operator()(double value) const { return sqlite3_bind_double(statement, slot, value); }
  int operator()(bool value) const { return sqlite3_bind_int(statement, slot, value ? 1 : 0); }
  int operator()(const std::string& value) const {
    // STATIC: the bindings are cleared before the caller's parameters go away.
    return sqlite3_bind_text64(statement, slot, value.data(), value.size(), SQLITE_STATIC,
                               SQLITE_UTF8);
  }
};

Value read_cell(sqlite3_stmt* statement, int column) {
  switch (sqlite3_column_type(statement, column)) {
    case SQLITE_NULL:
      return std::monostate{};
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
    case SQLITE_FLOAT:
      return sqlite3_column_double(statement, column);
    case SQLITE_BLOB: {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
      return size == 0 ? std::string() : std::string(bytes, size);
    }
    default: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
      return size == 0 ? std::string() : std::string(text, size);
    }
  }
}

enum class Role { writer, reader };

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, Role role, std::chrono::milliseconds busy_timeout) {
    const int flags =
        (role == Role::writer ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY) |
        SQLITE_OPEN_NOMUTEX;  // the pool lends a connection to one thread at a time
    sqlite3* db = nullptr;
    const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    db_.reset(db);
    if (code != SQLITE_OK) {
      throw unavailable(fmt::format("cannot open SQLite database {}: {}", path,
                                    db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, static_cast<int>(std::min<std::chrono::milliseconds::rep>(
                                 busy_timeout.count(), INT_MAX)));
    execute_script("PRAGMA foreign_keys = ON");
    if (role == Role::writer) {
      // WAL lets readers run beside the writer; FULL syncs the WAL at every commit, so an
      // acknowledged write survives kill -9 and power loss.
      auto mode = execute("PRAGMA journal_mode = WAL", {});
      if (mode.empty() || mode[0].get<std::string>(0) != "wal") {
        throw internal_failure(fmt::format("SQLite database {} cannot use WAL journaling", path));
      }
      execute_script("PRAGMA synchronous = FULL");
    }
  }

  Dialect dialect() const noexcept override { return Dialect::sqlite; }

  Result execute(std::string_view sql, std::span<const Value> params) override {
    sqlite3_stmt* statement = prepare(sql);
    // Reset even on failure: a statement left mid-way keeps its read snapshot, so the
    // connection would read stale data and the WAL could not be checkpointed.
    struct Reset {
      sqlite3_stmt* statement;
      ~Reset() {
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
      }
    } reset{statement};
    bind(statement, params, sql);

    sqlite3* db = db_.get();
    const auto changes_before = sqlite3_total_changes64(db);
    const int columns = sqlite3_column_count(statement);
    std::vector<std::vector<Value>> rows;
    for (;;) {
      const int code = sqlite3_step(statement);
      if (code == SQLITE_DONE) break;
      if (code != SQLITE_ROW) throw failure(code, sqlite3_errmsg(db), sql);
      std::vector<Value> cells;
      cells.reserve(static_cast<std::size_t>(columns));
      for (int column = 0; column < columns; ++column) {
        cells.push_back(read_cell(statement, column));
      }
      rows.push_back(std::move(cells));
    }
    // changes() keeps the count of the last INSERT/UPDATE/DELETE, whichever statement ran it:
    // it is this statement's only when the running total moved.
    const std::int64_t affected =
        sqlite3_total_changes64(db) != changes_before ? sqlite3_changes64(db) : 0;

    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column) {
      names.emplace_back(sqlite3_column_name(statement, column));
    }
    Result result(std::move(names), affected);
    for (auto& cells : rows) result.add_row(std::move(cells));
    return result;
  }

  void execute_script(std::string_view sql) override {
    const std::string text(sql);
    char* message = nullptr;
    const int code = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
    if (code == SQLITE_OK) return;
    const std::string detail = message != nullptr ? message : sqlite3_errmsg(db_.get());
    sqlite3_free(message);
    throw failure(code, detail, sql);
  }

  bool alive() override {
    return sqlite3_exec(db_.get(), "SELECT 1", nullptr, nullptr, nullptr) == SQLITE_OK;
  }

  // A connection must come back to the pool outside any transaction, or the next borrower
  // would run inside (and hold the write lock of) someone else's.
  void end_open_transaction() noexcept {
    if (sqlite3_get_autocommit(db_.get()) != 0) return;
    spdlog::warn("a SQLite connection came back to the pool inside a transaction; rolling back");
    sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }

 private:
  sqlite3_stmt* prepare(std::string_view sql) {
    if (StatementPtr* cached = statements_.find(sql)) return cached->get();
    if (sql.size() > static_cast<std::size_t>(INT_MAX)) {
      throw internal_failure("the SQL statement is too long");
    }
    sqlite3* db = db_.get();
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int code = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &raw, &tail);
    StatementPtr statement(raw);
    if (code != SQLITE_OK) throw failure(code, sqlite3_errmsg(db), sql);
    if (!statement) throw internal_failure("execute() was given no SQL statement");
    if (has_statement(tail, sql.data() + sql.size())) {
      throw internal_failure(
          fmt::format("execute() runs one statement; use execute_script() for several: {}", sql));
    }
    statements_.insert(std::string(sql), std::move(statement));  // an evicted one is finalized
    return raw;
  }

  // Whether text after the first statement holds another (not only spaces and comments).
  bool has_statement(const char* begin, const char* end) {
    if (begin == nullptr || begin >= end) return false;
    sqlite3_stmt* next = nullptr;
    const int code =
        sqlite3_prepare_v2(db_.get(), begin, static_cast<int>(end - begin), &next, nullptr);
    sqlite3_finalize(next);
    return code != SQLITE_OK || next != nullptr;
  }

  // SQL names its parameters $1, $2, …; SQLite gives each distinct name one slot, so the
  // numbers may come in any order and repeat.
  void bind(sqlite3_stmt* statement, std::span<const Value> params, std::string_view sql) {
    const int slots = sqlite3_bind_parameter_count(statement);
    std::size_t highest = 0;
    for (int slot = 1; slot <= slots; ++slot) {
      const char* raw_name = sqlite3_bind_parameter_name(statement, slot);
      const std::string_view name = raw_name != nullptr ? raw_name : "?";
      std::size_t number = 0;
      const char* digits_end = name.data() + name.size();
      const auto [stop, error] =
          name.size() > 1 && name[0] == '$'
              ? std::from_chars(name.data() + 1, digits_end, number)
              : std::from_chars_result{name.data(), std::errc::invalid_argument};
      if (error != std::errc() || stop != digits_end || number == 0) {
        throw internal_failure(
            fmt::format("placeholder {} is not one of $1, $2, …, in: {}", name, sql));
      }
      if (number > params.size()) {
        throw internal_failure(fmt::format("placeholder ${} has no parameter ({} given), in: {}",
                                           number, params.size(), sql));
      }
      highest = std::max(highest, number);
      const int code = std::visit(Binder{statement, slot}, params[number - 1]);
      if (code != SQLITE_OK) throw failure(code, sqlite3_errmsg(db_.get()), sql);
    }
    if (highest != params.size()) {
      throw internal_failure(
          fmt::format("{} parameters given but the highest placeholder is ${}, in: {}",
                      params.size(), highest, sql));
    }
  }

  std::unique_ptr<sqlite3, CloseDatabase> db_;
  // Declared after db_ so that statements are finalized before the handle closes.
  StatementCache<StatementPtr> statements_{kStatementCacheSize};
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(const std::string& path, const DatabaseOptions& options)
      : writer_(options.acquire_timeout), readers_(options.acquire_timeout) {
    // The writer first: it creates the file and switches it to WAL, which readers cannot.
    writer_.add(std::make_unique<SqliteConnection>(path, Role::writer, options.statement_timeout));
    for (int i = 0; i < options.connections; ++i) {
      readers_.add(
          std::make_unique<SqliteConnection>(path, Role::reader, options.statement_timeout));
    }
  }

  Dialect dialect() const noexcept override { return Dialect::sqlite; }

  Lease acquire(Access access) override { return Lease(this, pool(access).take(), access); }

  PoolStats stats() const override {
    const PoolStats writer = writer_.stats();
    const PoolStats readers = readers_.stats();
    return {writer.size + readers.size, writer.in_use + readers.in_use,
            writer.waiting + readers.waiting};
  }

 protected:
  void release(Connection* connection, Access access) noexcept override {
    auto* sqlite = static_cast<SqliteConnection*>(connection);
    sqlite->end_open_transaction();
    pool(access).give_back(sqlite);
  }

 private:
  ConnectionPool<SqliteConnection>& pool(Access access) {
    return access == Access::write ? writer_ : readers_;
  }

  // Readers are declared last so they close first: the writer, closing last, checkpoints the
  // WAL into the database file and removes it.
  ConnectionPool<SqliteConnection> writer_;
  ConnectionPool<SqliteConnection> readers_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(std::string_view path, const DatabaseOptions& options) {
  if (path.empty()) throw Error(ErrorCode::bad_request, "use sqlite:PATH with a file path", "db");
  if (path == ":memory:") {
    // Each pooled connection would get its own, separate in-memory database.
    throw Error(ErrorCode::bad_request, "an in-memory SQLite database cannot be pooled; use a file",
                "db");
  }
  return std::make_unique<SqliteDatabase>(std::string(path), options);
}

}  // namespace disha::store
