#pragma once
// The JSON rendering of a comparison, shared by GET /api/v1/compare and GraphQL's compare.
#include <boost/json/object.hpp>
#include <string_view>

#include "features/compare/comparison.hpp"

namespace disha::compare {

// `share_url`: the REST URL that gives this comparison again.
boost::json::object comparison_json(const catalog::Snapshot& snapshot, const Comparison& comparison,
                                    std::string_view share_url);

}  // namespace disha::compare
