#pragma once
#include <memory>
#include <string>

namespace spdlog {
class logger;
}

namespace disha::app {

// The default logger writes one JSON object a line to stderr: time (UTC), level, msg.
void setup_logging(const std::string& level);
// The access logger: "stdout", a file path, or "off" (nullptr).
std::shared_ptr<spdlog::logger> make_access_logger(const std::string& target);

}  // namespace disha::app
