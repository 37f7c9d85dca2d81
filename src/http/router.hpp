#pragma once
// Method + path-template routing. Templates are literal segments and `{name}` parameters
// (`/api/v1/universities/{slug}`); a literal segment wins over a parameter at the same place.
// A path that matches some route but not the method gives 405 with the allowed methods;
// HEAD is served by every GET route.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/policy.hpp"
#include "http/types.hpp"

namespace disha::http {

// Which rate-limit buckets a route draws from (see http/rate_limit.hpp).
enum class RateClass {
  standard,     // per user when signed in, else per client address
  credentials,  // also the stricter per-address bucket for guessing secrets (login, register)
};

struct RouteOptions {
  // Overrides the server's default body limit for this route.
  // Every member has a default, so designated initialisers may name any subset.
  std::optional<std::size_t> body_limit{};
  // Who may call the route; undeclared refuses everyone (default deny).
  Policy policy{};
  RateClass rate_class = RateClass::standard;
};

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::vector<std::string> segments;  // "{name}" marks a parameter
};

class Router {
 public:
  // Throws std::invalid_argument for a malformed template or a duplicate (method, template).
  void add(Method method, std::string pattern, Handler handler, RouteOptions options = {});

  struct Match {
    const Route* route = nullptr;  // null: see allowed
    Params params;
    // When route is null: the methods the path accepts (empty: no route has this path → 404).
    std::vector<Method> allowed;
  };
  Match resolve(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const noexcept { return routes_; }

 private:
  std::vector<Route> routes_;
};

// Routes that declare no policy (and so refuse every request): "POST /a/b" each.
std::vector<std::string> routes_without_policy(const Router& router);

// "GET, HEAD, POST": the value of an Allow header.
std::string allow_header(const std::vector<Method>& methods);

}  // namespace disha::http
