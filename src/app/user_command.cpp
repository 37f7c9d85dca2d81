#include "app/user_command.hpp"

#include <fmt/core.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "app/application.hpp"
#include "app/embedded_files.hpp"
#include "core/time.hpp"
#include "features/accounts/credentials.hpp"
#include "features/accounts/repository.hpp"
#include "features/accounts/service.hpp"

namespace disha::app {

namespace {

// Turns terminal echo off for its lifetime.
class NoEcho {
 public:
  NoEcho() {
    if (tcgetattr(STDIN_FILENO, &saved_) == 0) {
      termios quiet = saved_;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
  }
  ~NoEcho() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  NoEcho(const NoEcho&) = delete;
  NoEcho& operator=(const NoEcho&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

std::string read_line(const char* prompt, bool terminal) {
  std::string line;
  if (terminal) {
    fmt::print(stderr, "{}", prompt);
    NoEcho quiet;
    std::getline(std::cin, line);
    fmt::print(stderr, "\n");
  } else {
    std::getline(std::cin, line);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string read_password() {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  auto password = read_line("Password: ", terminal);
  if (terminal && read_line("Again: ", terminal) != password) {
    throw Error(ErrorCode::bad_request, "the passwords differ", "password");
  }
  return password;
}

}  // namespace

int add_user(const AddUserRequest& request) {
  using namespace disha::accounts;
  auto role = parse_role(request.role);
  if (!role) {
    throw Error(ErrorCode::bad_request, "must be learner, expert, advisor or admin", "role");
  }
  NewUser user{normalise_email(request.email), "", *role, ""};
  user.name =
      require_name(request.name ? *request.name : user.email.substr(0, user.email.find('@')));
  PasswordRules rules(embedded_file("data/security/common-passwords.txt"));
  auto password = read_password();
  rules.check(password, "password");
  user.password_hash = hash_password(password);

  auto database = store::Database::open(request.db_url);
  store::Migrator(*database, embedded_migrations(database->dialect())).migrate();
  auto created = database->transact([&](store::Connection& db) {
    return insert_user(db, user, utc_timestamp(std::chrono::system_clock::now()));
  });
  fmt::print("created user {} <{}> with role {}\n", created.id, created.email,
             to_string(created.role));
  return 0;
}

}  // namespace disha::app
