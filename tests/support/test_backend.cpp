#include "test_backend.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string_view>

#include "pg_server.hpp"

namespace disha::test {

namespace {

// One directory per process for SQLite files, removed at exit with the -wal and -shm files.
class SqliteDirectory {
 public:
  SqliteDirectory() : owner_(::getpid()) {
    std::string pattern = (std::filesystem::temp_directory_path() / "disha-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~SqliteDirectory() {
    if (::getpid() != owner_) return;  // a forked child exiting must not delete the parent's
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  SqliteDirectory(const SqliteDirectory&) = delete;
  SqliteDirectory& operator=(const SqliteDirectory&) = delete;

  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  pid_t owner_;
  std::filesystem::path path_;
};

std::atomic<int> database_counter{0};

}  // namespace

store::Dialect backend() {
  const char* value = std::getenv("DISHA_TEST_BACKEND");
  const std::string_view name = value != nullptr ? value : "";
  if (name.empty() || name == "sqlite") return store::Dialect::sqlite;
  if (name == "postgres") return store::Dialect::postgres;
  throw std::runtime_error(
      fmt::format("DISHA_TEST_BACKEND must be \"sqlite\" or \"postgres\", not \"{}\"", name));
}

std::string fresh_database_url() {
  const int number = ++database_counter;
  if (backend() == store::Dialect::sqlite) {
    static SqliteDirectory directory;  // created on first use, removed at exit
    return fmt::format("sqlite:{}",
                       (directory.path() / fmt::format("db-{}.sqlite", number)).string());
  }
  static PgServer server;  // started on first use, stopped at exit
  return server.create_database(fmt::format("t_{}", number));
}

}  // namespace disha::test
