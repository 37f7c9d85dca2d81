#include "http/time.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace disha::http {

std::string http_date(std::chrono::system_clock::time_point time) {
  thread_local std::chrono::sys_seconds cached_second{};
  thread_local std::string cached;
  auto second = std::chrono::floor<std::chrono::seconds>(time);
  if (second != cached_second || cached.empty()) {
    cached_second = second;
    cached = fmt::format("{:%a, %d %b %Y %H:%M:%S} GMT",
                         fmt::gmtime(std::chrono::system_clock::to_time_t(second)));
  }
  return cached;
}

}  // namespace disha::http
