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

#include "http/types.hpp"

namespace disha::http {

struct RouteOptions {
  // Overrides the server's default body limit for this route.
  std::optional<std::size_t> body_limit;
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

// "GET, HEAD, POST": the value of an Allow header.
std::string allow_header(const std::vector<Method>& methods);

}  // namespace disha::http
