#pragma once
// Compare in the GraphQL schema, through the same engine and rendering as GET /api/v1/compare.
#include "features/catalog/service.hpp"
#include "features/compare/comparison.hpp"
#include "graphql/schema.hpp"

namespace disha::compare {

void add_graphql(graphql::SchemaBuilder& builder, catalog::CatalogService& catalog,
                 DistributionCache& distributions);

}  // namespace disha::compare
