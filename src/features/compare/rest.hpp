#pragma once
// GET /api/v1/compare?universities=a,b[,…] or ?programmes=…[&weights=code:w,…]: the
// comparison as JSON, or as CSV with Accept: text/csv. The URL is the shareable comparison.
#include "features/catalog/service.hpp"
#include "features/compare/comparison.hpp"
#include "http/router.hpp"

namespace disha::compare {

void add_routes(http::Router& router, catalog::CatalogService& catalog,
                DistributionCache& distributions);

}  // namespace disha::compare
