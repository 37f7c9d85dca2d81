#include "command.hpp"

#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstdio>

#include <boost/json/serialize.hpp>

#include "disha_process.hpp"
#include "http_client.hpp"

namespace disha::test {

std::string run_command(const std::string& command, int& exit_code) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[256];
  while (pipe && fgets(buffer, sizeof buffer, pipe)) output += buffer;
  exit_code = pipe ? WEXITSTATUS(pclose(pipe)) : -1;
  return output;
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

void add_user(const std::string& database_url, const std::string& email, const std::string& role,
              const std::string& password) {
  int exit_code = -1;
  auto output = run_command("printf '%s\\n' " + shell_quote(password) + " | " + std::string(disha_binary()) +
                                " user add --db " + shell_quote(database_url) + " --email " + shell_quote(email) +
                                " --role " + role + " 2>&1",
                            exit_code);
  ASSERT_EQ(exit_code, 0) << output;
}

std::vector<std::pair<std::string, std::string>> bearer_session(unsigned short port, const std::string& email,
                                                                const std::string& password) {
  auto answer = request(port, "POST", "/api/v1/auth/login",
                        boost::json::serialize(boost::json::object{{"email", email}, {"password", password}}),
                        {{"Content-Type", "application/json"}});
  EXPECT_EQ(answer.status, 200) << answer.body;
  if (answer.status != 200) return {};
  return {{"Authorization", "Bearer " + std::string(answer.json().at("token").as_string())}};
}

}  // namespace disha::test
