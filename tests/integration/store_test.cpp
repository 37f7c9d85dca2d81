// The storage layer against the backend under test (DISHA_TEST_BACKEND): types, placeholders,
// statement reuse, transactions, error mapping, the pool, and concurrency.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <thread>

#include "store/database.hpp"
#include "test_backend.hpp"

namespace disha::store {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kUtf8 = "नमस्ते दिशा — ✓ 😀 \"quoted\" 'single'";

template <class F>
Error expect_error(F fn, ErrorCode code) {
  try {
    fn();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), code) << error.what();
    return error;
  }
  ADD_FAILURE() << "expected a disha::Error";
  return Error(ErrorCode::internal, "none thrown");
}

class Store : public ::testing::Test {
 protected:
  void SetUp() override { open(); }

  void open(DatabaseOptions options = {}) {
    url_ = test::fresh_database_url();
    db_ = Database::open(url_, options);
  }

  // Runs SQL on the write connection, outside any explicit transaction.
  Result write(std::string_view sql, std::span<const Value> params = {}) {
    Lease lease = db_->acquire(Access::write);
    return lease->execute(sql, params);
  }
  std::int64_t count(std::string_view table) {
    Lease lease = db_->acquire(Access::read);
    return lease->query(fmt::format("SELECT COUNT(*) AS n FROM {}", table))[0].get<std::int64_t>(
        "n");
  }

  std::string url_;
  std::unique_ptr<Database> db_;
};

TEST_F(Store, OpensTheBackendUnderTestWithTheConfiguredPool) {
  EXPECT_EQ(db_->dialect(), test::backend());
  const PoolStats stats = db_->stats();
  // SQLite: the writer beside the readers.
  EXPECT_EQ(stats.size, test::backend() == Dialect::sqlite ? 5 : 4);
  EXPECT_EQ(stats.in_use, 0);
  EXPECT_EQ(stats.waiting, 0);
  Lease lease = db_->acquire(Access::read);
  EXPECT_TRUE(lease->alive());
  EXPECT_EQ(db_->stats().in_use, 1);
}

TEST_F(Store, RoundTripsEveryTypeIncludingNullAndUtf8) {
  write(
      "CREATE TABLE items (id BIGINT PRIMARY KEY, i BIGINT, d DOUBLE PRECISION, b BOOLEAN, s "
      "TEXT)");
  Lease db = db_->acquire(Access::write);
  const auto max = std::numeric_limits<std::int64_t>::max();
  const auto min = std::numeric_limits<std::int64_t>::min();
  const char* insert = "INSERT INTO items (id, i, d, b, s) VALUES ($1, $2, $3, $4, $5)";
  EXPECT_EQ(db->query(insert, 1, max, 0.1, true, kUtf8).affected_rows(), 1);
  EXPECT_EQ(db->query(insert, 2, min, -1.5e300, false, "").affected_rows(), 1);
  EXPECT_EQ(
      db->query(insert, 3, nullptr, std::nullopt, std::optional<bool>(), nullptr).affected_rows(),
      1);
  EXPECT_EQ(db->query(insert, 4, 0, 3.0, true, std::string(1000, 'x')).affected_rows(), 1);

  auto rows = db->query("SELECT id, i, d, b, s FROM items ORDER BY id");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows.affected_rows(), 0);
  EXPECT_EQ(rows.columns(), (std::vector<std::string>{"id", "i", "d", "b", "s"}));

  EXPECT_EQ(rows[0].get<std::int64_t>("i"), max);
  EXPECT_EQ(rows[0].get<double>("d"), 0.1);  // exact: no precision lost on the way
  EXPECT_TRUE(rows[0].get<bool>("b"));
  EXPECT_EQ(rows[0].get<std::string>("s"), kUtf8);
  EXPECT_TRUE(std::holds_alternative<std::int64_t>(rows[0].cell(1)));
  EXPECT_TRUE(std::holds_alternative<double>(rows[0].cell(2)));
  EXPECT_TRUE(std::holds_alternative<std::string>(rows[0].cell(4)));

  EXPECT_EQ(rows[1].get<std::int64_t>("i"), min);
  EXPECT_EQ(rows[1].get<double>("d"), -1.5e300);
  EXPECT_FALSE(rows[1].get<bool>("b"));
  EXPECT_EQ(rows[1].get<std::optional<std::string>>("s"), "");

  for (const char* column : {"i", "d", "b", "s"}) {
    SCOPED_TRACE(column);
    EXPECT_TRUE(rows[2].is_null(column));
  }
  EXPECT_EQ(rows[2].get<std::optional<std::int64_t>>("i"), std::nullopt);
  EXPECT_EQ(rows[2].get<std::optional<double>>("d"), std::nullopt);
  EXPECT_EQ(rows[2].get<std::optional<bool>>("b"), std::nullopt);
  EXPECT_EQ(rows[2].get<std::optional<std::string>>("s"), std::nullopt);
  EXPECT_EQ(expect_error([&] { rows[2].get<std::string>("s"); }, ErrorCode::internal).code(),
            ErrorCode::internal);

  EXPECT_EQ(rows[3].get<double>("d"), 3.0);
  EXPECT_EQ(rows[3].get<std::string>("s").size(), 1000u);

  EXPECT_EQ(db->query("UPDATE items SET i = i WHERE id >= $1", 2).affected_rows(), 3);
  EXPECT_EQ(db->query("DELETE FROM items WHERE id = $1", 99).affected_rows(), 0);
  EXPECT_EQ(db->query("DELETE FROM items WHERE id = $1", 4).affected_rows(), 1);
}

TEST_F(Store, ReadsComputedValuesWithTheirTypes) {
  Lease db = db_->acquire(Access::read);
  auto row = db->query("SELECT 1 + 1 AS two, 0.5 * 3 AS real, 'text' AS word, NULL AS missing")[0];
  EXPECT_EQ(row.get<int>("two"), 2);
  EXPECT_DOUBLE_EQ(row.get<double>("real"), 1.5);
  EXPECT_EQ(row.get<std::string>("word"), "text");
  EXPECT_TRUE(row.is_null("missing"));
  EXPECT_EQ(expect_error([&] { row.get<int>("word"); }, ErrorCode::internal).code(),
            ErrorCode::internal);
  EXPECT_EQ(expect_error([&] { row.get<int>("missing"); }, ErrorCode::internal).code(),
            ErrorCode::internal);
  EXPECT_EQ(expect_error([&] { row.get<int>("absent"); }, ErrorCode::internal).code(),
            ErrorCode::internal);
}

TEST_F(Store, PlaceholdersMayComeOutOfOrderAndRepeat) {
  write("CREATE TABLE pairs (a TEXT NOT NULL, b TEXT NOT NULL, n BIGINT NOT NULL)");
  Lease db = db_->acquire(Access::write);
  db->query("INSERT INTO pairs (a, b, n) VALUES ($2, $1, $3)", "first", "second", 7);
  auto row = db->query("SELECT a, b, n FROM pairs")[0];
  EXPECT_EQ(row.get<std::string>("a"), "second");
  EXPECT_EQ(row.get<std::string>("b"), "first");
  EXPECT_EQ(row.get<int>("n"), 7);

  const char* either = "SELECT COUNT(*) AS c FROM pairs WHERE (a = $1 OR b = $1) AND n = $2";
  EXPECT_EQ(db->query(either, "first", 7)[0].get<int>("c"), 1);
  EXPECT_EQ(db->query(either, "second", 7)[0].get<int>("c"), 1);
  EXPECT_EQ(db->query(either, "third", 7)[0].get<int>("c"), 0);
  EXPECT_EQ(
      db->query("SELECT COUNT(*) AS c FROM pairs WHERE n = $2 AND a = $1", "second", 7)[0].get<int>(
          "c"),
      1);
  // Ten and more: $1 must not be mistaken for the start of $10.
  auto many = db->query(
      "SELECT $10 AS ten, $1 AS one, $11 AS eleven FROM pairs WHERE n IN ($2, $3, $4, $5, $6, $7, "
      "$8, $9)",
      "one", 1, 2, 3, 4, 5, 6, 7, 8, "ten", "eleven");
  ASSERT_EQ(many.size(), 1u);
  EXPECT_EQ(many[0].get<std::string>("ten"), "ten");
  EXPECT_EQ(many[0].get<std::string>("one"), "one");
  EXPECT_EQ(many[0].get<std::string>("eleven"), "eleven");
}

TEST_F(Store, AMissingParameterIsAnInternalError) {
  write("CREATE TABLE pairs (a TEXT, b TEXT)");
  Lease db = db_->acquire(Access::write);
  expect_error([&] { db->query("SELECT a FROM pairs WHERE a = $1 AND b = $2", "x"); },
               ErrorCode::internal);
  if (test::backend() == Dialect::sqlite) {
    // PostgreSQL accepts unused typed parameters; SQLite runs catch the mistake.
    expect_error([&] { db->query("SELECT a FROM pairs WHERE a = $1", "x", "y"); },
                 ErrorCode::internal);
  }
  // The connection is still usable afterwards.
  EXPECT_EQ(db->query("SELECT COUNT(*) AS c FROM pairs")[0].get<int>("c"), 0);
}

TEST_F(Store, RefusesSeveralStatementsInOneExecute) {
  Lease db = db_->acquire(Access::write);
  expect_error([&] { db->query("CREATE TABLE x (a INTEGER); CREATE TABLE y (a INTEGER)"); },
               ErrorCode::internal);
  db->execute_script("CREATE TABLE x (a INTEGER); CREATE TABLE y (a INTEGER);");
  EXPECT_EQ(db->query("SELECT COUNT(*) AS c FROM y")[0].get<int>("c"), 0);
}

TEST_F(Store, ReusesOnePreparedStatementPerConnection) {
  write("CREATE TABLE kv (k TEXT PRIMARY KEY, v BIGINT)");
  Lease db = db_->acquire(Access::write);
  const std::string insert = "INSERT INTO kv (k, v) VALUES ($1, $2)";
  for (int i = 0; i < 5; ++i) db->query(insert, fmt::format("k{}", i), i);
  const char* prepared =
      test::backend() == Dialect::sqlite
          ? "SELECT COUNT(*) AS c FROM sqlite_stmt WHERE sql = $1"
          : "SELECT COUNT(*) AS c FROM pg_prepared_statements WHERE statement = $1";
  EXPECT_EQ(db->query(prepared, insert)[0].get<int>("c"), 1);

  // After a failure the cached statement is reset and works again, without stale bindings.
  expect_error([&] { db->query(insert, "k0", 99); }, ErrorCode::conflict);
  db->query(insert, "k5", nullptr);
  auto rows = db->query("SELECT k, v FROM kv ORDER BY k");
  ASSERT_EQ(rows.size(), 6u);
  EXPECT_EQ(rows[0].get<int>("v"), 0);
  EXPECT_EQ(rows[4].get<int>("v"), 4);
  EXPECT_TRUE(rows[5].is_null("v"));
  // PostgreSQL prepares per parameter types: NULL in $2 lets the server infer the type.
  EXPECT_EQ(db->query(prepared, insert)[0].get<int>("c"),
            test::backend() == Dialect::sqlite ? 1 : 2);
}

TEST_F(Store, TransactionsCommit) {
  write("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL)");
  const auto id = db_->transact([](Connection& db) {
    db.query("INSERT INTO notes (id, body) VALUES ($1, $2)", 1, "kept");
    return std::int64_t{1};
  });
  EXPECT_EQ(id, 1);
  {
    Lease lease = db_->acquire(Access::write);
    Transaction tx(*lease);
    tx->query("INSERT INTO notes (id, body) VALUES ($1, $2)", 2, "also kept");
    tx.commit();
  }
  EXPECT_EQ(count("notes"), 2);
}

TEST_F(Store, TransactionsRollBackWhenAnExceptionEscapes) {
  write("CREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT NOT NULL)");
  EXPECT_THROW(db_->transact([](Connection& db) {
    db.query("INSERT INTO notes (id, body) VALUES ($1, $2)", 1, "lost");
    throw std::runtime_error("the handler failed");
  }),
               std::runtime_error);
  {
    Lease lease = db_->acquire(Access::write);
    Transaction tx(*lease);
    tx->query("INSERT INTO notes (id, body) VALUES ($1, $2)", 2, "never committed");
  }
  EXPECT_EQ(count("notes"), 0);
  // The write connection is free and out of any transaction: the next one commits normally.
  db_->transact([](Connection& db) { db.query("INSERT INTO notes (id, body) VALUES (3, 'ok')"); });
  EXPECT_EQ(count("notes"), 1);
}

TEST_F(Store, AConnectionReturnedInsideATransactionIsRolledBack) {
  write("CREATE TABLE notes (id BIGINT PRIMARY KEY)");
  {
    Lease lease = db_->acquire(Access::write);
    lease->execute_script("BEGIN");
    lease->query("INSERT INTO notes (id) VALUES (1)");
  }
  EXPECT_EQ(count("notes"), 0);
  EXPECT_NO_THROW(
      db_->transact([](Connection& db) { db.query("INSERT INTO notes (id) VALUES (2)"); }));
  EXPECT_EQ(count("notes"), 1);
}

TEST_F(Store, CommitAfterAFailedStatementFollowsTheDialect) {
  write("CREATE TABLE notes (id BIGINT PRIMARY KEY)");
  Lease lease = db_->acquire(Access::write);
  Transaction tx(*lease);
  tx->query("INSERT INTO notes (id) VALUES (1)");
  expect_error([&] { tx->query("INSERT INTO notes (id) VALUES (1)"); }, ErrorCode::conflict);
  if (test::backend() == Dialect::postgres) {
    // The failure aborted the whole transaction: COMMIT must not look like it saved anything.
    expect_error([&] { tx.commit(); }, ErrorCode::internal);
    EXPECT_EQ(lease->query("SELECT COUNT(*) AS c FROM notes")[0].get<int>("c"), 0);
  } else {
    // SQLite undoes only the failed statement.
    tx.commit();
    EXPECT_EQ(lease->query("SELECT COUNT(*) AS c FROM notes")[0].get<int>("c"), 1);
  }
}

TEST_F(Store, ConstraintViolationsAreConflictsWithoutSql) {
  write("CREATE TABLE parents (id BIGINT PRIMARY KEY, email TEXT NOT NULL UNIQUE)");
  write(
      "CREATE TABLE children (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES "
      "parents (id), age BIGINT CHECK (age >= 0))");
  Lease db = db_->acquire(Access::write);
  db->query("INSERT INTO parents (id, email) VALUES ($1, $2)", 1, "a@example.com");

  auto unique = expect_error(
      [&] { db->query("INSERT INTO parents (id, email) VALUES ($1, $2)", 2, "a@example.com"); },
      ErrorCode::conflict);
  EXPECT_STREQ(unique.what(), "a record with the same key already exists");
  auto primary = expect_error(
      [&] { db->query("INSERT INTO parents (id, email) VALUES ($1, $2)", 1, "b@example.com"); },
      ErrorCode::conflict);
  EXPECT_STREQ(primary.what(), "a record with the same key already exists");
  auto foreign = expect_error(
      [&] { db->query("INSERT INTO children (id, parent_id, age) VALUES (1, $1, 3)", 42); },
      ErrorCode::conflict);
  auto check = expect_error(
      [&] { db->query("INSERT INTO children (id, parent_id, age) VALUES (1, 1, $1)", -1); },
      ErrorCode::conflict);
  auto not_null = expect_error(
      [&] { db->query("INSERT INTO parents (id, email) VALUES ($1, $2)", 3, nullptr); },
      ErrorCode::conflict);
  for (const Error& error : {unique, primary, foreign, check, not_null}) {
    const std::string_view message = error.what();
    EXPECT_EQ(message.find("INSERT"), std::string_view::npos) << message;
    EXPECT_EQ(message.find("parents"), std::string_view::npos) << message;
    EXPECT_EQ(message.find("example.com"), std::string_view::npos) << message;
  }
  EXPECT_EQ(db->query("SELECT COUNT(*) AS c FROM children")[0].get<int>("c"), 0);
}

TEST_F(Store, OtherFailuresAreInternalAndCarryTheDriversMessage) {
  Lease db = db_->acquire(Access::read);
  auto error = expect_error([&] { db->query("SELECT * FROM no_such_table"); }, ErrorCode::internal);
  EXPECT_NE(std::string_view(error.what()).find("no_such_table"), std::string_view::npos)
      << error.what();
}

TEST_F(Store, AcquireTimesOutWhenEveryConnectionIsLeased) {
  DatabaseOptions options;
  options.connections = 1;
  options.acquire_timeout = 150ms;
  open(options);
  // SQLite: the writer and the one reader; PostgreSQL: the one pooled connection.
  const bool sqlite = test::backend() == Dialect::sqlite;
  std::vector<Lease> held;
  held.push_back(db_->acquire(Access::write));
  if (sqlite) held.push_back(db_->acquire(Access::read));
  EXPECT_EQ(db_->stats().in_use, sqlite ? 2 : 1);
  for (Access access : {Access::write, Access::read}) {
    const auto start = std::chrono::steady_clock::now();
    auto error = expect_error([&] { db_->acquire(access); }, ErrorCode::unavailable);
    const auto waited = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(error.retry_after(), std::chrono::seconds(1));
    EXPECT_GE(waited, 150ms);
    EXPECT_LT(waited, 3s);
  }
  // A waiter shows in the stats and gets the connection as soon as it comes back.
  std::atomic<bool> acquired{false};
  std::thread waiter([&] {
    Lease lease = db_->acquire(Access::read);
    acquired = true;
  });
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (db_->stats().waiting == 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(1ms);
  }
  EXPECT_EQ(db_->stats().waiting, 1);
  EXPECT_FALSE(acquired.load());
  held.pop_back();
  waiter.join();
  EXPECT_TRUE(acquired.load());
  EXPECT_EQ(db_->stats().waiting, 0);
}

TEST_F(Store, ConcurrentWritersLoseNoUpdates) {
  write("CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)");
  write("CREATE TABLE events (id BIGINT PRIMARY KEY, thread BIGINT NOT NULL)");
  write("INSERT INTO counter (id, n) VALUES (1, 0)");
  constexpr int kThreads = 4;
  constexpr int kEach = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        try {
          db_->transact([&](Connection& db) {
            db.query("UPDATE counter SET n = n + 1 WHERE id = 1");
            db.query("INSERT INTO events (id, thread) VALUES ($1, $2)", t * kEach + i, t);
          });
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  Lease db = db_->acquire(Access::read);
  EXPECT_EQ(db->query("SELECT n FROM counter WHERE id = 1")[0].get<int>("n"), kThreads * kEach);
  EXPECT_EQ(db->query("SELECT COUNT(*) AS c FROM events")[0].get<int>("c"), kThreads * kEach);
}

TEST_F(Store, ReadersSeeCommittedWritesOnly) {
  write("CREATE TABLE notes (id BIGINT PRIMARY KEY)");
  Lease writer = db_->acquire(Access::write);
  Lease reader = db_->acquire(Access::read);
  const char* count_sql = "SELECT COUNT(*) AS c FROM notes";
  EXPECT_EQ(reader->query(count_sql)[0].get<int>("c"), 0);
  {
    Transaction tx(*writer);
    tx->query("INSERT INTO notes (id) VALUES (1)");
    EXPECT_EQ(reader->query(count_sql)[0].get<int>("c"), 0);
    tx.commit();
  }
  EXPECT_EQ(reader->query(count_sql)[0].get<int>("c"), 1);
  writer->query("INSERT INTO notes (id) VALUES (2)");
  EXPECT_EQ(reader->query(count_sql)[0].get<int>("c"), 2);
}

TEST_F(Store, SqliteReadersCannotWrite) {
  if (test::backend() != Dialect::sqlite) GTEST_SKIP() << "SQLite's readers are read-only";
  Lease reader = db_->acquire(Access::read);
  expect_error([&] { reader->query("CREATE TABLE nope (a INTEGER)"); }, ErrorCode::internal);
}

TEST_F(Store, BusyPastTheTimeoutIsUnavailable) {
  DatabaseOptions options;
  options.statement_timeout = 100ms;
  open(options);
  if (test::backend() == Dialect::sqlite) {
    // Another process holding the write lock.
    auto other = Database::open(url_, options);
    Lease holder = other->acquire(Access::write);
    Transaction hold(*holder);
    const auto start = std::chrono::steady_clock::now();
    auto error = expect_error([&] { db_->transact([](Connection&) {}); }, ErrorCode::unavailable);
    EXPECT_GE(std::chrono::steady_clock::now() - start, 100ms);
    EXPECT_EQ(error.retry_after(), std::chrono::seconds(1));
  } else {
    Lease db = db_->acquire(Access::read);
    auto error = expect_error([&] { db->query("SELECT pg_sleep(2)"); }, ErrorCode::unavailable);
    EXPECT_EQ(error.retry_after(), std::chrono::seconds(1));
    EXPECT_EQ(db->query("SELECT 1 AS one")[0].get<int>("one"), 1);
  }
}

TEST_F(Store, PostgresReconnectsAfterTheServerDropsTheConnection) {
  if (test::backend() != Dialect::postgres) GTEST_SKIP() << "PostgreSQL only";
  DatabaseOptions options;
  options.connections = 1;
  open(options);
  auto killer = Database::open(url_, options);
  std::int64_t old_pid = 0;
  {
    Lease db = db_->acquire(Access::read);
    old_pid = db->query("SELECT pg_backend_pid() AS pid")[0].get<std::int64_t>("pid");
    Lease other = killer->acquire(Access::write);
    other->query("SELECT pg_terminate_backend(CAST($1 AS INTEGER))", old_pid);
    expect_error([&] { db->query("SELECT 1"); }, ErrorCode::unavailable);
  }
  Lease db = db_->acquire(Access::read);
  const auto new_pid = db->query("SELECT pg_backend_pid() AS pid")[0].get<std::int64_t>("pid");
  EXPECT_NE(new_pid, old_pid);
  EXPECT_EQ(db->query("SELECT $1 AS v", 5)[0].get<int>("v"), 5);  // statements prepared anew
}

TEST_F(Store, ServerNoticesStayOutOfStderr) {
  Lease db = db_->acquire(Access::write);
  db->execute_script("CREATE TABLE IF NOT EXISTS quiet (a INTEGER)");
  ::testing::internal::CaptureStderr();
  db->execute_script("CREATE TABLE IF NOT EXISTS quiet (a INTEGER)");  // PostgreSQL: a NOTICE
  db->execute_script("DROP TABLE IF EXISTS never_there");              // and another
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(StoreOpen, AnUnreachablePostgresServerIsUnavailableWithoutThePassword) {
  try {
    Database::open("postgresql://disha:s3cret@127.0.0.1:1/nowhere?connect_timeout=2");
    FAIL() << "expected the connection to fail";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unavailable);
    const std::string_view message = error.what();
    EXPECT_NE(message.find("127.0.0.1:1/nowhere"), std::string_view::npos) << message;
    EXPECT_EQ(message.find("s3cret"), std::string_view::npos) << message;
  }
}

TEST(StoreOpen, ASqliteFileInAMissingDirectoryIsUnavailable) {
  const auto path = std::filesystem::temp_directory_path() / "disha-no-such-dir" / "x.db";
  try {
    Database::open("sqlite:" + path.string());
    FAIL() << "expected the open to fail";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unavailable);
    EXPECT_NE(std::string_view(error.what()).find(path.string()), std::string_view::npos);
  }
}

}  // namespace
}  // namespace disha::store
