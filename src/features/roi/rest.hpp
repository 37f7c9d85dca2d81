#pragma once
#include "http/router.hpp"
#include "store/worker_pool.hpp"

namespace disha::roi {

// POST /api/v1/roi. The analysis (a Monte Carlo run may take tens of milliseconds) runs on the
// worker pool, never on an I/O thread.
void add_routes(http::Router& router, store::WorkerPool& workers);

}  // namespace disha::roi
