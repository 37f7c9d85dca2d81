#pragma once
// Input coercion (spec §3.5, §3.10, §5.6, §6.1.2, §6.4.1): literals in the document and
// variable values from the request become the JSON the resolvers receive, checked against the
// input type they meet: `Int` only within 32 bits, enums by name, input objects field by field
// with their defaults, a single value where a list is expected wrapped into a list.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "graphql/ast.hpp"
#include "graphql/error.hpp"
#include "graphql/schema.hpp"

namespace disha::graphql {

// A literal of the document as `type` accepts it. `variables` holds the coerced variable
// values; a variable absent from it is an absent value. Throws CoercionError.
boost::json::value coerce_literal(const Type& type, const Value& literal,
                                  const boost::json::object& variables);

// Whether `literal` could be coerced to `type` without knowing the variables (validation's
// "Values of Correct Type"): nullopt when it fits, else the reason. A variable fits anywhere
// here; "All Variable Usages Are Allowed" checks variables.
std::optional<std::string> literal_error(const Type& type, const Value& literal);

// A variable's value from the request as `type` accepts it. Throws CoercionError.
boost::json::value coerce_variable_value(const Type& type, const boost::json::value& value);

// CoerceVariableValues (§6.1.2): every defined variable from `inputs`, with defaults; throws
// RequestError naming the variable (with its definition's location) for a missing or invalid one.
boost::json::object coerce_variables(const Schema& schema, const OperationDefinition& operation,
                                     const boost::json::object& inputs);

// CoerceArgumentValues (§6.4.1) for a field's or directive's arguments. Throws CoercionError
// whose message names the argument.
boost::json::object coerce_arguments(const std::vector<InputValue>& definitions,
                                     const std::vector<Argument>& arguments,
                                     const boost::json::object& variables);

// A JSON value as a GraphQL literal would spell it, for messages and SDL defaults:
// {a: 1, b: [ONE]} — enum values of `type` print bare.
std::string print_input_value(const Type& type, const boost::json::value& value);

}  // namespace disha::graphql
