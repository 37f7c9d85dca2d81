#include "app/ops_routes.hpp"

#include <spdlog/spdlog.h>

#include "http/response.hpp"

namespace disha::app {

void add_ops_routes(http::Router& router, OpsDependencies deps) {
  using http::Method;
  using http::Status;
  using Awaitable = boost::asio::awaitable<http::Response>;
  // Probes and scrapers carry no session; keep /metrics off the public network at the proxy.
  const http::RouteOptions anyone{.policy = http::Policy::public_access()};

  router.add(
      Method::get, "/healthz",
      [](http::Context&) -> Awaitable {
        co_return http::json_response(Status::ok, {{"status", "ok"}});
      },
      anyone);

  // Ready when the database answers and its schema is the one this binary expects.
  const int latest = deps.migrations.empty() ? 0 : deps.migrations.back().version;
  router.add(
      Method::get, "/readyz",
      [&database = deps.database, latest](http::Context& context) -> Awaitable {
        int current = -1;
        try {
          current = co_await database.read(store::applied_schema_version);
        } catch (const std::exception& failure) {
          spdlog::warn("readiness check {} failed: {}", context.request_id, failure.what());
        }
        boost::json::object body{{"database", current >= 0 ? "reachable" : "unreachable"},
                                 {"schema_version", current},
                                 {"expected_schema_version", latest}};
        const bool ready = current == latest;
        body["status"] = ready ? "ready" : "not ready";
        auto response = http::json_response(ready ? Status::ok : Status::service_unavailable, body);
        response.set(boost::beast::http::field::cache_control, "no-store");
        co_return response;
      },
      anyone);

  router.add(
      Method::get, "/metrics",
      [&metrics = deps.metrics](http::Context&) -> Awaitable {
        co_return http::text_response(Status::ok, metrics.render(),
                                      "text/plain; version=0.0.4; charset=utf-8");
      },
      anyone);

  router.add(
      Method::get, "/openapi.json",
      [document = embedded_file("docs/openapi.json")](http::Context&) -> Awaitable {
        co_return http::text_response(Status::ok, std::string(document), http::kJson);
      },
      anyone);
}

}  // namespace disha::app
