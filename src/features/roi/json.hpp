#pragma once
// The JSON binding of the ROI engine (shape documented in docs/roi.md). Parsing is strict:
// unknown fields, wrong types and malformed values throw disha::Error(unprocessable) naming the
// field by its path ("cost.fee_schedule_inr[2]"); a member set to null counts as absent. Range
// checks belong to the engine (resolve_inputs), which names fields the same way.
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <string_view>

#include "features/roi/model.hpp"

namespace disha::roi {

RoiRequest parse_roi_request(const boost::json::value& body);

// The response; `storage` (e.g. a boost::json::monotonic_resource) holds the whole tree.
boost::json::value to_json(const RoiResult& result, boost::json::storage_ptr storage = {});

// A slab table in the shape of data/tax/*.json; `field` prefixes the paths in errors.
TaxTable parse_tax_table(const boost::json::value& value, std::string_view field);

boost::json::value to_json(const TaxTable& table, boost::json::storage_ptr storage = {});

}  // namespace disha::roi
