#include "http/middleware.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>

#include "http/response.hpp"
#include "http/router.hpp"

namespace disha::http {
namespace {

using field = beast::http::field;

// Runs the handler to completion on a private io_context.
Response run(const Handler& handler, Context& context) {
  net::io_context io;
  std::optional<Response> response;
  std::exception_ptr failure;
  net::co_spawn(io, handler(context), [&](std::exception_ptr e, Response r) {
    failure = e;
    response = std::move(r);
  });
  io.run();
  if (failure) std::rethrow_exception(failure);
  return std::move(*response);
}

Handler throwing(std::function<void()> thrower) {
  return [thrower](Context&) -> net::awaitable<Response> {
    thrower();
    co_return empty_response(Status::ok);
  };
}

boost::json::object problem_of(const Response& response) {
  EXPECT_EQ(response[field::content_type], "application/problem+json");
  return boost::json::parse(response.body()).as_object();
}

TEST(ErrorMapper, MapsDomainErrorsToProblemJson) {
  auto handler =
      compose({error_mapper()},
              throwing([] { throw Error(ErrorCode::unprocessable, "msg is required", "msg"); }));
  Context context;
  context.path = "/api/v1/meta/echo";
  context.request_id = "abc";
  auto response = run(handler, context);
  EXPECT_EQ(response.result_int(), 422);
  auto problem = problem_of(response);
  EXPECT_EQ(problem.at("type"), "/problems/validation");
  EXPECT_EQ(problem.at("title"), "Unprocessable Content");
  EXPECT_EQ(problem.at("status"), 422);
  EXPECT_EQ(problem.at("detail"), "msg is required");
  EXPECT_EQ(problem.at("field"), "msg");
  EXPECT_EQ(problem.at("instance"), "/api/v1/meta/echo");
  EXPECT_EQ(problem.at("request_id"), "abc");
}

TEST(ErrorMapper, HidesUnexpectedExceptionsBehindA500) {
  auto handler = compose({error_mapper()}, throwing([] {
                           throw std::runtime_error("SELECT secret FROM users: disk I/O error");
                         }));
  Context context;
  context.request_id = "req-1";
  auto response = run(handler, context);
  EXPECT_EQ(response.result_int(), 500);
  auto problem = problem_of(response);
  EXPECT_EQ(problem.at("request_id"), "req-1");
  EXPECT_EQ(response.body().find("SELECT"), std::string::npos);
  EXPECT_EQ(response.body().find("disk"), std::string::npos);
}

TEST(ErrorMapper, HidesInternalErrorMessages) {
  auto handler =
      compose({error_mapper()},
              throwing([] { throw Error(ErrorCode::internal, "constraint in table users"); }));
  Context context;
  auto response = run(handler, context);
  EXPECT_EQ(response.result_int(), 500);
  EXPECT_EQ(response.body().find("users"), std::string::npos);
}

TEST(ErrorMapper, SetsRetryAfterFor503) {
  auto handler = compose(
      {error_mapper()}, throwing([] {
        throw Error(ErrorCode::unavailable, "busy").with_retry_after(std::chrono::seconds(3));
      }));
  Context context;
  auto response = run(handler, context);
  EXPECT_EQ(response.result_int(), 503);
  EXPECT_EQ(response[field::retry_after], "3");
}

TEST(Compose, RunsMiddlewaresInOrder) {
  std::string trace;
  auto tag = [&trace](char name) -> Middleware {
    return [&trace, name](Context& context, const Next& next) -> net::awaitable<Response> {
      trace += name;
      auto response = co_await next(context);
      trace += static_cast<char>(std::toupper(name));
      co_return response;
    };
  };
  auto handler = compose({tag('a'), tag('b')}, [&trace](Context&) -> net::awaitable<Response> {
    trace += '*';
    co_return empty_response(Status::ok);
  });
  Context context;
  run(handler, context);
  EXPECT_EQ(trace, "ab*BA");
}

Handler ok_handler() {
  return [](Context&) -> net::awaitable<Response> {
    co_return text_response(Status::ok, "<p>hi</p>", "text/html; charset=utf-8");
  };
}

TEST(RequestId, KeepsAWellFormedIdAndReplacesAHostileOne) {
  auto handler = compose({request_id()}, ok_handler());
  Context good;
  good.request.set("X-Request-Id", "trace-42.a_b");
  EXPECT_EQ(run(handler, good)["X-Request-Id"], "trace-42.a_b");

  Context hostile;
  hostile.request.set("X-Request-Id", "bad id\"<script>");
  auto id = std::string(run(handler, hostile)["X-Request-Id"]);
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);

  Context missing;
  EXPECT_NE(run(handler, missing)["X-Request-Id"], id);
}

TEST(SecurityHeaders, AddsCspOnlyToHtml) {
  Context page;
  auto html = run(compose({security_headers()}, ok_handler()), page);
  EXPECT_EQ(html["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(html["Referrer-Policy"], "no-referrer");
  EXPECT_NE(html["Content-Security-Policy"].find("default-src 'self'"), std::string::npos);

  Context context;
  auto json = run(compose({security_headers()},
                          [](Context&) -> net::awaitable<Response> {
                            co_return json_response(Status::ok, {{"a", 1}});
                          }),
                  context);
  EXPECT_EQ(json["X-Content-Type-Options"], "nosniff");
  EXPECT_TRUE(json["Content-Security-Policy"].empty());
}

TEST(Cors, AllowsOnlyListedOrigins) {
  auto handler = compose({cors({"https://app.example"})}, ok_handler());
  Context listed;
  listed.request.set(field::origin, "https://app.example");
  auto response = run(handler, listed);
  EXPECT_EQ(response[field::access_control_allow_origin], "https://app.example");
  EXPECT_EQ(response[field::access_control_allow_credentials], "true");
  EXPECT_EQ(response[field::vary], "Origin");

  Context stranger;
  stranger.request.set(field::origin, "https://evil.example");
  EXPECT_TRUE(run(handler, stranger)[field::access_control_allow_origin].empty());
}

TEST(Cors, AnswersPreflightForListedOrigins) {
  bool reached = false;
  auto handler =
      compose({cors({"https://app.example"})}, [&reached](Context&) -> net::awaitable<Response> {
        reached = true;
        co_return empty_response(Status::ok);
      });
  Context preflight;
  preflight.request.method(Method::options);
  preflight.request.set(field::origin, "https://app.example");
  preflight.request.set(field::access_control_request_method, "POST");
  preflight.request.set(field::access_control_request_headers, "content-type, x-csrf-token");
  auto response = run(handler, preflight);
  EXPECT_FALSE(reached);
  EXPECT_EQ(response.result_int(), 204);
  EXPECT_EQ(response[field::access_control_allow_headers], "content-type, x-csrf-token");
  EXPECT_NE(response[field::access_control_allow_methods].find("POST"), std::string::npos);
}

TEST(Dispatch, Answers404And405WithAllow) {
  Router router;
  router.add(Method::get, "/things", ok_handler());
  auto endpoint = compose({error_mapper()}, dispatch());

  Context missing;
  missing.path = "/nothing";
  EXPECT_EQ(run(endpoint, missing).result_int(), 404);

  Context wrong;
  wrong.request.method(Method::delete_);
  auto match = router.resolve(Method::delete_, "/things");
  wrong.allowed = match.allowed;
  auto response = run(endpoint, wrong);
  EXPECT_EQ(response.result_int(), 405);
  EXPECT_EQ(response[field::allow], "GET, HEAD, OPTIONS");

  Context options;
  options.request.method(Method::options);
  options.allowed = router.resolve(Method::options, "/things").allowed;
  auto listed = run(endpoint, options);
  EXPECT_EQ(listed.result_int(), 204);
  EXPECT_EQ(listed[field::allow], "GET, HEAD, OPTIONS");
}

TEST(Dispatch, AnswersProtocolErrorsThroughTheChain) {
  auto endpoint = compose({error_mapper()}, dispatch());
  Context context;
  context.protocol_error = Error(ErrorCode::header_too_large, "too big");
  EXPECT_EQ(run(endpoint, context).result_int(), 431);
}

}  // namespace
}  // namespace disha::http
