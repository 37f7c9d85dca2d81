// The real server on loopback against the backend under test: the meta feature, operations
// endpoints, routing answers, headers and input validation.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <regex>

#include "server_fixture.hpp"

namespace disha::test {
namespace {

class HttpApi : public WithServer<HttpApi> {
 protected:
  static HttpResponse get(std::string_view target,
                          const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return request(port(), "GET", target, {}, headers);
  }
  static HttpResponse post_json(std::string_view target, std::string_view body,
                                std::string content_type = "application/json") {
    return request(port(), "POST", target, body, {{"Content-Type", content_type}});
  }
};

TEST_F(HttpApi, MetaReportsVersionDatabaseSchemaAndTime) {
  auto response = get("/api/v1/meta");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.header("content-type"), "application/json");
  auto meta = response.json().as_object();
  EXPECT_EQ(meta.at("database"), backend() == store::Dialect::sqlite ? "sqlite" : "postgres");
  EXPECT_GE(meta.at("schema_version").as_int64(), 1);
  EXPECT_TRUE(std::regex_match(std::string(meta.at("version").as_string()),
                               std::regex(R"(\d+\.\d+\.\d+.*)")));
  EXPECT_TRUE(std::regex_match(std::string(meta.at("server_time").as_string()),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
}

TEST_F(HttpApi, EchoReturnsAValidMessage) {
  auto response = get("/api/v1/meta/echo?msg=hello%20%E0%A4%A6%E0%A4%BF%E0%A4%B6%E0%A4%BE");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.json().at("msg"), "hello दिशा");
  EXPECT_EQ(get("/api/v1/meta/echo?msg=" + std::string(200, 'x')).status, 200);
}

TEST_F(HttpApi, EchoRejectsBadMessagesNamingTheField) {
  expect_problem(get("/api/v1/meta/echo"), 422, "msg");
  expect_problem(get("/api/v1/meta/echo?msg="), 422, "msg");
  expect_problem(get("/api/v1/meta/echo?msg=" + std::string(201, 'x')), 422, "msg");
  expect_problem(get("/api/v1/meta/echo?msg=%C3%28"), 422, "msg");  // not UTF-8
  expect_problem(get("/api/v1/meta/echo?msg=a%00b"), 422, "msg");   // NUL
  auto problem = expect_problem(get("/api/v1/meta/echo?msg=" + std::string(201, 'x')), 422);
  EXPECT_EQ(problem.at("type"), "/problems/validation");
  EXPECT_EQ(problem.at("instance"), "/api/v1/meta/echo");
}

TEST_F(HttpApi, PingsAreStoredAndReadBack) {
  auto created = post_json("/api/v1/meta/pings", R"({"msg":"first ping"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = created.json().at("id").as_int64();
  EXPECT_EQ(created.header("location"), "/api/v1/meta/pings/" + std::to_string(id));
  auto read = get("/api/v1/meta/pings/" + std::to_string(id));
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json().at("msg"), "first ping");
  expect_problem(get("/api/v1/meta/pings/999999999"), 404);
  expect_problem(get("/api/v1/meta/pings/abc"), 422, "id");
}

TEST_F(HttpApi, PingBodiesAreValidated) {
  expect_problem(post_json("/api/v1/meta/pings", R"({"msg":"x"})", "text/plain"), 415,
                 "Content-Type");
  expect_problem(post_json("/api/v1/meta/pings", R"({"msg":)"), 400, "body");
  expect_problem(post_json("/api/v1/meta/pings", R"(["msg"])"), 422, "body");
  expect_problem(post_json("/api/v1/meta/pings", R"({})"), 422, "msg");
  expect_problem(post_json("/api/v1/meta/pings", R"({"msg":7})"), 422, "msg");
  expect_problem(post_json("/api/v1/meta/pings", R"({"msg":"x","admin":true})"), 422, "admin");
  std::string deep = R"({"msg":)" + std::string(100, '[') + std::string(100, ']') + "}";
  expect_problem(post_json("/api/v1/meta/pings", deep), 400, "body");
  // The route's own body limit (4 KiB) is below the server default.
  std::string big = R"({"msg":")" + std::string(5000, 'x') + R"("})";
  expect_problem(post_json("/api/v1/meta/pings", big), 413);
}

TEST_F(HttpApi, HealthReadinessAndMetrics) {
  auto health = get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.json().at("status"), "ok");
  auto ready = get("/readyz");
  ASSERT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(ready.json().at("status"), "ready");

  get("/api/v1/meta");
  auto metrics = get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.header("content-type").find("text/plain; version=0.0.4"), std::string::npos);
  for (auto expected :
       {R"(http_requests_total{method="GET",route="/api/v1/meta",status="200"})",
        R"(http_request_duration_seconds_bucket{route="/api/v1/meta",le="+Inf"})",
        "http_requests_in_flight ", "http_open_connections ", "db_pool_connections ",
        "db_pool_in_use ", "db_pool_waiting ", "worker_queue_pending "}) {
    EXPECT_NE(metrics.body.find(expected), std::string::npos) << expected;
  }
}

TEST_F(HttpApi, UnknownPathsAre404AndWrongMethods405WithAllow) {
  auto missing = get("/api/v1/nothing-here");
  expect_problem(missing, 404);
  auto wrong = request(port(), "DELETE", "/api/v1/meta");
  expect_problem(wrong, 405);
  EXPECT_EQ(wrong.header("allow"), "GET, HEAD, OPTIONS");
  auto options = request(port(), "OPTIONS", "/api/v1/meta/pings");
  EXPECT_EQ(options.status, 204);
  EXPECT_EQ(options.header("allow"), "OPTIONS, POST");
}

TEST_F(HttpApi, HeadMirrorsGetWithoutABody) {
  auto full = get("/healthz");
  auto head = request(port(), "HEAD", "/healthz");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("content-length"), std::to_string(full.body.size()));
}

TEST_F(HttpApi, EveryResponseCarriesSecurityHeadersAndARequestId) {
  for (auto* target : {"/api/v1/meta", "/nothing", "/api/v1/meta/echo"}) {
    auto response = get(target);
    EXPECT_EQ(response.header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(response.header("referrer-policy"), "no-referrer") << target;
    EXPECT_EQ(response.header("x-request-id").size(), 16u) << target;
    EXPECT_FALSE(response.header("date").empty());
  }
  auto traced = get("/healthz", {{"X-Request-Id", "trace-123"}});
  EXPECT_EQ(traced.header("x-request-id"), "trace-123");
}

TEST_F(HttpApi, ServesTheOpenApiDocument) {
  auto response = get("/openapi.json");
  ASSERT_EQ(response.status, 200);
  auto document = response.json().as_object();
  EXPECT_EQ(document.at("openapi"), "3.1.0");
  EXPECT_TRUE(document.at("paths").as_object().contains("/api/v1/meta"));
}

TEST_F(HttpApi, AccessLogIsOneJsonObjectALine) {
  get("/api/v1/meta", {{"X-Request-Id", "access-log-probe"}});
  // The access log is flushed once a second.
  std::string line;
  for (int attempt = 0; attempt < 40 && line.empty(); ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::istringstream lines(server->access_log());
    for (std::string candidate; std::getline(lines, candidate);) {
      if (candidate.find("access-log-probe") != std::string::npos) line = candidate;
    }
  }
  ASSERT_FALSE(line.empty()) << server->access_log();
  auto entry = boost::json::parse(line).as_object();
  EXPECT_EQ(entry.at("id"), "access-log-probe");
  EXPECT_EQ(entry.at("method"), "GET");
  EXPECT_EQ(entry.at("route"), "/api/v1/meta");
  EXPECT_EQ(entry.at("status"), 200);
  EXPECT_GT(entry.at("bytes").as_int64(), 0);
  EXPECT_GE(entry.at("us").as_int64(), 0);
  EXPECT_TRUE(entry.contains("time"));
}

TEST_F(HttpApi, CorsHeadersOnlyForConfiguredOrigins) {
  // This server has no CORS origins configured.
  auto response = get("/api/v1/meta", {{"Origin", "https://evil.example"}});
  EXPECT_TRUE(response.header("access-control-allow-origin").empty());
}

TEST(HttpApiCors, ConfiguredOriginGetsCorsHeaders) {
  DishaProcess server(fresh_database_url(), {"--cors-origin", "https://app.example"});
  auto response =
      request(server.port(), "GET", "/api/v1/meta", {}, {{"Origin", "https://app.example"}});
  EXPECT_EQ(response.header("access-control-allow-origin"), "https://app.example");
  auto preflight = request(server.port(), "OPTIONS", "/api/v1/meta/pings", {},
                           {{"Origin", "https://app.example"},
                            {"Access-Control-Request-Method", "POST"},
                            {"Access-Control-Request-Headers", "content-type"}});
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(preflight.header("access-control-allow-headers"), "content-type");
}

}  // namespace
}  // namespace disha::test
