#pragma once
// A throwaway PostgreSQL server for tests: initdb in a fresh temporary directory, started on a
// free loopback port, stopped and deleted by the destructor. Nothing pre-existing is assumed.
// As root (CI), initdb and pg_ctl run as the `postgres` user, since PostgreSQL refuses root.
#include <sys/types.h>

#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace disha::test {

class PgServer {
 public:
  // Throws std::runtime_error (with the server's log) when the server does not come up in 30 s.
  PgServer();
  ~PgServer();
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  int port() const noexcept { return port_; }
  // postgres://disha@127.0.0.1:PORT/DATABASE (trust authentication: no password).
  std::string url(std::string_view database) const;
  // Creates an empty database (name: lowercase letters, digits, underscores) and returns its URL.
  std::string create_database(std::string_view name);

 private:
  int run(const std::vector<std::string>& argv) const;
  std::string log() const;

  std::filesystem::path directory_;
  std::filesystem::path bin_;
  pid_t owner_;  // a forked child that exits must not stop the parent's server
  int port_ = 0;
  bool running_ = false;
  std::mutex create_mutex_;
};

}  // namespace disha::test
