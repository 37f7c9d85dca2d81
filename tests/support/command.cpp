#include "command.hpp"

#include <sys/wait.h>

#include <cstdio>

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

}  // namespace disha::test
