#pragma once
// A GraphQL error as a response carries it (spec §7.1.2): a message, the locations in the
// document it concerns, the response path of the field that raised it (execution only) and
// extensions (`code`, and `field` for invalid input).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <utility>
#include <vector>

#include "graphql/syntax_error.hpp"

namespace disha::graphql {

struct GraphQLError {
  std::string message;
  std::vector<SourceLocation> locations;
  boost::json::array path;  // empty: not raised by a field
  boost::json::object extensions;

  boost::json::object to_json() const;
};

// Errors that stop a request before execution (syntax, validation, limits, variables).
class RequestError : public std::exception {
 public:
  explicit RequestError(std::vector<GraphQLError> errors) : errors_(std::move(errors)) {}
  RequestError(std::string message, std::vector<SourceLocation> locations = {},
               std::string code = "GRAPHQL_VALIDATION_FAILED");
  const char* what() const noexcept override { return errors_.front().message.c_str(); }
  const std::vector<GraphQLError>& errors() const noexcept { return errors_; }

 private:
  std::vector<GraphQLError> errors_;
};

// Why a value does not fit its type: "Int cannot represent non-integer value: 1.5", with the
// path inside the value ("filter.mode") when it is nested.
class CoercionError : public std::exception {
 public:
  CoercionError(std::string message, std::string path = {})
      : message_(std::move(message)), path_(std::move(path)) {}
  const char* what() const noexcept override { return message_.c_str(); }
  const std::string& message() const noexcept { return message_; }
  const std::string& path() const noexcept { return path_; }  // empty: the value itself

 private:
  std::string message_;
  std::string path_;
};

boost::json::array to_json(const std::vector<GraphQLError>& errors);

}  // namespace disha::graphql
