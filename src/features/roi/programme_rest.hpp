#pragma once
// GET /api/v1/programmes/{key}/roi?career=…: the ROI analysis with the programme's fee,
// duration and placement rate and the career's salary bands taken from the catalogue, and any
// other input from the query (study_mode, current_salary_inr, loan_amount_inr, …; see
// docs/roi.md). The response says which inputs came from the catalogue and echoes the request
// it implies, so the same analysis can be refined with POST /api/v1/roi.
#include "features/catalog/service.hpp"
#include "http/router.hpp"
#include "store/worker_pool.hpp"

namespace disha::roi {

void add_programme_routes(http::Router& router, store::WorkerPool& workers,
                          catalog::CatalogService& catalog);

}  // namespace disha::roi
