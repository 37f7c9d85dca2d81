#pragma once
// Career Finder in the GraphQL schema: the questionnaire, and taking the test (a mutation: the
// result is saved, as POST /api/v1/career-test/responses saves it).
#include "features/finder/service.hpp"
#include "graphql/schema.hpp"

namespace disha::finder {

void add_graphql(graphql::SchemaBuilder& builder, FinderService& service);

}  // namespace disha::finder
