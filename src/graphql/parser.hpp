#pragma once
// The GraphQL parser for executable documents (spec §2, October 2021): operations (including
// the `{ … }` shorthand), fragments, selections, variables with types and constant defaults,
// directives, arguments and every kind of value.
//
// A document sent for execution may hold only operations and fragments (spec §2.2, "Executable
// Definitions"), so a type-system definition (`type`, `schema`, `extend`, a description …) is
// rejected here, as a SyntaxError naming it, rather than parsed into a tree nobody executes.
//
// The parser faces the internet, so it bounds its work: the source length, the number of tokens
// and the nesting depth are limited, and recursion goes no deeper than that depth.
#include <cstddef>
#include <string>

#include "graphql/ast.hpp"

namespace disha::graphql {

struct ParseLimits {
  std::size_t max_source_bytes = 64 * 1024;
  std::size_t max_tokens = 20'000;
  // Selection sets, list and object values and list types, counted together: `{ a { b } }` is 2
  // deep, and so is `{ a(x: [1]) }`.
  std::size_t max_depth = 64;
};

// Parses an executable document, taking ownership of its source (see ast.hpp for what points
// into it). Throws SyntaxError, at the first error, with its location.
Document parse(std::string source, const ParseLimits& limits = {});

}  // namespace disha::graphql
