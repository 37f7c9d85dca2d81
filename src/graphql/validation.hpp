#pragma once
// Validation of an executable document against a schema (spec §5, October 2021), before any
// execution: every rule of the spec's chapter 5 that applies to queries and mutations. Each
// error names what is wrong the way graphql-js does and carries the locations of the nodes
// involved, so clients and graphql-js see the same verdicts.
#include <vector>

#include "graphql/ast.hpp"
#include "graphql/error.hpp"
#include "graphql/schema.hpp"

namespace disha::graphql {

// All errors found (empty: the document is valid). Stops collecting after `max_errors`.
std::vector<GraphQLError> validate(const Schema& schema, const Document& document,
                                   std::size_t max_errors = 100);

}  // namespace disha::graphql
