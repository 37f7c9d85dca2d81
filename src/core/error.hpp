#pragma once
// The one error type of Disha. Domain code throws it; the HTTP layer maps it once to an
// RFC 9457 problem+json response (see http/problem.hpp). Its message is shown to clients for
// every code but `internal`, whose message is only logged.
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace disha {

enum class ErrorCode {
  bad_request,             // 400: malformed syntax or invalid input
  unauthenticated,         // 401
  forbidden,               // 403
  not_found,               // 404
  method_not_allowed,      // 405
  conflict,                // 409: unique key taken, stale state
  payload_too_large,       // 413
  uri_too_long,            // 414
  unsupported_media_type,  // 415
  unprocessable,           // 422: well-formed but semantically invalid
  too_many_requests,       // 429
  header_too_large,        // 431
  internal,                // 500: a bug or an unexpected failure; details never leave the server
  unavailable,             // 503: overloaded or a dependency is down; retry later
};

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string field = {})
      : std::runtime_error(std::move(message)), code_(code), field_(std::move(field)) {}

  ErrorCode code() const noexcept { return code_; }
  // The input field at fault (a JSON pointer-ish name such as "msg" or "body.email"), or empty.
  const std::string& field() const noexcept { return field_; }

  // For 429 and 503: how long the client should wait.
  std::optional<std::chrono::seconds> retry_after() const noexcept { return retry_after_; }
  Error& with_retry_after(std::chrono::seconds delay) {
    retry_after_ = delay;
    return *this;
  }

 private:
  ErrorCode code_;
  std::string field_;
  std::optional<std::chrono::seconds> retry_after_;
};

int http_status(ErrorCode code) noexcept;
// A short, stable, kebab-case name: the last segment of the problem type URI.
std::string_view slug(ErrorCode code) noexcept;
// The RFC 9110 reason phrase, used as the problem title.
std::string_view title(ErrorCode code) noexcept;

}  // namespace disha
