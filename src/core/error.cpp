#include "core/error.hpp"

namespace disha {

namespace {
struct ErrorInfo {
  int status;
  std::string_view slug;
  std::string_view title;
};

constexpr ErrorInfo info(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::bad_request:
      return {400, "bad-request", "Bad Request"};
    case ErrorCode::unauthenticated:
      return {401, "unauthenticated", "Unauthorized"};
    case ErrorCode::forbidden:
      return {403, "forbidden", "Forbidden"};
    case ErrorCode::not_found:
      return {404, "not-found", "Not Found"};
    case ErrorCode::method_not_allowed:
      return {405, "method-not-allowed", "Method Not Allowed"};
    case ErrorCode::conflict:
      return {409, "conflict", "Conflict"};
    case ErrorCode::payload_too_large:
      return {413, "payload-too-large", "Content Too Large"};
    case ErrorCode::uri_too_long:
      return {414, "uri-too-long", "URI Too Long"};
    case ErrorCode::unsupported_media_type:
      return {415, "unsupported-media-type", "Unsupported Media Type"};
    case ErrorCode::unprocessable:
      return {422, "validation", "Unprocessable Content"};
    case ErrorCode::too_many_requests:
      return {429, "rate-limited", "Too Many Requests"};
    case ErrorCode::header_too_large:
      return {431, "header-too-large", "Request Header Fields Too Large"};
    case ErrorCode::internal:
      return {500, "internal", "Internal Server Error"};
    case ErrorCode::unavailable:
      return {503, "unavailable", "Service Unavailable"};
  }
  return {500, "internal", "Internal Server Error"};
}
}  // namespace

int http_status(ErrorCode code) noexcept {
  return info(code).status;
}
std::string_view slug(ErrorCode code) noexcept {
  return info(code).slug;
}
std::string_view title(ErrorCode code) noexcept {
  return info(code).title;
}

}  // namespace disha
