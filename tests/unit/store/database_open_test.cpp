#include <gtest/gtest.h>

#include "store/database.hpp"

namespace disha::store {
namespace {

// Opening must fail with bad_request on field "db", naming `mentioned` and never `secret`.
void expect_bad_url(std::string_view url, std::string_view mentioned,
                    std::string_view secret = "s3cret", DatabaseOptions options = {}) {
  try {
    Database::open(url, options);
    ADD_FAILURE() << "expected " << url << " to be refused";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::bad_request) << error.what();
    EXPECT_NE(std::string_view(error.what()).find(mentioned), std::string_view::npos)
        << error.what();
    EXPECT_EQ(std::string_view(error.what()).find(secret), std::string_view::npos) << error.what();
    EXPECT_FALSE(error.field().empty());
  }
}

TEST(DatabaseOpen, RefusesAnUnknownSchemeNamingItButNotTheRest) {
  expect_bad_url("mysql://root:s3cret@db/app", "\"mysql\"");
  expect_bad_url("mysql://root:s3cret@db/app", "sqlite:PATH or postgres://");
  expect_bad_url("SQLITE:x.db", "\"SQLITE\"");
  expect_bad_url("postgres:/nohost", "\"postgres\"");
}

TEST(DatabaseOpen, RefusesAUrlWithoutScheme) {
  expect_bad_url("disha.db", "no scheme");
  expect_bad_url("", "no scheme");
}

TEST(DatabaseOpen, RefusesSqliteWithoutAFile) {
  expect_bad_url("sqlite:", "file path");
  expect_bad_url("sqlite::memory:", "in-memory");
}

TEST(DatabaseOpen, RefusesAMalformedPostgresUrl) {
  expect_bad_url("postgresql://disha:s3cret@[::1/app", "invalid PostgreSQL URL");
}

TEST(DatabaseOpen, RefusesAPoolWithoutConnections) {
  DatabaseOptions options;
  options.connections = 0;
  expect_bad_url("sqlite:unused.db", "at least one connection", "s3cret", options);
}

TEST(DatabaseOpen, ReportsTheFieldAtFault) {
  try {
    Database::open("redis://localhost");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.field(), "db");
  }
}

}  // namespace
}  // namespace disha::store
