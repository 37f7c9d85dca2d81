#pragma once
// The catalogue's admin API (admin role only): POST /api/v1/{universities,programmes,careers,
// factors}, PUT and DELETE on each item, and PUT/DELETE
// /api/v1/{universities,programmes}/{key}/factors/{code} for one factor value. Every field is
// validated (validation.hpp); every change writes an audit entry (who, what, before, after) in
// the same transaction, and the next read sees it.
#include "features/catalog/service.hpp"
#include "http/router.hpp"

namespace disha::catalog {

void add_admin_routes(http::Router& router, CatalogService& service);

}  // namespace disha::catalog
