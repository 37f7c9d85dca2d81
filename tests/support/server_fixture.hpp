#pragma once
// A test suite sharing one real server on a fresh database of the backend under test.
// Derive as `class MySuite : public WithServer<MySuite>`; define `server_args()` for flags.
#include <gtest/gtest.h>

#include <boost/json/object.hpp>
#include <memory>
#include <string>
#include <vector>

#include "disha_process.hpp"
#include "http_client.hpp"
#include "test_backend.hpp"

namespace disha::test {

template <class Suite>
class WithServer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = std::make_unique<DishaProcess>(fresh_database_url(), Suite::server_args());
  }
  static void TearDownTestSuite() { server.reset(); }
  static std::vector<std::string> server_args() { return {}; }
  static unsigned short port() { return server->port(); }

  static inline std::unique_ptr<DishaProcess> server;
};

// Asserts an application/problem+json answer with this status (and field, when given) and
// returns the problem object.
boost::json::object expect_problem(const HttpResponse& response, int status,
                                   std::string_view field = {});

}  // namespace disha::test
