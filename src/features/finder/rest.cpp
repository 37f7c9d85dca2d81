#include "features/finder/rest.hpp"

#include "http/json_body.hpp"
#include "http/response.hpp"

namespace disha::finder {

namespace {

constexpr std::string_view kResultsPath = "/api/v1/career-test/results/";

http::Response saved_response(http::Status status, const SavedResult& saved) {
  auto response = http::text_response(status, saved.result_json, http::kJson);
  // A saved result never changes: clients and caches may keep it.
  response.set(boost::beast::http::field::cache_control, "private, max-age=86400, immutable");
  return response;
}

}  // namespace

void add_routes(http::Router& router, FinderService& service) {
  using http::Method;
  using Awaitable = boost::asio::awaitable<http::Response>;
  // The test is open to everyone; saved results are reachable only through their random ids.
  const http::RouteOptions anyone{.policy = http::Policy::public_access()};

  router.add(
      Method::get, "/api/v1/career-test",
      [&service](http::Context& context) -> Awaitable {
        auto response =
            http::json_response(http::Status::ok, service.questionnaire(context.query.get("form")));
        response.set(boost::beast::http::field::cache_control, "public, max-age=3600");
        co_return response;
      },
      anyone);

  router.add(Method::post, "/api/v1/career-test/responses",
             [&service](http::Context& context) -> Awaitable {
               auto body = http::read_json(context);
               auto saved = co_await service.submit(body);
               auto response = saved_response(http::Status::created, saved);
               response.set(boost::beast::http::field::location,
                            std::string(kResultsPath) + saved.id);
               co_return response;
             },
             {.body_limit = 8 * 1024, .policy = http::Policy::public_access()});

  router.add(
      Method::get, "/api/v1/career-test/results/{id}",
      [&service](http::Context& context) -> Awaitable {
        auto saved = co_await service.result(context.param("id"));
        co_return saved_response(http::Status::ok, saved);
      },
      anyone);
}

}  // namespace disha::finder
