#include "http/types.hpp"

namespace disha::http {

std::optional<std::string_view> Params::get(std::string_view name) const {
  for (const auto& [key, value] : items_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::vector<std::string_view> Params::all(std::string_view name) const {
  std::vector<std::string_view> values;
  for (const auto& [key, value] : items_) {
    if (key == name) values.push_back(value);
  }
  return values;
}

std::string_view Context::param(std::string_view name) const {
  if (auto value = params.get(name)) return *value;
  throw Error(ErrorCode::internal, "route has no path parameter named " + std::string(name));
}

}  // namespace disha::http
