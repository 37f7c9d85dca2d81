// Migrations against the backend under test: applied once each, recorded with a checksum,
// edits and unknown versions refused, failures leave no trace, racing migrators agree.
#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <regex>
#include <set>
#include <thread>

#include "app/embedded_files.hpp"
#include "test_backend.hpp"

namespace disha::store {
namespace {

const Migration kPings{1, "create_pings", "CREATE TABLE pings (id BIGINT PRIMARY KEY);\n"};
const Migration kNotes{2, "create_notes",
                       "CREATE TABLE notes (id BIGINT PRIMARY KEY, ping_id BIGINT REFERENCES "
                       "pings (id));\nINSERT INTO pings (id) VALUES (1);\n"};
const Migration kTags{3, "create_tags", "CREATE TABLE tags (name TEXT PRIMARY KEY);"};

template <class F>
std::string expect_internal(F fn) {
  try {
    fn();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::internal) << error.what();
    return error.what();
  }
  ADD_FAILURE() << "expected disha::Error(internal)";
  return {};
}

class Migrations : public ::testing::Test {
 protected:
  void SetUp() override {
    url_ = test::fresh_database_url();
    db_ = Database::open(url_);
  }

  std::int64_t count(std::string_view sql) {
    Lease lease = db_->acquire(Access::read);
    return lease->query(sql)[0].get<std::int64_t>(0);
  }
  bool table_exists(std::string_view table) {
    Lease lease = db_->acquire(Access::read);
    const char* sql = db_->dialect() == Dialect::sqlite
                          ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $1"
                          : "SELECT COUNT(*) FROM pg_tables WHERE tablename = $1";
    return lease->query(sql, table)[0].get<int>(0) == 1;
  }

  std::string url_;
  std::unique_ptr<Database> db_;
};

TEST_F(Migrations, ApplyOnceInOrderAndAreIdempotent) {
  Migrator migrator(*db_, {kNotes, kPings});  // any order in, version order applied
  EXPECT_EQ(migrator.migrate(), (std::vector<int>{1, 2}));
  EXPECT_TRUE(migrator.migrate().empty());
  EXPECT_TRUE(Migrator(*db_, {kPings, kNotes}).migrate().empty());
  EXPECT_TRUE(table_exists("pings"));
  EXPECT_TRUE(table_exists("notes"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM pings"), 1);  // migration 2's insert ran once

  Lease lease = db_->acquire(Access::read);
  auto rows = lease->query(
      "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].get<int>("version"), 1);
  EXPECT_EQ(rows[0].get<std::string>("name"), "create_pings");
  // sha256sum of the migration's text, in lowercase hex.
  EXPECT_EQ(rows[0].get<std::string>("checksum"),
            "cc34124d62c63b1f068cdf95aba31454e8fcb9467d8b8fdee30ffa1eebe2dcf8");
  EXPECT_TRUE(std::regex_match(rows[0].get<std::string>("applied_at"),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")))
      << rows[0].get<std::string>("applied_at");
  EXPECT_EQ(rows[1].get<std::string>("name"), "create_notes");
  EXPECT_TRUE(std::regex_match(rows[1].get<std::string>("checksum"), std::regex("[0-9a-f]{64}")));
}

TEST_F(Migrations, StatusReportsCurrentLatestAndPending) {
  MigrationStatus fresh = Migrator(*db_, {kPings, kNotes}).status();  // no table yet
  EXPECT_EQ(fresh.current_version, 0);
  EXPECT_EQ(fresh.latest_version, 2);
  EXPECT_EQ(fresh.pending, (std::vector<int>{1, 2}));

  EXPECT_EQ(Migrator(*db_, {kPings}).migrate(), (std::vector<int>{1}));
  Migrator migrator(*db_, {kPings, kNotes, kTags});
  MigrationStatus partial = migrator.status();
  EXPECT_EQ(partial.current_version, 1);
  EXPECT_EQ(partial.latest_version, 3);
  EXPECT_EQ(partial.pending, (std::vector<int>{2, 3}));

  EXPECT_EQ(migrator.migrate(), (std::vector<int>{2, 3}));
  MigrationStatus done = migrator.status();
  EXPECT_EQ(done.current_version, 3);
  EXPECT_EQ(done.latest_version, 3);
  EXPECT_TRUE(done.pending.empty());
}

TEST_F(Migrations, AnEditedMigrationIsRefusedByName) {
  Migrator(*db_, {kPings}).migrate();
  Migration edited = kPings;
  edited.sql = "CREATE TABLE pings (id BIGINT PRIMARY KEY, extra TEXT);\n";
  const std::string message = expect_internal([&] { Migrator(*db_, {edited, kNotes}).migrate(); });
  EXPECT_EQ(message,
            "migration 0001_create_pings was edited after it was applied (checksum differs); add "
            "a new migration instead");
  EXPECT_FALSE(table_exists("notes"));  // nothing after the refusal ran
  EXPECT_EQ(count("SELECT COUNT(*) FROM schema_migrations"), 1);
}

TEST_F(Migrations, ADatabaseNewerThanTheBinaryIsRefused) {
  Migrator(*db_, {kPings, kNotes}).migrate();
  const std::string message = expect_internal([&] { Migrator(*db_, {kPings}).migrate(); });
  EXPECT_NE(message.find("0002_create_notes"), std::string::npos) << message;
  EXPECT_NE(message.find("newer than the binary"), std::string::npos) << message;
}

TEST_F(Migrations, AFailingMigrationLeavesNoTrace) {
  const Migration broken{2, "half_done",
                         "CREATE TABLE half (x BIGINT);\nINSERT INTO pings (id) VALUES (7);\n"
                         "CREATE TABLE broken (;\n"};
  Migrator migrator(*db_, {kPings, broken, kTags});
  const std::string message = expect_internal([&] { migrator.migrate(); });
  EXPECT_NE(message.find("migration 0002_half_done failed"), std::string::npos) << message;
  EXPECT_TRUE(table_exists("pings"));
  EXPECT_FALSE(table_exists("half"));
  EXPECT_FALSE(table_exists("tags"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM pings"), 0);
  MigrationStatus status = migrator.status();
  EXPECT_EQ(status.current_version, 1);
  EXPECT_EQ(status.pending, (std::vector<int>{2, 3}));
}

TEST_F(Migrations, RacingMigratorsApplyEachMigrationExactlyOnce) {
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE(round);
    const std::string url = test::fresh_database_url();
    // Two Database objects, as two processes starting at once would have.
    auto first = Database::open(url);
    auto second = Database::open(url);
    std::vector<int> applied[2];
    std::string failures[2];
    std::atomic<int> ready{0};
    auto run = [&](Database& db, int slot) {
      ++ready;
      while (ready.load() < 2) std::this_thread::yield();
      try {
        applied[slot] = Migrator(db, {kPings, kNotes, kTags}).migrate();
      } catch (const std::exception& failure) {
        failures[slot] = failure.what();
      }
    };
    std::thread a(run, std::ref(*first), 0);
    std::thread b(run, std::ref(*second), 1);
    a.join();
    b.join();
    EXPECT_EQ(failures[0], "");
    EXPECT_EQ(failures[1], "");
    std::vector<int> all = applied[0];
    all.insert(all.end(), applied[1].begin(), applied[1].end());
    std::sort(all.begin(), all.end());
    EXPECT_EQ(all, (std::vector<int>{1, 2, 3}));
    Lease lease = first->acquire(Access::read);
    EXPECT_EQ(lease->query("SELECT COUNT(*) FROM schema_migrations")[0].get<int>(0), 3);
    EXPECT_EQ(lease->query("SELECT COUNT(*) FROM pings")[0].get<int>(0), 1);
  }
}

TEST_F(Migrations, TheShippedMigrationsApplyOnThisBackend) {
  std::vector<MigrationFile> files;
  for (const EmbeddedFile& file : embedded_files()) {
    if (file.path.starts_with("migrations/")) files.push_back({file.path, file.content});
  }
  auto migrations = select_migrations(files, db_->dialect());
  ASSERT_FALSE(migrations.empty());
  Migrator migrator(*db_, migrations);
  EXPECT_EQ(migrator.migrate().size(), migrations.size());
  EXPECT_TRUE(migrator.status().pending.empty());
  EXPECT_EQ(migrator.status().current_version, migrations.back().version);
}

}  // namespace
}  // namespace disha::store
