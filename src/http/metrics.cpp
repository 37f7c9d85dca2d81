#include "http/metrics.hpp"

#include <fmt/format.h>

namespace disha::http {

std::string escape_label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

void append_gauge(std::string& out, std::string_view name, std::string_view help, double value) {
  fmt::format_to(std::back_inserter(out), "# HELP {0} {1}\n# TYPE {0} gauge\n{0} {2}\n", name, help,
                 value);
}

void Metrics::observe_request(std::string_view method, std::string_view route, int status,
                              double seconds) {
  auto labels = fmt::format(R"(method="{}",route="{}",status="{}")", escape_label(method),
                            escape_label(route), status);
  std::lock_guard lock(mutex_);
  ++requests_[labels];
  auto& histogram = durations_[std::string(route)];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++histogram.buckets[i];
  }
  ++histogram.count;
  histogram.sum += seconds;
}

void Metrics::add_collector(Collector collector) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Metrics::render() const {
  std::string out;
  auto sink = std::back_inserter(out);
  std::lock_guard lock(mutex_);
  out +=
      "# HELP http_requests_total HTTP requests answered, by method, route template and status.\n";
  out += "# TYPE http_requests_total counter\n";
  for (const auto& [labels, count] : requests_) {
    fmt::format_to(sink, "http_requests_total{{{}}} {}\n", labels, count);
  }
  out += "# HELP http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : durations_) {
    auto label = escape_label(route);
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      fmt::format_to(sink, "http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                     label, kBuckets[i], histogram.buckets[i]);
    }
    fmt::format_to(sink, "http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                   label, histogram.count);
    fmt::format_to(sink, "http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label,
                   histogram.sum);
    fmt::format_to(sink, "http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label,
                   histogram.count);
  }
  append_gauge(out, "http_requests_in_flight", "Requests being handled now.",
               static_cast<double>(in_flight_.load()));
  append_gauge(out, "http_open_connections", "Client connections open now.",
               static_cast<double>(open_connections_.load()));
  for (const auto& collector : collectors_) collector(out);
  return out;
}

}  // namespace disha::http
