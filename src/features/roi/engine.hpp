#pragma once
// The ROI engine: pure functions from a request to its analysis. No I/O, no shared state; safe to
// call from any thread. Invalid input throws disha::Error(unprocessable) naming the field by its
// path in the JSON request (e.g. "financing.interest_rate").
#include "features/roi/model.hpp"

namespace disha::roi {

// Validates the request and fills in every default, recording which in Inputs::defaulted.
Inputs resolve_inputs(const RoiRequest& request);

// The whole analysis: scenarios, loan, sensitivity, goal-seek, and the Monte Carlo simulation and
// the anchor method when the request asks for them.
RoiResult compute_roi(const RoiRequest& request);

}  // namespace disha::roi
