#pragma once
// GET /api/v1/{universities,programmes,careers,courses,recruiters,factors}[/{key}]: search,
// filters, sort, cursor pages and facets, answered from the snapshot with ETag/304.
#include "features/catalog/service.hpp"
#include "http/router.hpp"

namespace disha::catalog {

void add_routes(http::Router& router, CatalogService& service);

}  // namespace disha::catalog
