#pragma once
// Turns a list endpoint's query parameters into a ListQuery against one snapshot:
//   q=text                      full-text search (ranked; prefixes and typos tolerated)
//   CODE=v1,v2                  equality on an enum, boolean, grade or attribute (state, city,
//                               level, discipline, course, university, demo)
//   CODE_min=x, CODE_max=x      ranges on ordered factors (naac_min=A, fee_max=200000)
//   career=SLUG                 programmes leading to a career
//   sort=CODE or sort=-CODE     any ordered factor, name, or relevance (with q)
//   limit=1..100, cursor=…      keyset pagination
//   facets=CODE,…               disjunctive counts for enum, boolean and grade columns
// Every failure is disha::Error(bad_request) naming the parameter.
#include <string>
#include <utility>
#include <vector>

#include "features/catalog/snapshot.hpp"

namespace disha::catalog {

inline constexpr std::size_t kDefaultLimit = 20;
inline constexpr std::size_t kMaxLimit = 100;
inline constexpr std::size_t kMaxFacets = 10;

using QueryParams = std::vector<std::pair<std::string, std::string>>;

ListQuery parse_list_query(const Snapshot& snapshot, EntityKind kind, const QueryParams& params);

// Shared with the small lists: limit (1..100, default 20).
std::size_t parse_limit(const std::string* text);

}  // namespace disha::catalog
