#pragma once
// Everything the server can be told, from flags or DISHA_* environment variables (flags win).
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/limits.hpp"
#include "http/rate_limit.hpp"
#include "http/server.hpp"

namespace disha::app {

struct ServeConfig {
  std::string listen = "127.0.0.1:8080";
  std::string db = "sqlite:disha.db";
  int threads = 0;                  // I/O threads; 0: one per core
  int db_connections = 4;           // SQLite readers / PostgreSQL pool size
  int workers = 0;                  // blocking-work threads; 0: db_connections + 1
  std::size_t worker_queue = 1024;  // pending blocking jobs before 503
  http::ServerLimits limits;
  http::ServerTimeouts timeouts;
  std::vector<std::string> cors_origins;
  std::string access_log = "stdout";  // "stdout", "off" or a file path
  std::string log_level = "info";
  std::chrono::milliseconds session_idle_timeout{std::chrono::hours(2)};
  std::chrono::milliseconds session_lifetime{std::chrono::hours(24 * 7)};
  http::RateLimits rate_limits;
  std::vector<std::string> trusted_proxies;  // addresses or CIDR ranges
  bool seed = false;                         // load the built-in seed before serving
  // How often the catalogue's revision is checked for other instances' writes.
  std::chrono::milliseconds catalog_poll{std::chrono::seconds(2)};
  graphql::Limits graphql_limits;
  // GraphiQL's files (the npm install the build makes); empty: no GraphiQL page.
  std::string graphiql_assets = DISHA_GRAPHIQL_DIR;
};

// "1.5s", "250ms", "2m", "10" (seconds). Throws disha::Error(bad_request) naming `field`.
std::chrono::milliseconds parse_duration(std::string_view text, std::string_view field);
// "16KiB", "1MiB", "512", "2kb". Throws disha::Error(bad_request) naming `field`.
std::size_t parse_size(std::string_view text, std::string_view field);
// "120/m", "10/30s": so many requests a period. Throws disha::Error(bad_request) naming `field`.
http::RateRule parse_rate(std::string_view text, std::string_view field);
// "host:port", "[::1]:8080"; port 0 asks for an ephemeral port.
struct ListenAddress {
  std::string host;
  unsigned short port = 0;
};
ListenAddress parse_listen(std::string_view text);

}  // namespace disha::app
