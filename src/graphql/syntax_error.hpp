#pragma once
// Where something is in a GraphQL document, and the error thrown when a document is not valid
// GraphQL syntax (or breaks a parse limit). The GraphQL layer renders it as an error with
// `message` and `locations`; anything that only knows disha::Error still answers 400.
#include <cstdint>
#include <string>

#include "core/error.hpp"

namespace disha::graphql {

// 1-based, as in GraphQL error locations. Columns count Unicode code points, not bytes.
struct SourceLocation {
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend bool operator==(SourceLocation, SourceLocation) = default;
};

class SyntaxError : public Error {
 public:
  // `description` reads as a sentence: "Expected Name, found \"}\"."
  SyntaxError(const std::string& description, SourceLocation location)
      : Error(ErrorCode::bad_request, "Syntax Error: " + description, "query"),
        location_(location) {}

  SourceLocation location() const noexcept { return location_; }

 private:
  SourceLocation location_;
};

}  // namespace disha::graphql
