#pragma once
#include "features/finder/service.hpp"
#include "http/router.hpp"

namespace disha::finder {

// GET /api/v1/career-test?form=long|short, POST /api/v1/career-test/responses,
// GET /api/v1/career-test/results/{id}.
void add_routes(http::Router& router, FinderService& service);

}  // namespace disha::finder
