#include "http/middleware.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <random>

#include "core/time.hpp"
#include "http/response.hpp"
#include "http/router.hpp"

namespace disha::http {

using field = beast::http::field;

Handler compose(std::vector<Middleware> chain, Handler endpoint) {
  Handler next = std::move(endpoint);
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    next = [middleware = std::move(*it), inner = std::move(next)](Context& context) {
      return middleware(context, inner);
    };
  }
  return next;
}

namespace {

bool valid_request_id(std::string_view id) {
  return !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
  });
}

std::string make_request_id() {
  // Ids need to be unique, not secret: a per-thread generator avoids any shared state.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  auto bits = generator();
  for (auto& c : id) {
    c = kHex[bits & 0xf];
    bits >>= 4;
  }
  return id;
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Header values we echo back must stay plain tokens and commas: nothing that could split headers.
bool safe_header_list(std::string_view value) {
  return value.size() <= 512 && std::all_of(value.begin(), value.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ',' ||
                  c == ' ';
         });
}

}  // namespace

Middleware request_id() {
  return [](Context& context, const Next& next) -> net::awaitable<Response> {
    auto incoming = context.request["X-Request-Id"];
    context.request_id = valid_request_id(incoming) ? std::string(incoming) : make_request_id();
    auto response = co_await next(context);
    response.set("X-Request-Id", context.request_id);
    co_return response;
  };
}

Middleware access_log(std::shared_ptr<spdlog::logger> logger) {
  return
      [logger = std::move(logger)](Context& context, const Next& next) -> net::awaitable<Response> {
        auto response = co_await next(context);
        if (logger) {
          auto elapsed = std::chrono::steady_clock::now() - context.started;
          boost::json::object line;
          line["time"] = disha::utc_timestamp(std::chrono::system_clock::now());
          line["id"] = context.request_id;
          line["method"] = std::string(context.request.method_string());
          line["route"] = context.route;
          line["status"] = response.result_int();
          line["bytes"] = response.body().size();
          line["us"] = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
          logger->info(boost::json::serialize(line));
        }
        co_return response;
      };
}

Middleware metrics(Metrics& metrics) {
  return [&metrics](Context& context, const Next& next) -> net::awaitable<Response> {
    metrics.request_started();
    struct Finished {
      Metrics& metrics;
      ~Finished() { metrics.request_finished(); }
    } finished{metrics};
    auto response = co_await next(context);
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - context.started;
    metrics.observe_request(context.request.method_string(), context.route, response.result_int(),
                            elapsed.count());
    co_return response;
  };
}

Middleware security_headers() {
  return [](Context& context, const Next& next) -> net::awaitable<Response> {
    auto response = co_await next(context);
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    response.set(field::x_frame_options, "DENY");
    // A page that needs a policy of its own (GraphiQL's inline styles) sets it; the rest get
    // the strict default.
    if (response[field::content_type].starts_with("text/html") &&
        response.find("Content-Security-Policy") == response.end()) {
      response.set("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                   "base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    }
    co_return response;
  };
}

Middleware cors(std::vector<std::string> allowed_origins) {
  return [origins = std::move(allowed_origins)](Context& context,
                                                const Next& next) -> net::awaitable<Response> {
    const auto origin = context.request[field::origin];
    const bool listed = !origin.empty() && contains(origins, origin);
    const bool allowed = listed || (!origin.empty() && contains(origins, "*"));
    const auto requested_method = context.request[field::access_control_request_method];
    if (allowed && context.request.method() == Method::options && !requested_method.empty()) {
      auto preflight = empty_response(Status::no_content);
      preflight.set(field::access_control_allow_origin, origin);
      preflight.set(field::access_control_allow_methods,
                    "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      auto headers = context.request[field::access_control_request_headers];
      if (!headers.empty() && safe_header_list(headers)) {
        preflight.set(field::access_control_allow_headers, headers);
      }
      if (listed) preflight.set(field::access_control_allow_credentials, "true");
      preflight.set(field::access_control_max_age, "600");
      preflight.set(field::vary, "Origin");
      context.route = "preflight";
      co_return preflight;
    }
    auto response = co_await next(context);
    if (allowed) {
      response.set(field::access_control_allow_origin, origin);
      response.set(field::access_control_expose_headers, "X-Request-Id, Retry-After, ETag");
      if (listed) response.set(field::access_control_allow_credentials, "true");
      response.set(field::vary, "Origin");
    }
    co_return response;
  };
}

Middleware error_mapper() {
  return [](Context& context, const Next& next) -> net::awaitable<Response> {
    try {
      co_return co_await next(context);
    } catch (const Error& error) {
      if (error.code() == ErrorCode::internal) {
        spdlog::error("request {} failed: {}", context.request_id, error.what());
      }
      co_return problem_response(error, context);
    } catch (const std::exception& failure) {
      spdlog::error("request {} failed: {}", context.request_id, failure.what());
    }
    co_return problem_response(Error(ErrorCode::internal, "unexpected exception"), context);
  };
}

Handler dispatch() {
  return [](Context& context) -> net::awaitable<Response> {
    if (context.protocol_error) throw *context.protocol_error;
    if (context.matched) {
      context.route = context.matched->pattern;
      co_return co_await context.matched->handler(context);
    }
    if (context.allowed.empty()) {
      throw Error(ErrorCode::not_found, "no resource at " + context.path);
    }
    // The path exists: OPTIONS lists what it allows, anything else is the wrong method.
    Response response =
        context.request.method() == Method::options
            ? empty_response(Status::no_content)
            : problem_response(Error(ErrorCode::method_not_allowed,
                                     "this resource does not support " +
                                         std::string(context.request.method_string())),
                               context);
    response.set(field::allow, allow_header(context.allowed));
    co_return response;
  };
}

}  // namespace disha::http
