#pragma once
// The ROI calculator in the GraphQL schema: the same request parser and engine as
// POST /api/v1/roi, run on the worker pool.
#include "graphql/schema.hpp"
#include "store/worker_pool.hpp"

namespace disha::roi {

void add_graphql(graphql::SchemaBuilder& builder, store::WorkerPool& workers);

}  // namespace disha::roi
