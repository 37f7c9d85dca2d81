#include "store/database.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>

#include "store/postgres_database.hpp"
#include "store/sqlite_database.hpp"

namespace disha::store {

std::string_view name(Dialect dialect) noexcept {
  return dialect == Dialect::sqlite ? "sqlite" : "postgres";
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  // IMMEDIATE takes SQLite's write lock now rather than at the first write, so two writers
  // never both read and then fail to upgrade (SQLITE_BUSY mid-transaction).
  connection_.execute_script(connection_.dialect() == Dialect::sqlite ? "BEGIN IMMEDIATE"
                                                                      : "BEGIN");
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    connection_.execute_script("ROLLBACK");
  } catch (const std::exception& failure) {
    // The pool rolls back (or reconnects) a connection returned mid-transaction.
    spdlog::debug("ROLLBACK failed: {}", failure.what());
  }
}

void Transaction::commit() {
  if (!open_) throw Error(ErrorCode::internal, "the transaction was already committed");
  connection_.execute_script("COMMIT");
  open_ = false;
}

Lease::Lease(Lease&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)),
      connection_(std::exchange(other.connection_, nullptr)),
      access_(other.access_) {}

Lease::~Lease() {
  if (owner_ != nullptr) owner_->release(connection_, access_);
}

std::unique_ptr<Database> Database::open(std::string_view url, const DatabaseOptions& options) {
  if (options.connections < 1) {
    throw Error(ErrorCode::bad_request, "the database needs at least one connection",
                "db_connections");
  }
  if (url.starts_with("sqlite:")) return open_sqlite(url.substr(7), options);
  if (url.starts_with("postgres://") || url.starts_with("postgresql://")) {
    return open_postgres(url, options);
  }
  // Only the scheme is echoed: the rest of a URL may hold a password.
  const auto colon = url.find(':');
  if (colon == std::string_view::npos) {
    throw Error(ErrorCode::bad_request,
                "the database URL has no scheme; use sqlite:PATH or postgres://…", "db");
  }
  throw Error(ErrorCode::bad_request,
              fmt::format("unsupported database URL scheme \"{}\"; use sqlite:PATH or postgres://…",
                          url.substr(0, std::min<std::size_t>(colon, 32))),
              "db");
}

}  // namespace disha::store
