#pragma once
// The GraphQL schema of the whole application: the roots, the shared JSON scalar, and every
// feature's types and fields, each feature binding its own services.
#include <memory>

#include "features/accounts/service.hpp"
#include "features/catalog/service.hpp"
#include "features/compare/comparison.hpp"
#include "features/finder/service.hpp"
#include "graphql/schema.hpp"
#include "store/worker_pool.hpp"

namespace disha::app {

struct GraphqlServices {
  catalog::CatalogService& catalog;
  compare::DistributionCache& distributions;
  store::WorkerPool& workers;
  finder::FinderService& finder;
  accounts::AccountService& accounts;
};

std::shared_ptr<const graphql::Schema> build_graphql_schema(const GraphqlServices& services);

}  // namespace disha::app
