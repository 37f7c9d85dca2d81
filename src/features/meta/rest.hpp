#pragma once
#include "features/meta/service.hpp"
#include "http/router.hpp"

namespace disha::meta {

// GET /api/v1/meta, GET /api/v1/meta/echo?msg=…, POST /api/v1/meta/pings,
// GET /api/v1/meta/pings/{id}.
void add_routes(http::Router& router, MetaService& service);

}  // namespace disha::meta
