#include "disha_process.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace disha::test {

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path make_directory() {
  auto pattern = (std::filesystem::temp_directory_path() / "disha-server-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

}  // namespace

const char* disha_binary() {
  const char* override_path = std::getenv("DISHA_BINARY");
  return override_path ? override_path : DISHA_BINARY;
}

DishaProcess::DishaProcess(std::string db_url, std::vector<std::string> args)
    : directory_(make_directory()) {
  std::vector<std::string> argv = {disha_binary(), "serve", "--listen",  "127.0.0.1:0",
                                   "--db",         db_url,  "--threads", "2"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto out = (directory_ / "stdout.log").string();
  auto err = (directory_ / "stderr.log").string();

  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    std::freopen(out.c_str(), "w", stdout);
    std::freopen(err.c_str(), "w", stderr);
    std::vector<char*> raw;
    for (auto& arg : argv) raw.push_back(arg.data());
    raw.push_back(nullptr);
    ::execv(raw[0], raw.data());
    std::perror("execv");
    ::_exit(127);
  }

  // The server logs the address it bound: {"…","msg":"listening on 127.0.0.1:PORT with …"}.
  static const std::regex listening(R"(listening on 127\.0\.0\.1:(\d+))");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    auto text = read_file(err);
    if (std::regex_search(text, match, listening)) {
      port_ = static_cast<unsigned short>(std::stoi(match[1]));
      return;
    }
    if (exited()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  auto text = log();
  stop(SIGKILL);
  throw std::runtime_error("disha did not start listening; its log:\n" + text);
}

DishaProcess::~DishaProcess() {
  if (pid_ > 0 && exit_code_ < 0) stop(SIGKILL);
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

bool DishaProcess::exited() {
  if (exit_code_ >= 0) return true;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return true;
  }
  return false;
}

int DishaProcess::stop(int signal, std::chrono::milliseconds timeout) {
  if (exited()) return exit_code_;
  ::kill(pid_, signal);
  return wait(timeout);
}

int DishaProcess::wait(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (exited()) return exit_code_;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  exit_code_ = 128 + SIGKILL;
  ADD_FAILURE() << "disha did not exit within the timeout";
  return exit_code_;
}

std::string DishaProcess::log() const {
  return read_file(directory_ / "stderr.log");
}
std::string DishaProcess::access_log() const {
  return read_file(directory_ / "stdout.log");
}

}  // namespace disha::test
