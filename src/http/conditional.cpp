#include "http/conditional.hpp"

#include <fmt/format.h>

namespace disha::http {

namespace {

std::uint64_t fnv1a(std::uint64_t hash, std::string_view text) {
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash ^ 0xff;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// If-None-Match uses weak comparison: W/"x" matches "x".
bool lists(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    auto comma = header.find(',');
    auto candidate = trim(header.substr(0, comma));
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (candidate == "*" || candidate == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

std::string entity_tag(std::uint64_t content_version, const Request& request) {
  auto hash = fnv1a(0xcbf29ce484222325ULL ^ content_version, request.target());
  hash = fnv1a(hash, request[beast::http::field::accept]);
  return fmt::format("\"{:016x}\"", hash);
}

std::optional<Response> not_modified(const Request& request, std::string_view etag,
                                     std::string_view cache_control) {
  auto header = request[beast::http::field::if_none_match];
  if (header.empty() || !lists(header, etag)) return std::nullopt;
  Response response{Status::not_modified, 11};
  set_validators(response, etag, cache_control);
  return response;
}

void set_validators(Response& response, std::string_view etag, std::string_view cache_control) {
  response.set(beast::http::field::etag, etag);
  response.set(beast::http::field::cache_control, cache_control);
}

}  // namespace disha::http
