#pragma once
// Running the disha binary (or any shell command) from a test.
#include <string>
#include <utility>
#include <vector>

namespace disha::test {

// Runs `command` through the shell; returns what it printed on stdout (append 2>&1 for stderr)
// and sets exit_code.
std::string run_command(const std::string& command, int& exit_code);

// A string quoted for the shell.
std::string shell_quote(const std::string& text);

// Creates an account with `disha user add` (the password on stdin); a test failure when it
// cannot. For suites that need an admin before their server starts.
void add_user(const std::string& database_url, const std::string& email, const std::string& role,
              const std::string& password);

// Signs in through POST /api/v1/auth/login: the Authorization header of the new session (a
// test failure when the login is refused).
std::vector<std::pair<std::string, std::string>> bearer_session(unsigned short port, const std::string& email,
                                                                const std::string& password);

}  // namespace disha::test
