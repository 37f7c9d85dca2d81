#pragma once
#include <chrono>
#include <string>

namespace disha::http {

// "Sun, 29 Nov 2026 02:24:39 GMT": the IMF-fixdate of the Date header, cached per second.
std::string http_date(std::chrono::system_clock::time_point time);

}  // namespace disha::http
