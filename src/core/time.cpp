#include "core/time.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace disha {

std::string utc_timestamp(std::chrono::system_clock::time_point time) {
  auto millis = std::chrono::time_point_cast<std::chrono::milliseconds>(time);
  auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(millis);
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(seconds)),
                     static_cast<int>((millis - seconds).count()));
}

}  // namespace disha
