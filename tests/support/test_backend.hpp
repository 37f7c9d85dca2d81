#pragma once
// The database backend that integration tests run against, chosen by DISHA_TEST_BACKEND.
#include <string>

#include "store/database.hpp"

namespace disha::test {

// From the environment variable DISHA_TEST_BACKEND: "sqlite" (the default) or "postgres".
store::Dialect backend();

// A new, empty database for one test: a fresh sqlite:/tmp/… file, or a new database on a
// throwaway PostgreSQL server started on first use. All are removed when the process exits.
std::string fresh_database_url();

}  // namespace disha::test
