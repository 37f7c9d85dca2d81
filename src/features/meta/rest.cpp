#include "features/meta/rest.hpp"

#include <boost/json/object.hpp>
#include <charconv>

#include "http/json_body.hpp"
#include "http/response.hpp"

namespace disha::meta {

namespace {

boost::json::object to_json(const Ping& ping) {
  return {{"id", ping.id}, {"msg", ping.msg}, {"created_at", ping.created_at}};
}

std::int64_t parse_id(std::string_view text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id < 1) {
    throw Error(ErrorCode::unprocessable, "id must be a positive integer", "id");
  }
  return id;
}

}  // namespace

void add_routes(http::Router& router, MetaService& service) {
  using http::Method;
  const http::RouteOptions anyone{.policy = http::Policy::public_access()};
  router.add(
      Method::get, "/api/v1/meta",
      [&service](http::Context&) -> boost::asio::awaitable<http::Response> {
        auto info = co_await service.info();
        co_return http::json_response(http::Status::ok, {{"version", info.version},
                                                         {"database", info.database},
                                                         {"schema_version", info.schema_version},
                                                         {"server_time", info.server_time}});
      },
      anyone);

  router.add(
      Method::get, "/api/v1/meta/echo",
      [](http::Context& context) -> boost::asio::awaitable<http::Response> {
        auto msg = MetaService::echo(context.query.get("msg"));
        co_return http::json_response(http::Status::ok, {{"msg", msg}});
      },
      anyone);

  router.add(Method::post, "/api/v1/meta/pings",
             [&service](http::Context& context) -> boost::asio::awaitable<http::Response> {
               auto body = http::read_json_object(context);
               http::reject_unknown_fields(body, {"msg"});
               auto ping = co_await service.add_ping(http::optional_string(body, "msg"));
               auto response = http::json_response(http::Status::created, to_json(ping));
               response.set(boost::beast::http::field::location,
                            "/api/v1/meta/pings/" + std::to_string(ping.id));
               co_return response;
             },
             {.body_limit = 4096, .policy = http::Policy::public_access()});

  router.add(
      Method::get, "/api/v1/meta/pings/{id}",
      [&service](http::Context& context) -> boost::asio::awaitable<http::Response> {
        auto ping = co_await service.ping(parse_id(context.param("id")));
        co_return http::json_response(http::Status::ok, to_json(ping));
      },
      anyone);
}

}  // namespace disha::meta
