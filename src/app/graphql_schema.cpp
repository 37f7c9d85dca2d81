#include "app/graphql_schema.hpp"

#include "features/accounts/graphql.hpp"
#include "features/catalog/graphql.hpp"
#include "features/compare/graphql.hpp"
#include "features/finder/graphql.hpp"
#include "features/roi/graphql.hpp"
#include "graphql/scalars.hpp"

namespace disha::app {

std::shared_ptr<const graphql::Schema> build_graphql_schema(const GraphqlServices& services) {
  graphql::SchemaBuilder builder;
  builder.object("Query", "Reads: the catalogue, compare, ROI, the career test and the signed-in user.");
  builder.object("Mutation", "Writes: the career test, and the catalogue for admins.");
  builder.scalar("JSON",
                 "Any JSON value. Used where the REST API defines the body (ROI requests, compare tables), so "
                 "both APIs take and give the same documents.",
                 graphql::json_scalar(), "https://www.rfc-editor.org/rfc/rfc8259");
  catalog::add_graphql(builder, services.catalog);
  compare::add_graphql(builder, services.catalog, services.distributions);
  roi::add_graphql(builder, services.workers);
  finder::add_graphql(builder, services.finder);
  accounts::add_graphql(builder, services.accounts);
  return builder.build();
}

}  // namespace disha::app
