#pragma once
// The catalogue in the GraphQL schema: universities, programmes and careers with the REST
// lists' search, filters, sorting and cursors (through the same query parser and renderings),
// batched nested lookups, and the admin mutations (the same operations as REST's, admin only).
#include "features/catalog/service.hpp"
#include "graphql/schema.hpp"

namespace disha::catalog {

// Adds the catalogue's types and its fields on Query and Mutation (both declared already).
void add_graphql(graphql::SchemaBuilder& builder, CatalogService& service);

}  // namespace disha::catalog
