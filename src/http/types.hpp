#pragma once
// The vocabulary of the HTTP layer: requests, responses, the per-request context and handlers.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "http/policy.hpp"

namespace disha::http {

struct Route;

namespace beast = boost::beast;
namespace net = boost::asio;

using Request = beast::http::request<beast::http::string_body>;
using Response = beast::http::response<beast::http::string_body>;
using Method = beast::http::verb;
using Status = beast::http::status;

// Ordered name/value pairs; lookups are linear because lists are short.
class Params {
 public:
  void add(std::string name, std::string value) {
    items_.emplace_back(std::move(name), std::move(value));
  }
  // The first value for name, if any.
  std::optional<std::string_view> get(std::string_view name) const;
  std::vector<std::string_view> all(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& items() const noexcept { return items_; }
  bool empty() const noexcept { return items_.empty(); }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct Context {
  Request request;
  std::string path;                 // percent-decoded path of the target
  Params query;                     // percent-decoded query parameters in order
  Params params;                    // path parameters from the matched route template
  std::string route = "unmatched";  // the matched template, for logs and metrics labels
  std::string request_id;
  net::ip::address remote;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  // Set by the server when the request could not be read (431, 413, 414, 400); the pipeline
  // answers it like any other error so it is logged and counted.
  std::optional<Error> protocol_error;
  // Filled in by the server from the router before the body is read (its limit depends on the
  // route): the route that will handle the request, or the methods the path allows.
  const Route* matched = nullptr;
  std::vector<Method> allowed;
  // The signed-in caller, set by the authenticate middleware when the session is valid.
  std::optional<Principal> principal;

  // The path parameter declared in the route template (always present once matched).
  std::string_view param(std::string_view name) const;
};

using Handler = std::function<net::awaitable<Response>(Context&)>;

}  // namespace disha::http
