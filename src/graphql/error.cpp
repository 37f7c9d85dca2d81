#include "graphql/error.hpp"

namespace disha::graphql {

namespace json = boost::json;

json::object GraphQLError::to_json() const {
  json::object error;
  error["message"] = message;
  if (!locations.empty()) {
    json::array places;
    for (auto location : locations) places.push_back({{"line", location.line}, {"column", location.column}});
    error["locations"] = std::move(places);
  }
  if (!path.empty()) error["path"] = path;
  if (!extensions.empty()) error["extensions"] = extensions;
  return error;
}

RequestError::RequestError(std::string message, std::vector<SourceLocation> locations, std::string code)
    : errors_{{std::move(message), std::move(locations), {}, {{"code", code}}}} {}

json::array to_json(const std::vector<GraphQLError>& errors) {
  json::array out;
  out.reserve(errors.size());
  for (const auto& error : errors) out.push_back(error.to_json());
  return out;
}

}  // namespace disha::graphql
