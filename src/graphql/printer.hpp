#pragma once
// Prints a GraphQL tree as canonical text: two-space indentation, one selection a line, `, `
// between arguments and values, strings re-escaped, the `{ … }` shorthand for an anonymous
// query without variables or directives. Parsing the output gives the same tree (locations
// aside), so printed text doubles as a structural comparison and as a normal form for logs.
#include <string>

#include "graphql/ast.hpp"

namespace disha::graphql {

std::string print(const Document& document);
std::string print(const Value& value);  // on one line: `{id: 4, tags: ["a", "b"]}`
std::string print(const TypeReference& type);    // `[Int!]!`

}  // namespace disha::graphql
