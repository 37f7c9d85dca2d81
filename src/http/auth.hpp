#pragma once
// Authentication and authorisation of every request: the session token comes from
// `Authorization: Bearer …` (API clients) or the session cookie (the web UI); an injected
// SessionResolver turns it into a Principal; the matched route's Policy decides.
// Cookie-authenticated writes must also carry the session's CSRF token in X-CSRF-Token: a
// cross-site form or script can make the browser send the cookie, but cannot read the token.
#include <optional>
#include <string>
#include <string_view>

#include "http/middleware.hpp"
#include "http/policy.hpp"

namespace disha::http {

// __Host- makes browsers insist on Secure, Path=/ and no Domain, so no subdomain can plant it.
inline constexpr std::string_view kSessionCookie = "__Host-disha_session";
// Readable by the page's script (not HttpOnly), which echoes it in kCsrfHeader.
inline constexpr std::string_view kCsrfCookie = "__Host-disha_csrf";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// Implemented by the accounts feature; the HTTP layer only knows this interface.
class SessionResolver {
 public:
  virtual ~SessionResolver() = default;
  // The holder of a session token; nullopt when it is unknown, expired or revoked.
  virtual net::awaitable<std::optional<Principal>> resolve(std::string token) = 0;
};

struct SessionToken {
  std::string value;
  bool from_cookie = false;
};
// The token of a request: the Bearer credential when there is one, else the session cookie.
std::optional<SessionToken> session_token(const Request& request);
// The value of one cookie in the Cookie header(s).
std::optional<std::string_view> cookie_value(const Request& request, std::string_view name);

// Resolves the session, enforces the matched route's policy (401 without a valid session, 403
// for the wrong role, an undeclared policy, or a cookie-authenticated write without the CSRF
// token) and sets context.principal. On public routes an invalid session is ignored.
Middleware authenticate(SessionResolver& sessions);

}  // namespace disha::http
