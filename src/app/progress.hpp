#pragma once
// A progress bar on stderr for long commands, drawn only when stderr is a terminal (so logs
// and pipes stay clean) and at most ten times a second.
#include <chrono>
#include <cstddef>
#include <string>

namespace disha::app {

class Progress {
 public:
  Progress(std::string label, std::size_t total);
  ~Progress();  // ends the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void advance(std::size_t steps = 1);

 private:
  void draw();

  std::string label_;
  std::size_t total_;
  std::size_t done_ = 0;
  bool terminal_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace disha::app
