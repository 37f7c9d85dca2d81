#pragma once
// The storage layer's one interface over two drivers: SQLite (embedded, the default) and
// PostgreSQL (libpq). SQL is written once with `$1, $2, …` placeholders, which both drivers
// accept. Everything here blocks: call it from the worker pool (store/worker_pool.hpp), never
// from an I/O thread.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace disha::store {

enum class Dialect { sqlite, postgres };
std::string_view name(Dialect dialect) noexcept;  // "sqlite" or "postgres"

// A parameter or a cell. std::monostate is SQL NULL.
using Value = std::variant<std::monostate, std::int64_t, double, bool, std::string>;

class Row {
 public:
  // Rows share their result's column names, so a Row copied out of a temporary Result
  // (`auto row = db.query(…)[0];`) stays valid.
  Row(std::shared_ptr<const std::vector<std::string>> columns, std::vector<Value> cells)
      : columns_(std::move(columns)), cells_(std::move(cells)) {}

  std::size_t size() const noexcept { return cells_.size(); }
  bool is_null(std::size_t column) const;
  bool is_null(std::string_view column) const { return is_null(index_of(column)); }

  // T is std::int64_t, int, double, bool, std::string, or std::optional of one of them
  // (NULL becomes std::nullopt; NULL into a non-optional throws). Integer cells convert to
  // double and bool; PostgreSQL's text cells are converted by the column's type.
  template <class T>
  T get(std::size_t column) const;
  template <class T>
  T get(std::string_view column) const {
    return get<T>(index_of(column));
  }
  const Value& cell(std::size_t column) const;

 private:
  std::size_t index_of(std::string_view column) const;
  std::shared_ptr<const std::vector<std::string>> columns_;
  std::vector<Value> cells_;
};

class Result {
 public:
  Result() = default;
  Result(std::vector<std::string> columns, std::int64_t affected_rows)
      : columns_(std::make_shared<const std::vector<std::string>>(std::move(columns))),
        affected_rows_(affected_rows) {}

  void add_row(std::vector<Value> cells) { rows_.emplace_back(columns_, std::move(cells)); }

  const std::vector<std::string>& columns() const;
  std::size_t size() const noexcept { return rows_.size(); }
  bool empty() const noexcept { return rows_.empty(); }
  const Row& operator[](std::size_t i) const { return rows_.at(i); }
  auto begin() const noexcept { return rows_.begin(); }
  auto end() const noexcept { return rows_.end(); }
  // Rows changed by INSERT/UPDATE/DELETE.
  std::int64_t affected_rows() const noexcept { return affected_rows_; }

 private:
  std::shared_ptr<const std::vector<std::string>> columns_;
  std::vector<Row> rows_;
  std::int64_t affected_rows_ = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const noexcept = 0;

  // One statement with `$n` placeholders, prepared once per connection and cached.
  // Failures throw disha::Error: `conflict` for unique/foreign-key/check violations,
  // `unavailable` when the server is unreachable or busy past the timeout, `internal` otherwise.
  virtual Result execute(std::string_view sql, std::span<const Value> params) = 0;
  // Several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  // Cheap liveness check for the pool and /readyz.
  virtual bool alive() = 0;

  template <class... Args>
  Result query(std::string_view sql, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      return execute(sql, {});
    } else {
      const Value params[] = {to_value(std::forward<Args>(args))...};
      return execute(sql, params);
    }
  }

 private:
  template <class T>
  static Value to_value(T&& value) {
    using D = std::decay_t<T>;
    if constexpr (std::is_same_v<D, std::nullopt_t> || std::is_same_v<D, std::nullptr_t>) {
      return std::monostate{};
    } else if constexpr (std::is_same_v<D, bool>) {
      return value;
    } else if constexpr (std::is_integral_v<D>) {
      return static_cast<std::int64_t>(value);
    } else if constexpr (std::is_floating_point_v<D>) {
      return static_cast<double>(value);
    } else if constexpr (std::is_same_v<D, Value>) {
      return value;
    } else if constexpr (requires { value.has_value(); *value; }) {
      return value ? to_value(*value) : Value{std::monostate{}};
    } else {
      return std::string(std::string_view(value));
    }
  }
};

// BEGIN on construction, ROLLBACK on destruction unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();
  Connection& connection() noexcept { return connection_; }
  Connection* operator->() noexcept { return &connection_; }

 private:
  Connection& connection_;
  bool open_ = true;
};

enum class Access { read, write };

struct DatabaseOptions {
  // SQLite: reader connections beside the single writer. PostgreSQL: pool size.
  int connections = 4;
  // How long acquire() waits for a free connection before throwing `unavailable`.
  std::chrono::milliseconds acquire_timeout{5000};
  // SQLite busy_timeout; PostgreSQL statement_timeout.
  std::chrono::milliseconds statement_timeout{5000};
};

struct PoolStats {
  int size = 0;     // connections open
  int in_use = 0;   // leased out now
  int waiting = 0;  // callers blocked in acquire()
};

class Database;

// A connection borrowed from the pool; returned on destruction.
class Lease {
 public:
  Lease(Database* owner, Connection* connection, Access access) noexcept
      : owner_(owner), connection_(connection), access_(access) {}
  Lease(Lease&& other) noexcept;
  Lease& operator=(Lease&&) = delete;
  ~Lease();

  Connection& operator*() const noexcept { return *connection_; }
  Connection* operator->() const noexcept { return connection_; }

 private:
  Database* owner_;
  Connection* connection_;
  Access access_;
};

class Database {
 public:
  // "sqlite:PATH" or "postgres://…" / "postgresql://…" (any libpq connection URI).
  // Throws disha::Error(bad_request) for an unknown scheme, `unavailable` when unreachable.
  static std::unique_ptr<Database> open(std::string_view url, const DatabaseOptions& options = {});

  virtual ~Database() = default;
  virtual Dialect dialect() const noexcept = 0;

  // Blocks until a connection is free (up to acquire_timeout, then throws `unavailable`).
  // SQLite hands out its single writer for Access::write, so writes are serialised.
  virtual Lease acquire(Access access) = 0;
  virtual PoolStats stats() const = 0;

  // Runs fn(Connection&) inside a transaction on a write connection and commits.
  template <class F>
  auto transact(F&& fn) {
    Lease lease = acquire(Access::write);
    Transaction tx(*lease);
    if constexpr (std::is_void_v<decltype(fn(*lease))>) {
      fn(*lease);
      tx.commit();
    } else {
      auto result = fn(*lease);
      tx.commit();
      return result;
    }
  }

 protected:
  friend class Lease;
  virtual void release(Connection* connection, Access access) noexcept = 0;
};

}  // namespace disha::store
