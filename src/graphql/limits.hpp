#pragma once
// Limits on what one operation may ask for, checked after validation and before execution so a
// hostile query costs a parse and a walk, never an execution: nesting depth, cost (each field
// counts once per item of every list above it, list lengths taken from their size argument,
// such as `first`), aliases, and whether introspection is allowed at all.
#include <boost/json/object.hpp>
#include <cstddef>
#include <cstdint>

#include "graphql/ast.hpp"
#include "graphql/schema.hpp"

namespace disha::graphql {

struct Limits {
  std::size_t max_depth = 12;
  std::uint64_t max_cost = 50'000;
  std::size_t max_aliases = 64;
  bool introspection = true;
};

struct OperationMeasure {
  std::size_t depth = 0;
  std::uint64_t cost = 0;
  std::size_t aliases = 0;
  bool introspection = false;  // selects __schema or __type
};

// Measures a validated operation (fragments expanded, each fragment measured once).
OperationMeasure measure(const Schema& schema, const Document& document, const OperationDefinition& operation,
                         const boost::json::object& variables);

// Throws RequestError (code GRAPHQL_LIMIT_EXCEEDED or INTROSPECTION_DISABLED) when the
// operation exceeds a limit; returns its measure otherwise.
OperationMeasure check_limits(const Schema& schema, const Document& document, const OperationDefinition& operation,
                              const boost::json::object& variables, const Limits& limits);

}  // namespace disha::graphql
