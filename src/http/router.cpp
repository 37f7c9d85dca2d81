#include "http/router.hpp"

#include <algorithm>
#include <boost/url/pct_string_view.hpp>
#include <stdexcept>

namespace disha::http {

namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.empty() || path.front() != '/') return segments;
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

// Path parameters arrive percent-encoded; routing works on the encoded form so that "%2F" inside
// a slug never splits a segment.
std::string decode_segment(std::string_view segment) {
  auto encoded = boost::urls::make_pct_string_view(segment);
  return encoded ? encoded->decode() : std::string(segment);
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// How well a route fits a path: nullopt when it does not, else a score in which earlier literal
// segments weigh more, so `/a/new` beats `/a/{id}` for "/a/new".
std::optional<unsigned long long> fit(const Route& route,
                                      const std::vector<std::string_view>& segments) {
  if (route.segments.size() != segments.size()) return std::nullopt;
  unsigned long long score = 0;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    score <<= 1;
    if (is_parameter(route.segments[i])) {
      if (segments[i].empty()) return std::nullopt;
    } else if (route.segments[i] == segments[i]) {
      score |= 1;
    } else {
      return std::nullopt;
    }
  }
  return score;
}

}  // namespace

void Router::add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route template must start with '/': " + pattern);
  }
  Route route{method, pattern, std::move(handler), options, {}};
  for (auto segment : split_path(pattern)) {
    bool braces = segment.find_first_of("{}") != std::string_view::npos;
    if (braces && !is_parameter(segment)) {
      throw std::invalid_argument("malformed route parameter in " + pattern);
    }
    route.segments.emplace_back(segment);
  }
  if (route.segments.size() > 63) throw std::invalid_argument("route template too deep");
  // `/a/{b}` and `/a/{c}` are the same route: parameter names do not matter.
  auto same_shape = [&route](const Route& other) {
    return std::equal(route.segments.begin(), route.segments.end(), other.segments.begin(),
                      other.segments.end(), [](const std::string& a, const std::string& b) {
                        return a == b || (is_parameter(a) && is_parameter(b));
                      });
  };
  for (const auto& existing : routes_) {
    if (existing.method == method && same_shape(existing)) {
      throw std::invalid_argument("duplicate route " + pattern);
    }
  }
  routes_.push_back(std::move(route));
}

Router::Match Router::resolve(Method method, std::string_view path) const {
  Match match;
  auto segments = split_path(path);
  const Route* best = nullptr;
  unsigned long long best_score = 0;
  const Method wanted = method == Method::head ? Method::get : method;
  for (const auto& route : routes_) {
    auto score = fit(route, segments);
    if (!score) continue;
    if (std::find(match.allowed.begin(), match.allowed.end(), route.method) ==
        match.allowed.end()) {
      match.allowed.push_back(route.method);
    }
    if (route.method == wanted && (!best || *score > best_score)) {
      best = &route;
      best_score = *score;
    }
  }
  if (best) {
    match.route = best;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const auto& segment = best->segments[i];
      if (is_parameter(segment)) {
        match.params.add(segment.substr(1, segment.size() - 2), decode_segment(segments[i]));
      }
    }
    match.allowed.clear();
    return match;
  }
  if (!match.allowed.empty()) {
    if (std::find(match.allowed.begin(), match.allowed.end(), Method::get) != match.allowed.end()) {
      match.allowed.push_back(Method::head);
    }
    match.allowed.push_back(Method::options);
    std::sort(match.allowed.begin(), match.allowed.end(),
              [](Method a, Method b) { return to_string(a) < to_string(b); });
  }
  return match;
}

std::vector<std::string> routes_without_policy(const Router& router) {
  std::vector<std::string> undeclared;
  for (const auto& route : router.routes()) {
    if (!route.options.policy.declared()) {
      undeclared.push_back(std::string(to_string(route.method)) + " " + route.pattern);
    }
  }
  return undeclared;
}

std::string allow_header(const std::vector<Method>& methods) {
  std::string value;
  for (auto method : methods) {
    if (!value.empty()) value += ", ";
    value += to_string(method);
  }
  return value;
}

}  // namespace disha::http
