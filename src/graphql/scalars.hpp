#pragma once
// The built-in scalars of spec §3.5 (Int, Float, String, Boolean, ID), coerced as graphql-js
// coerces them, with its messages; and helpers custom scalars share.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graphql/schema.hpp"

namespace disha::graphql {

const std::vector<std::pair<std::string, ScalarCoercion>>& built_in_scalars();
std::string_view built_in_scalar_description(std::string_view name);
bool is_built_in_scalar(std::string_view name);

// The `JSON` custom scalar: any JSON value, in and out (for bodies the REST API defines).
ScalarCoercion json_scalar();

// A JSON value as graphql-js's messages show it: "abc" quoted, 1.5, [1, 2], {a: 1}.
std::string inspect(const boost::json::value& value);
// A literal turned into JSON without a type: numbers as numbers, enum names as strings.
// Variables must have been substituted already (they are an error here).
boost::json::value literal_json(const Value& literal, const boost::json::object& variables);

}  // namespace disha::graphql
