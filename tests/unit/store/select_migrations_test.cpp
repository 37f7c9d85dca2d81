#include <gtest/gtest.h>

#include "store/migrations.hpp"

namespace disha::store {
namespace {

using Files = std::vector<MigrationFile>;

void expect_refused(const Files& files, Dialect dialect, std::string_view mentioned) {
  try {
    select_migrations(files, dialect);
    ADD_FAILURE() << "expected an error mentioning " << mentioned;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::internal);
    EXPECT_NE(std::string_view(error.what()).find(mentioned), std::string_view::npos)
        << error.what();
  }
}

TEST(SelectMigrations, ParsesVersionAndNameAndKeepsTheText) {
  auto selected = select_migrations(
      {{"migrations/0001_create_pings.sql", "CREATE TABLE p (x INT);"}}, Dialect::sqlite);
  ASSERT_EQ(selected.size(), 1u);
  EXPECT_EQ(selected[0].version, 1);
  EXPECT_EQ(selected[0].name, "create_pings");
  EXPECT_EQ(selected[0].sql, "CREATE TABLE p (x INT);");
}

TEST(SelectMigrations, PrefersTheDialectsOwnFileAndIgnoresTheOther) {
  Files files = {{"m/0001_pings.sql", "generic"},
                 {"m/0001_pings.sqlite.sql", "for sqlite"},
                 {"m/0001_pings.postgres.sql", "for postgres"},
                 {"m/0002_users.sql", "users"}};
  auto sqlite = select_migrations(files, Dialect::sqlite);
  ASSERT_EQ(sqlite.size(), 2u);
  EXPECT_EQ(sqlite[0].sql, "for sqlite");
  EXPECT_EQ(sqlite[1].sql, "users");
  auto postgres = select_migrations(files, Dialect::postgres);
  ASSERT_EQ(postgres.size(), 2u);
  EXPECT_EQ(postgres[0].sql, "for postgres");
  EXPECT_EQ(postgres[0].name, "pings");
  EXPECT_EQ(postgres[1].sql, "users");
}

TEST(SelectMigrations, ReturnsThemInVersionOrderWhateverTheInputOrder) {
  auto selected = select_migrations(
      {{"0010_ten.sql", "10"}, {"0002_two.sql", "2"}, {"0001_one.sql", "1"}}, Dialect::postgres);
  ASSERT_EQ(selected.size(), 3u);
  EXPECT_EQ(selected[0].version, 1);
  EXPECT_EQ(selected[1].version, 2);
  EXPECT_EQ(selected[2].version, 10);
  EXPECT_EQ(selected[2].name, "ten");
}

TEST(SelectMigrations, AcceptsTheRepositorysNamingOfDialectFiles) {
  Files files = {{"migrations/0001_create_meta_pings.postgres.sql", "pg"},
                 {"migrations/0001_create_meta_pings.sqlite.sql", "lite"}};
  auto selected = select_migrations(files, Dialect::sqlite);
  ASSERT_EQ(selected.size(), 1u);
  EXPECT_EQ(selected[0].name, "create_meta_pings");
  EXPECT_EQ(selected[0].sql, "lite");
}

TEST(SelectMigrations, NoFilesMeansNoMigrations) {
  EXPECT_TRUE(select_migrations({}, Dialect::sqlite).empty());
}

TEST(SelectMigrations, RefusesMalformedNames) {
  for (std::string_view path :
       {"0001-create.sql", "create.sql", "0001_.sql", "0001_Create.sql", "0001_create.txt",
        "0001_create.mysql.sql", "0000_zero.sql", "_x.sql", "-1_x.sql", "0001_a b.sql",
        "0001_x.sqlite.postgres.sql", "99999999999_big.sql", "m/0001_x.SQL"}) {
    SCOPED_TRACE(path);
    std::string file_name(path.substr(path.find_last_of('/') + 1));
    expect_refused({{path, "SELECT 1"}}, Dialect::sqlite, file_name);
  }
}

TEST(SelectMigrations, RefusesTwoFilesWithOneVersion) {
  expect_refused({{"0001_a.sql", ""}, {"0001_b.sql", ""}}, Dialect::sqlite, "share version 1");
  expect_refused({{"a/0001_a.sql", ""}, {"b/0001_a.sql", ""}}, Dialect::sqlite, "share version 1");
  expect_refused({{"0003_a.sqlite.sql", ""}, {"x/0003_a.sqlite.sql", ""}}, Dialect::postgres,
                 "share version 3");
  // One version's files must agree on the name, whichever dialect they are for.
  expect_refused({{"0002_a.sql", ""}, {"0002_b.postgres.sql", ""}}, Dialect::sqlite,
                 "share version 2");
}

TEST(SelectMigrations, RefusesAVersionWithOnlyTheOtherDialectsFile) {
  Files files = {{"0001_a.sql", ""}, {"0002_only_pg.postgres.sql", ""}};
  expect_refused(files, Dialect::sqlite, "0002_only_pg has no file for sqlite");
  EXPECT_EQ(select_migrations(files, Dialect::postgres).size(), 2u);
}

}  // namespace
}  // namespace disha::store
