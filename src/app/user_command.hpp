#pragma once
// `disha user add`: account administration from the command line (the first admin, experts,
// advisors). The password is read from standard input, never from a flag, where it would show
// in the process list and the shell history.
#include <optional>
#include <string>

namespace disha::app {

struct AddUserRequest {
  std::string db_url;
  std::string email;
  std::string role;
  std::optional<std::string> name;  // default: the email's local part
};

// Applies pending migrations, reads the password (a no-echo prompt, asked twice, on a terminal;
// the first line otherwise) and creates the user; returns the process exit code.
int add_user(const AddUserRequest& request);

}  // namespace disha::app
