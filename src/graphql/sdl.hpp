#pragma once
// The schema in the GraphQL schema definition language, printed as graphql-js's printSchema
// prints it (so `printSchema(buildClientSchema(introspection))` of a client gives the same
// text): the schema's own types in declaration order, built-in scalars, introspection types
// and built-in directives left out.
#include <string>

#include "graphql/schema.hpp"

namespace disha::graphql {

std::string print_schema(const Schema& schema);

}  // namespace disha::graphql
