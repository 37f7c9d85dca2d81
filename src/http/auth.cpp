#include "http/auth.hpp"

#include "core/text.hpp"

#include <sodium.h>

#include "http/response.hpp"
#include "http/router.hpp"

namespace disha::http {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool safe_method(Method method) {
  return method == Method::get || method == Method::head || method == Method::options;
}

bool equal_in_constant_time(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Response unauthenticated(const Context& context, std::string message) {
  auto response = problem_response(Error(ErrorCode::unauthenticated, std::move(message)), context);
  response.set(beast::http::field::www_authenticate, "Bearer");
  return response;
}

}  // namespace

std::optional<std::string_view> cookie_value(const Request& request, std::string_view name) {
  auto [first, last] = request.equal_range(beast::http::field::cookie);
  for (auto header = first; header != last; ++header) {
    std::string_view rest = header->value();
    while (!rest.empty()) {
      auto semicolon = rest.find(';');
      auto pair = trim_blanks(rest.substr(0, semicolon));
      rest = semicolon == std::string_view::npos ? std::string_view{} : rest.substr(semicolon + 1);
      auto equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
        return pair.substr(equals + 1);
      }
    }
  }
  return std::nullopt;
}

std::optional<SessionToken> session_token(const Request& request) {
  auto authorization = trim_blanks(request[beast::http::field::authorization]);
  if (authorization.size() > 7 && iequals(authorization.substr(0, 7), "Bearer ")) {
    return SessionToken{std::string(trim_blanks(authorization.substr(7))), false};
  }
  if (auto cookie = cookie_value(request, kSessionCookie); cookie && !cookie->empty()) {
    return SessionToken{std::string(*cookie), true};
  }
  return std::nullopt;
}

Middleware authenticate(SessionResolver& sessions) {
  return [&sessions](Context& context, const Next& next) -> net::awaitable<Response> {
    // Unroutable and unreadable requests end in dispatch() with 404/405/4xx: no session needed.
    if (context.protocol_error || !context.matched) co_return co_await next(context);
    const Policy& policy = context.matched->options.policy;

    std::optional<Principal> principal;
    bool csrf_missing = false;
    auto token = session_token(context.request);
    if (token) {
      principal = co_await sessions.resolve(token->value);
      if (principal && token->from_cookie && !safe_method(context.request.method()) &&
          !equal_in_constant_time(context.request[kCsrfHeader], principal->csrf_token)) {
        csrf_missing = true;
        principal.reset();
      }
    }

    switch (policy.decide(principal ? &*principal : nullptr)) {
      case Policy::Decision::allow:
        break;
      case Policy::Decision::unauthenticated:
        if (csrf_missing) {
          throw Error(ErrorCode::forbidden,
                      "a cookie-authenticated write needs the session's " +
                          std::string(kCsrfHeader) + " header",
                      std::string(kCsrfHeader));
        }
        co_return unauthenticated(context, token ? "the session is invalid, expired or revoked"
                                                 : "sign in to use this resource");
      case Policy::Decision::forbidden:
        throw Error(ErrorCode::forbidden, "you may not use this resource");
    }
    context.principal = std::move(principal);
    co_return co_await next(context);
  };
}

}  // namespace disha::http
