#pragma once
// The real `disha serve` binary as a child process on an ephemeral loopback port.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace disha::test {

class DishaProcess {
 public:
  // Starts `disha serve --listen 127.0.0.1:0 --db URL ARGS…` and waits until it listens (fails
  // the test with the server's log when it does not within 30 s).
  explicit DishaProcess(std::string db_url, std::vector<std::string> args = {});
  ~DishaProcess();  // SIGKILL if still running
  DishaProcess(const DishaProcess&) = delete;
  DishaProcess& operator=(const DishaProcess&) = delete;

  unsigned short port() const noexcept { return port_; }
  pid_t pid() const noexcept { return pid_; }

  // Sends a signal and waits for the exit; returns the exit code (128 + signal if killed).
  int stop(int signal, std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // Waits for the process to exit by itself; returns the exit code (fails the test on timeout).
  int wait(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // Nonblocking: whether the process has exited.
  bool exited();
  // What the server wrote to stderr (its log) and stdout (the access log).
  std::string log() const;
  std::string access_log() const;

 private:
  std::filesystem::path directory_;
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  int exit_code_ = -1;
};

// The path of the disha binary under test.
const char* disha_binary();

}  // namespace disha::test
