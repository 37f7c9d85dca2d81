#pragma once
// JSON renderings of catalogue entities, shared by the REST binding and compare.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <optional>

#include "features/catalog/snapshot.hpp"

namespace disha::catalog {

// A present value, or null.
template <class T>
boost::json::value optional_json(const std::optional<T>& value) {
  if (!value) return nullptr;
  return boost::json::value_from(*value);
}
boost::json::array strings_json(const std::vector<std::string>& items);

// A number as JSON: an integer when it is whole, so 1 is 1 and not 1E0.
boost::json::value number_json(double value);
// A factor value in its type: a number, true/false, or a string; null when absent.
boost::json::value value_json(const FactorDefinition& factor, const FactorValue* value);
// {code, label, group, unit, value, disclosed, qualifier, source_url, verified_on}.
boost::json::object factor_value_json(const FactorDefinition& factor, const FactorValue* value);
boost::json::object factor_json(const FactorDefinition& factor);

// List items: the entity's own fields, plus `values` for the given columns (what the list was
// filtered and sorted by).
// `storage` (a page's monotonic arena) holds the item's tree.
boost::json::object university_json(const Snapshot& snapshot, std::uint32_t index,
                                    std::span<const Column* const> columns = {},
                                    boost::json::storage_ptr storage = {});
boost::json::object programme_json(const Snapshot& snapshot, std::uint32_t index,
                                   std::span<const Column* const> columns = {},
                                   boost::json::storage_ptr storage = {});
// A list page: {items, next_cursor} and, when facets were asked for, total and facets
// ({code: [{value, count}]}), in the items' storage.
boost::json::object list_page_json(boost::json::array items, const ListPage& page);
boost::json::object career_json(const Career& career);
boost::json::object course_json(const Course& course);
boost::json::object recruiter_json(const Recruiter& recruiter);

// Every factor of the entity's kind (a programme's include its university's), disclosed or not.
boost::json::array factor_values_json(const Snapshot& snapshot, EntityKind kind,
                                      std::uint32_t index);

// The GET /{kind}/{key} bodies: the list item plus every factor value with its source, the
// university's programmes, a programme's course and careers, a career's salary bands, skills,
// next careers and recruiters.
boost::json::object university_detail_json(const Snapshot& snapshot, std::uint32_t index);
boost::json::object programme_detail_json(const Snapshot& snapshot, std::uint32_t index);
boost::json::object career_detail_json(const Snapshot& snapshot, std::uint32_t index);

boost::json::array salary_bands_json(const Career& career);
// For other features' results that name a career by "slug": adds its salary bands, up to
// `programmes` programmes leading to it (best placement rate first) and the URL of them all.
// An unknown slug is left as it is.
void add_career_outlook(const Snapshot& snapshot, boost::json::object& career,
                        std::size_t programmes = 3);

}  // namespace disha::catalog
