#pragma once
#include <chrono>
#include <string>

namespace disha {

// "2026-11-29T02:24:39.123Z": RFC 3339 in UTC with milliseconds.
std::string utc_timestamp(std::chrono::system_clock::time_point time);

}  // namespace disha
