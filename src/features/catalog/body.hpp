#pragma once
// The admin API's request bodies: JSON to catalogue entities (unknown fields, wrong types and
// missing required fields are refused with the field named) and entities back to JSON (for
// responses and the audit trail's before/after).
#include <boost/json/object.hpp>
#include <optional>
#include <string_view>

#include "features/catalog/model.hpp"

namespace disha::catalog {

// `slug` from the URL for PUT (the body may repeat it, not contradict it); for POST a missing
// slug is made from the name.
University university_from_json(const boost::json::object& body,
                                std::optional<std::string_view> slug);
Programme programme_from_json(const boost::json::object& body,
                              std::optional<std::string_view> slug);
Career career_from_json(const boost::json::object& body, std::optional<std::string_view> slug);
FactorDefinition factor_from_json(const boost::json::object& body,
                                  std::optional<std::string_view> code);
// {"value": …, "qualifier", "source_url", "verified_on"} for a factor of the given type.
FactorValue factor_value_from_json(const boost::json::object& body, const FactorDefinition& factor);

boost::json::object to_json(const University& university);
boost::json::object to_json(const Programme& programme);
boost::json::object to_json(const Career& career);
boost::json::object to_json(const FactorValue& value);

}  // namespace disha::catalog
