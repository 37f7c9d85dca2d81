#include "http/metrics.hpp"

#include <gtest/gtest.h>

namespace disha::http {

TEST(Metrics, CountsRequestsByMethodRouteAndStatus) {
  Metrics metrics;
  metrics.observe_request("GET", "/api/v1/meta", 200, 0.002);
  metrics.observe_request("GET", "/api/v1/meta", 200, 0.3);
  metrics.observe_request("POST", "/x", 422, 0.0001);
  auto text = metrics.render();
  EXPECT_NE(text.find(R"(http_requests_total{method="GET",route="/api/v1/meta",status="200"} 2)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(http_requests_total{method="POST",route="/x",status="422"} 1)"),
            std::string::npos);
  // 0.002 s falls in the 0.0025 bucket and above; 0.3 s only from 0.5 up.
  EXPECT_NE(
      text.find(R"(http_request_duration_seconds_bucket{route="/api/v1/meta",le="0.0025"} 1)"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find(R"(http_request_duration_seconds_bucket{route="/api/v1/meta",le="0.5"} 2)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(http_request_duration_seconds_bucket{route="/api/v1/meta",le="+Inf"} 2)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(http_request_duration_seconds_count{route="/api/v1/meta"} 2)"),
            std::string::npos);
}

TEST(Metrics, ReportsGaugesAndCollectors) {
  Metrics metrics;
  metrics.connection_opened();
  metrics.connection_opened();
  metrics.connection_closed();
  metrics.request_started();
  metrics.add_collector([](std::string& out) { append_gauge(out, "db_pool_in_use", "x", 3); });
  auto text = metrics.render();
  EXPECT_NE(text.find("http_open_connections 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("http_requests_in_flight 1\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE db_pool_in_use gauge\ndb_pool_in_use 3\n"), std::string::npos);
}

TEST(Metrics, EscapesLabelValues) {
  EXPECT_EQ(escape_label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
}

}  // namespace disha::http
