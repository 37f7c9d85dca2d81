#include "app/progress.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>

namespace disha::app {

Progress::Progress(std::string label, std::size_t total)
    : label_(std::move(label)),
      total_(std::max<std::size_t>(total, 1)),
      terminal_(isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() {
  if (!terminal_) return;
  done_ = std::min(done_, total_);
  last_draw_ = {};
  draw();
  fmt::print(stderr, "\n");
}

void Progress::advance(std::size_t steps) {
  done_ += steps;
  if (!terminal_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100) && done_ < total_) return;
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  constexpr std::size_t kWidth = 30;
  const auto filled = std::min(kWidth, done_ * kWidth / total_);
  fmt::print(stderr, "\r{} [{}{}] {}/{} ({}%)", label_, std::string(filled, '#'),
             std::string(kWidth - filled, ' '), done_, total_, done_ * 100 / total_);
  std::fflush(stderr);
}

}  // namespace disha::app
