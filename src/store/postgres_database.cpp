// The PostgreSQL driver: a fixed pool of libpq connections, statements prepared once per
// connection, parameters and results in text format with explicit types.
#include "store/postgres_database.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <charconv>

#include "store/failure.hpp"
#include "store/pool.hpp"
#include "store/statement_cache.hpp"

namespace disha::store {

namespace {

constexpr std::size_t kStatementCacheSize = 256;

// Type OIDs from the server's pg_type.h, which libpq does not install.
constexpr Oid kUnknown = 0;
constexpr Oid kBool = 16;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;
constexpr Oid kText = 25;
constexpr Oid kFloat4 = 700;
constexpr Oid kFloat8 = 701;
constexpr Oid kNumeric = 1700;

struct FinishConnection {
  void operator()(PGconn* connection) const noexcept { PQfinish(connection); }
};
struct ClearResult {
  void operator()(PGresult* result) const noexcept { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ClearResult>;

std::string trimmed(const char* message) {
  std::string text = message != nullptr ? message : "";
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.pop_back();
  }
  return text;
}

void log_notice(void*, const char* message) {
  spdlog::debug("PostgreSQL: {}", trimmed(message));
}

// Classifies by SQLSTATE (https://www.postgresql.org/docs/15/errcodes-appendix.html).
Error failure(PGconn* connection, const PGresult* result, std::string_view sql) {
  const std::string message =
      trimmed(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection));
  log_failure("PostgreSQL", sql, message);
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string_view code = state != nullptr ? state : "";
  // 08: connection exception, but 08P01 (protocol violation) is ours, e.g. fewer parameters
  // than the statement's placeholders; 53: insufficient resources (too many connections, disk
  // full); 57P01-57P03: the server is shutting down or starting.
  if (PQstatus(connection) != CONNECTION_OK || (code.starts_with("08") && code != "08P01") ||
      code.starts_with("53") || code == "57P01" || code == "57P02" || code == "57P03") {
    return unavailable("the database is unreachable; retry shortly");
  }
  if (code == "23505") return constraint_violation(Violation::unique);
  if (code == "23503") return constraint_violation(Violation::foreign_key);
  if (code.starts_with("23")) return constraint_violation(Violation::other);
  if (code == "57014") return unavailable("the database did not answer in time; retry shortly");
  // Serialization failure, deadlock, lock not available: a retry usually succeeds.
  if (code == "40001" || code == "40P01" || code == "55P03") {
    return unavailable("the database is busy; retry shortly");
  }
  return internal_failure(
      fmt::format("PostgreSQL error {}: {}", code.empty() ? "(no SQLSTATE)" : code, message));
}

Oid type_oid(const Value& value) {
  switch (value.index()) {
    case 0:
      return kUnknown;  // NULL: the server infers the type from where $n is used
    case 1:
      return kInt8;
    case 2:
      return kFloat8;
    case 3:
      return kBool;
    default:
      return kText;
  }
}

template <class N>
N parse_cell(const char* text, int length, std::string_view column) {
  N number{};
  const char* end = text + length;
  const auto [stop, error] = std::from_chars(text, end, number);
  if (error != std::errc() || stop != end) {
    throw internal_failure(
        fmt::format("PostgreSQL sent an unreadable number in column '{}'", column));
  }
  return number;
}

Value read_cell(const PGresult* result, int row, int column) {
  if (PQgetisnull(result, row, column) != 0) return std::monostate{};
  const char* text = PQgetvalue(result, row, column);
  const int length = PQgetlength(result, row, column);
  switch (PQftype(result, column)) {
    case kInt2:
    case kInt4:
    case kInt8:
      return parse_cell<std::int64_t>(text, length, PQfname(result, column));
    case kFloat4:
    case kFloat8:
    case kNumeric:
      return parse_cell<double>(text, length, PQfname(result, column));
    case kBool:
      return text[0] == 't';
    default:
      return std::string(text, static_cast<std::size_t>(length));
  }
}

// Only INSERT/UPDATE/DELETE/MERGE count as affected rows; libpq also counts SELECTed ones.
std::int64_t affected_rows(PGresult* result) {
  const std::string_view status = PQcmdStatus(result);
  if (!status.starts_with("INSERT") && !status.starts_with("UPDATE") &&
      !status.starts_with("DELETE") && !status.starts_with("MERGE")) {
    return 0;
  }
  const std::string_view count = PQcmdTuples(result);
  std::int64_t rows = 0;
  std::from_chars(count.data(), count.data() + count.size(), rows);
  return rows;
}

bool is_commit(std::string_view sql) {
  while (!sql.empty() &&
         (std::isspace(static_cast<unsigned char>(sql.back())) != 0 || sql.back() == ';')) {
    sql.remove_suffix(1);
  }
  while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front())) != 0) {
    sql.remove_prefix(1);
  }
  constexpr std::string_view commit = "commit";
  return sql.size() == commit.size() &&
         std::equal(sql.begin(), sql.end(), commit.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

// libpq quotes the URL, or parts of it, in some messages: mask the password wherever it shows.
std::string redacted(std::string message, std::string_view url) {
  std::vector<std::string_view> secrets;
  if (const auto start = url.find("://"); start != std::string_view::npos) {
    const std::string_view rest = url.substr(start + 3);
    const std::string_view authority = rest.substr(0, rest.find('/'));
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
      const std::string_view user_info = authority.substr(0, at);
      if (const auto colon = user_info.find(':'); colon != std::string_view::npos) {
        secrets.push_back(user_info.substr(colon + 1));
      }
    }
  }
  if (const auto key = url.find("password="); key != std::string_view::npos) {
    const std::string_view value = url.substr(key + 9);
    secrets.push_back(value.substr(0, value.find('&')));
  }
  for (const std::string_view secret : secrets) {
    if (secret.empty()) continue;
    for (auto at = message.find(secret); at != std::string::npos; at = message.find(secret, at)) {
      message.replace(at, secret.size(), "***");
    }
  }
  return message;
}

class PgConnection final : public Connection {
 public:
  PgConnection(const std::string& url, const DatabaseOptions& options, std::string where)
      : where_(std::move(where)), statement_timeout_ms_(options.statement_timeout.count()) {
    // libpq's minimum connect_timeout is 2 s; the URL's own connect_timeout, if any, wins
    // because its parameters are expanded after these defaults.
    const auto wait = std::chrono::ceil<std::chrono::seconds>(options.acquire_timeout).count();
    const std::string connect_timeout = std::to_string(std::max<long long>(2, wait));
    const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const char* values[] = {connect_timeout.c_str(), "disha", url.c_str(), nullptr};
    connection_.reset(PQconnectdbParams(keys, values, 1));
    if (!connection_) throw unavailable("cannot allocate a PostgreSQL connection");
    if (PQstatus(connection_.get()) != CONNECTION_OK) {
      throw unavailable(fmt::format("cannot connect to PostgreSQL at {}: {}", where_,
                                    redacted(trimmed(PQerrorMessage(connection_.get())), url)));
    }
    PQsetNoticeProcessor(connection_.get(), log_notice, nullptr);  // kept across PQreset
    configure();
  }

  Dialect dialect() const noexcept override { return Dialect::postgres; }

  Result execute(std::string_view sql, std::span<const Value> params) override {
    const std::string statement = prepare(sql, params);
    std::vector<std::string> numbers(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& param = params[i];
      if (const auto* text = std::get_if<std::string>(&param)) {
        if (text->find('\0') != std::string::npos) {
          throw internal_failure(fmt::format(
              "parameter ${} holds a NUL byte, which PostgreSQL text cannot store", i + 1));
        }
        values[i] = text->c_str();
      } else if (const auto* integer = std::get_if<std::int64_t>(&param)) {
        numbers[i] = fmt::format("{}", *integer);
        values[i] = numbers[i].c_str();
      } else if (const auto* real = std::get_if<double>(&param)) {
        numbers[i] = fmt::format("{}", *real);  // shortest text that reads back to the same double
        values[i] = numbers[i].c_str();
      } else if (const auto* boolean = std::get_if<bool>(&param)) {
        values[i] = *boolean ? "true" : "false";
      }
    }
    ResultPtr result(PQexecPrepared(connection_.get(), statement.c_str(),
                                    static_cast<int>(params.size()), values.data(), nullptr,
                                    nullptr, 0));
    const auto status = PQresultStatus(result.get());
    if (status == PGRES_COMMAND_OK) return Result({}, affected_rows(result.get()));
    if (status != PGRES_TUPLES_OK) throw failure(connection_.get(), result.get(), sql);

    const int columns = PQnfields(result.get());
    const int rows = PQntuples(result.get());
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column) {
      names.emplace_back(PQfname(result.get(), column));
    }
    Result out(std::move(names), affected_rows(result.get()));
    for (int row = 0; row < rows; ++row) {
      std::vector<Value> cells;
      cells.reserve(static_cast<std::size_t>(columns));
      for (int column = 0; column < columns; ++column) {
        cells.push_back(read_cell(result.get(), row, column));
      }
      out.add_row(std::move(cells));
    }
    return out;
  }

  void execute_script(std::string_view sql) override {
    const std::string text(sql);
    ResultPtr result(PQexec(connection_.get(), text.c_str()));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
      throw failure(connection_.get(), result.get(), sql);
    }
    // COMMIT of a transaction in which a statement failed "succeeds" by rolling back.
    if (is_commit(sql) && std::string_view(PQcmdStatus(result.get())) == "ROLLBACK") {
      throw internal_failure(
          "COMMIT rolled back: a statement in the transaction had failed, so nothing was saved");
    }
  }

  bool alive() override {
    if (PQstatus(connection_.get()) != CONNECTION_OK) return false;
    ResultPtr result(PQexec(connection_.get(), "SELECT 1"));
    return PQresultStatus(result.get()) == PGRES_TUPLES_OK;
  }

  // libpq notices a dropped connection (server restart, network) only when a call fails;
  // the pool calls this before lending the connection out again.
  void ensure_connected() {
    if (PQstatus(connection_.get()) == CONNECTION_OK) return;
    statements_.clear();  // prepared statements ended with the old session
    PQreset(connection_.get());
    if (PQstatus(connection_.get()) != CONNECTION_OK) {
      spdlog::warn("reconnecting to PostgreSQL at {} failed: {}", where_,
                   trimmed(PQerrorMessage(connection_.get())));
      throw unavailable("the database is unreachable; retry shortly");
    }
    configure();
    spdlog::info("reconnected to PostgreSQL at {}", where_);
  }

  // A connection must come back to the pool outside any transaction, or the next borrower
  // would run inside someone else's.
  void end_open_transaction() noexcept {
    const auto state = PQtransactionStatus(connection_.get());
    if (state != PQTRANS_INTRANS && state != PQTRANS_INERROR) return;
    spdlog::warn(
        "a PostgreSQL connection came back to the pool inside a transaction; rolling back");
    PQclear(PQexec(connection_.get(), "ROLLBACK"));
  }

 private:
  void configure() {
    execute_script(fmt::format("SET statement_timeout = {}", statement_timeout_ms_));
  }

  // Returns the prepared statement's name. Parameter types are part of the key: a statement
  // prepared for an integer $1 cannot take a double or text.
  std::string prepare(std::string_view sql, std::span<const Value> params) {
    std::string key;
    key.reserve(params.size() + 1 + sql.size());
    for (const Value& param : params) key += "nidbs"[param.index()];
    key += ':';
    key += sql;
    if (const std::string* name = statements_.find(key)) return *name;

    std::vector<Oid> types;
    types.reserve(params.size());
    for (const Value& param : params) types.push_back(type_oid(param));
    std::string name = fmt::format("disha_{}", ++prepared_);
    const std::string text(sql);
    ResultPtr result(PQprepare(connection_.get(), name.c_str(), text.c_str(),
                               static_cast<int>(params.size()), types.data()));
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
      throw failure(connection_.get(), result.get(), sql);
    }
    if (auto evicted = statements_.insert(std::move(key), name)) {
      // Best effort: a statement that fails to go stays until the session ends.
      PQclear(PQexec(connection_.get(), fmt::format("DEALLOCATE {}", *evicted).c_str()));
    }
    return name;
  }

  std::string where_;  // host:port/database, for logs (never the password)
  std::int64_t statement_timeout_ms_;
  std::unique_ptr<PGconn, FinishConnection> connection_;
  StatementCache<std::string> statements_{kStatementCacheSize};
  std::uint64_t prepared_ = 0;
};

class PgDatabase final : public Database {
 public:
  PgDatabase(const std::string& url, const DatabaseOptions& options, const std::string& where)
      : pool_(options.acquire_timeout) {
    // All connections at start: an unreachable server fails here, not at the first request.
    for (int i = 0; i < options.connections; ++i) {
      pool_.add(std::make_unique<PgConnection>(url, options, where));
    }
  }

  Dialect dialect() const noexcept override { return Dialect::postgres; }

  Lease acquire(Access access) override {
    PgConnection* connection = pool_.take();
    try {
      connection->ensure_connected();
    } catch (...) {
      pool_.give_back(connection);
      throw;
    }
    return Lease(this, connection, access);
  }

  PoolStats stats() const override { return pool_.stats(); }

 protected:
  void release(Connection* connection, Access) noexcept override {
    auto* pg = static_cast<PgConnection*>(connection);
    pg->end_open_transaction();
    pool_.give_back(pg);
  }

 private:
  ConnectionPool<PgConnection> pool_;
};

// "host:port/database" from the URL, for messages that must not show the password.
std::string describe(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    const std::string message = error != nullptr ? trimmed(error) : "out of memory";
    PQfreemem(error);
    throw Error(ErrorCode::bad_request,
                fmt::format("invalid PostgreSQL URL: {}", redacted(message, url)), "db");
  }
  std::string host = "localhost";
  std::string port = "5432";
  std::string database;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr || *option->val == '\0') continue;
    const std::string_view keyword = option->keyword;
    if (keyword == "host") host = option->val;
    if (keyword == "port") port = option->val;
    if (keyword == "dbname") database = option->val;
  }
  PQconninfoFree(options);
  return fmt::format("{}:{}/{}", host, port, database);
}

}  // namespace

std::unique_ptr<Database> open_postgres(std::string_view url, const DatabaseOptions& options) {
  const std::string text(url);
  return std::make_unique<PgDatabase>(text, options, describe(text));
}

}  // namespace disha::store
