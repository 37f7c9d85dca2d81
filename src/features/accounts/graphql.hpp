#pragma once
// The signed-in user in the GraphQL schema: `me`.
#include "features/accounts/service.hpp"
#include "graphql/schema.hpp"

namespace disha::accounts {

void add_graphql(graphql::SchemaBuilder& builder, AccountService& service);

}  // namespace disha::accounts
