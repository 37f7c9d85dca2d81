#include "pg_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <grp.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace disha::test {

namespace {

namespace fs = std::filesystem;

// The bin directory of the newest PostgreSQL installed the Debian way.
fs::path find_bin_directory() {
  const fs::path root = "/usr/lib/postgresql";
  std::optional<fs::path> best;
  int best_version = -1;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(root, error)) {
    const std::string name = entry.path().filename().string();
    int version = 0;
    const auto [end, parse_error] =
        std::from_chars(name.data(), name.data() + name.size(), version);
    if (parse_error != std::errc() || end != name.data() + name.size()) continue;
    const fs::path bin = entry.path() / "bin";
    if (version > best_version && fs::exists(bin / "initdb") && fs::exists(bin / "pg_ctl")) {
      best = bin;
      best_version = version;
    }
  }
  if (!best) {
    throw std::runtime_error(
        "no PostgreSQL server found under /usr/lib/postgresql/*/bin; install postgresql");
  }
  return *best;
}

// The account that runs the server: PostgreSQL refuses to run as root.
struct Account {
  uid_t uid;
  gid_t gid;
  std::vector<gid_t> groups;
};

std::optional<Account> server_account() {
  if (::geteuid() != 0) return std::nullopt;
  const passwd* user = ::getpwnam("postgres");
  if (user == nullptr) {
    throw std::runtime_error("running as root needs a `postgres` user to run PostgreSQL");
  }
  Account account{user->pw_uid, user->pw_gid, std::vector<gid_t>(64)};
  int count = static_cast<int>(account.groups.size());
  if (::getgrouplist(user->pw_name, user->pw_gid, account.groups.data(), &count) < 0) {
    account.groups.resize(static_cast<std::size_t>(count));
    ::getgrouplist(user->pw_name, user->pw_gid, account.groups.data(), &count);
  }
  account.groups.resize(static_cast<std::size_t>(count));
  return account;
}

// A loopback port nobody listens on right now (the server may still lose a race for it; the
// caller retries).
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  ::close(fd);
  if (!ok) throw std::runtime_error("could not find a free port");
  return ntohs(address.sin_port);
}

bool is_valid_database_name(std::string_view name) {
  return !name.empty() && name.size() < 64 && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

struct FinishConnection {
  void operator()(PGconn* connection) const noexcept { PQfinish(connection); }
};

}  // namespace

PgServer::PgServer() : owner_(::getpid()) {
  bin_ = find_bin_directory();
  std::string pattern = (fs::temp_directory_path() / "disha-pg-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  directory_ = pattern;
  if (auto account = server_account()) {
    if (::chown(directory_.c_str(), account->uid, account->gid) != 0) {
      fs::remove_all(directory_);
      throw std::runtime_error("cannot hand the PostgreSQL directory to the postgres user");
    }
  }
  const std::string data = (directory_ / "data").string();
  const std::string log_file = (directory_ / "postgres.log").string();
  const auto fail = [&](const std::string& what) {
    const std::string message = fmt::format("{}; PostgreSQL's log:\n{}", what, log());
    std::cerr << message << std::endl;
    run({(bin_ / "pg_ctl").string(), "-D", data, "-m", "immediate", "-w", "stop"});
    std::error_code ignored;
    fs::remove_all(directory_, ignored);
    throw std::runtime_error(message);
  };

  // --no-sync: a throwaway cluster need not survive a crash during initdb.
  if (run({(bin_ / "initdb").string(), "-D", data, "-A", "trust", "-U", "disha", "--no-sync", "-E",
           "UTF8", "--locale=C"}) != 0) {
    fail("initdb failed");
  }
  // A port found free may be taken before the server binds it: try a few.
  for (int attempt = 0; attempt < 5 && !running_; ++attempt) {
    port_ = free_port();
    const std::string options = fmt::format("-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=on",
                                            port_, directory_.string());
    running_ = run({(bin_ / "pg_ctl").string(), "-D", data, "-l", log_file, "-o", options, "-w",
                    "-t", "30", "start"}) == 0;
  }
  if (!running_) fail("pg_ctl start failed");

  const std::string admin = url("postgres");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (PQping(admin.c_str()) != PQPING_OK) {
    if (std::chrono::steady_clock::now() > deadline) fail("PostgreSQL did not accept connections");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

PgServer::~PgServer() {
  if (::getpid() != owner_) return;
  try {
    // Immediate: the directory is deleted next, so the shutdown checkpoint (flushing every
    // test database to disk, tens of seconds on a busy machine) would be wasted.
    if (running_) {
      run({(bin_ / "pg_ctl").string(), "-D", (directory_ / "data").string(), "-m", "immediate",
           "-w", "stop"});
    }
  } catch (const std::exception& failure) {
    std::cerr << "stopping the test PostgreSQL server failed: " << failure.what() << std::endl;
  }
  std::error_code ignored;
  fs::remove_all(directory_, ignored);
}

std::string PgServer::url(std::string_view database) const {
  return fmt::format("postgres://disha@127.0.0.1:{}/{}", port_, database);
}

std::string PgServer::create_database(std::string_view name) {
  if (!is_valid_database_name(name)) {
    throw std::invalid_argument(fmt::format("invalid database name \"{}\"", name));
  }
  std::lock_guard lock(create_mutex_);
  std::unique_ptr<PGconn, FinishConnection> admin(PQconnectdb(url("postgres").c_str()));
  if (PQstatus(admin.get()) != CONNECTION_OK) {
    throw std::runtime_error(fmt::format("cannot connect to the test PostgreSQL server: {}",
                                         PQerrorMessage(admin.get())));
  }
  PGresult* result = PQexec(admin.get(), fmt::format("CREATE DATABASE {}", name).c_str());
  const bool created = PQresultStatus(result) == PGRES_COMMAND_OK;
  const std::string error = PQresultErrorMessage(result);
  PQclear(result);
  if (!created) throw std::runtime_error(fmt::format("CREATE DATABASE {} failed: {}", name, error));
  return url(name);
}

// Runs a PostgreSQL program (as the postgres user when we are root), its output appended to
// the log; returns its exit status.
int PgServer::run(const std::vector<std::string>& argv) const {
  const std::optional<Account> account = server_account();
  const std::string log_file = (directory_ / "commands.log").string();
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);

  const pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec: the parent may have other threads.
    const int log = ::open(log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    const int null = ::open("/dev/null", O_RDONLY);
    if (log < 0 || null < 0 || ::dup2(null, 0) < 0 || ::dup2(log, 1) < 0 || ::dup2(log, 2) < 0) {
      ::_exit(126);
    }
    if (account && (::setgroups(account->groups.size(), account->groups.data()) != 0 ||
                    ::setgid(account->gid) != 0 || ::setuid(account->uid) != 0)) {
      ::_exit(126);
    }
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string PgServer::log() const {
  std::string text;
  for (const char* name : {"commands.log", "postgres.log"}) {
    std::ifstream in(directory_ / name);
    std::stringstream content;
    content << in.rdbuf();
    text += fmt::format("--- {}\n{}", name, content.str());
  }
  return text;
}

}  // namespace disha::test
