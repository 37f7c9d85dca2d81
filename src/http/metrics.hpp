#pragma once
// A small Prometheus registry: the HTTP metrics the server keeps, plus collectors that other
// layers (the database pool, the worker queue) register to add their gauges at scrape time.
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace disha::http {

class Metrics {
 public:
  // Upper bounds in seconds of the request-duration histogram buckets.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  void observe_request(std::string_view method, std::string_view route, int status, double seconds);

  void connection_opened() noexcept { ++open_connections_; }
  void connection_closed() noexcept { --open_connections_; }
  void request_started() noexcept { ++in_flight_; }
  void request_finished() noexcept { --in_flight_; }
  std::int64_t open_connections() const noexcept { return open_connections_; }
  std::int64_t in_flight() const noexcept { return in_flight_; }

  // A collector appends complete exposition lines (with # HELP / # TYPE) to the output.
  using Collector = std::function<void(std::string&)>;
  void add_collector(Collector collector);

  // The Prometheus text exposition format, version 0.0.4.
  std::string render() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> requests_;  // key: rendered label set
  std::map<std::string, Histogram> durations_;     // key: route
  std::vector<Collector> collectors_;
  std::atomic<std::int64_t> open_connections_{0};
  std::atomic<std::int64_t> in_flight_{0};
};

// Escapes a label value per the exposition format (backslash, quote, newline).
std::string escape_label(std::string_view value);

// Appends one gauge with its HELP and TYPE lines.
void append_gauge(std::string& out, std::string_view name, std::string_view help, double value);

}  // namespace disha::http
