#pragma once
// Operations endpoints: /healthz, /readyz, /metrics and /openapi.json.
#include <vector>

#include "app/embedded_files.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "store/async_database.hpp"
#include "store/migrations.hpp"

namespace disha::app {

struct OpsDependencies {
  store::AsyncDatabase& database;
  const std::vector<store::Migration>& migrations;
  http::Metrics& metrics;
};

void add_ops_routes(http::Router& router, OpsDependencies dependencies);

}  // namespace disha::app
