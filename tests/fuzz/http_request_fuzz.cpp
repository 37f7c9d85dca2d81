// Fuzzes what the server does with a request's bytes before a handler runs: Beast's parser with
// the server's limits, target parsing, routing, and the JSON body reader with its checks. Any
// crash, sanitizer report or exception other than disha::Error is a bug.
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <cstdint>

#include "core/error.hpp"
#include "core/text.hpp"
#include "http/json_body.hpp"
#include "http/router.hpp"
#include "http/target.hpp"

namespace {

using namespace disha;

const http::Router& router() {
  static const http::Router instance = [] {
    http::Router r;
    http::Handler none;
    r.add(http::Method::get, "/api/v1/meta", none);
    r.add(http::Method::get, "/api/v1/meta/pings/{id}", none);
    r.add(http::Method::post, "/api/v1/meta/pings", none, {.body_limit = 4096});
    r.add(http::Method::get, "/api/v1/universities/{slug}/programmes/{id}", none);
    r.add(http::Method::get, "/api/v1/universities/new", none);
    return r;
  }();
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace beast_http = boost::beast::http;
  beast_http::request_parser<beast_http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(64 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (!parser.is_header_done()) return 0;

  http::Context context;
  context.request = parser.release();
  http::parse_target(context, context.request.target(), 8 * 1024);
  if (context.protocol_error) return 0;
  auto match = router().resolve(context.request.method(), context.path);
  for (const auto& [name, value] : match.params.items()) {
    (void)utf8_length(value);
  }
  for (const auto& [name, value] : context.query.items()) {
    try {
      require_text(value, name);
    } catch (const Error&) {
    }
  }
  try {
    auto body = http::read_json_object(context);
    http::reject_unknown_fields(body, {"msg"});
    (void)http::optional_string(body, "msg");
  } catch (const Error&) {
  }
  return 0;
}
