#include "features/catalog/query.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "core/error.hpp"

namespace disha::catalog {

namespace {

[[noreturn]] void reject(const std::string& parameter, const std::string& message) {
  throw Error(ErrorCode::bad_request, parameter + ": " + message, parameter);
}

std::vector<std::string> split_commas(std::string_view text) {
  std::vector<std::string> items;
  while (true) {
    auto comma = text.find(',');
    items.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

std::string allowed_levels(const Column& column) {
  std::string allowed;
  for (const auto& label : column.labels) allowed += (allowed.empty() ? "" : ", ") + label;
  return allowed;
}

// One filter value in the column's encoding. An enum value no entity has yet gives a code that
// matches nothing, unless the factor fixes its values (then it is an error).
double encode(const Column& column, const std::string& text, const std::string& parameter) {
  switch (column.type) {
    case ValueType::boolean:
      if (text == "true") return 1;
      if (text == "false") return 0;
      reject(parameter, "must be true or false");
    case ValueType::number: {
      double value = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
          !std::isfinite(value)) {
        reject(parameter, "must be a number");
      }
      return value;
    }
    case ValueType::grade:
    case ValueType::enumeration:
    case ValueType::text: {
      if (auto found = column.codes.find(text); found != column.codes.end()) return found->second;
      const bool fixed = column.type == ValueType::grade ||
                         (column.factor != nullptr && !column.factor->levels.empty());
      if (fixed) reject(parameter, "must be one of " + allowed_levels(column));
      return -1;  // no entity has this value
    }
  }
  return -1;
}

const Column& column_for(const Snapshot& snapshot, EntityKind kind, std::string_view code,
                         const std::string& parameter) {
  const auto* column = snapshot.column(code, kind);
  if (column == nullptr) {
    reject(parameter,
           "unknown filter; use a factor code from /api/v1/factors, or state, city, "
           "level, discipline, course, university, demo, career, q, sort, limit, "
           "cursor, facets");
  }
  return *column;
}

}  // namespace

std::size_t parse_limit(const std::string* text) {
  if (text == nullptr) return kDefaultLimit;
  std::size_t limit = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (ec != std::errc() || end != text->data() + text->size() || limit < 1 || limit > kMaxLimit) {
    reject("limit", "must be an integer from 1 to " + std::to_string(kMaxLimit));
  }
  return limit;
}

ListQuery parse_list_query(const Snapshot& snapshot, EntityKind kind, const QueryParams& params) {
  ListQuery query;
  query.kind = kind;
  std::set<std::string> seen;
  const std::string* limit = nullptr;
  const std::string* sort = nullptr;
  const std::string* facets = nullptr;
  for (const auto& [name, value] : params) {
    if (!seen.insert(name).second) reject(name, "given more than once");
    if (name == "q") {
      query.text = value;
    } else if (name == "limit") {
      limit = &value;
    } else if (name == "sort") {
      sort = &value;
    } else if (name == "facets") {
      facets = &value;
    } else if (name == "cursor") {
      query.cursor = value;
    } else if (name == "career" && kind == EntityKind::programme) {
      auto career = snapshot.find_career(value);
      if (!career) reject(name, "no career '" + value + "'");
      query.career_id = snapshot.data().careers[*career].id;
    } else if (name.ends_with("_min") || name.ends_with("_max")) {
      auto code = std::string_view(name).substr(0, name.size() - 4);
      const auto& column = column_for(snapshot, kind, code, name);
      if (!column.ordered())
        reject(name, "is not an ordered factor; filter it with " + std::string(code) + "=…");
      query.filters.push_back(
          Filter{&column,
                 name.ends_with("_min") ? Filter::Op::at_least : Filter::Op::at_most,
                 encode(column, value, name),
                 {},
                 name});
    } else {
      const auto& column = column_for(snapshot, kind, name, name);
      Filter filter{&column, Filter::Op::one_of, 0, {}, name};
      for (const auto& item : split_commas(value))
        filter.values.push_back(encode(column, item, name));
      query.filters.push_back(std::move(filter));
    }
  }
  // Filters on one column side by side (the facet counts rely on it), in a canonical order.
  std::sort(query.filters.begin(), query.filters.end(), [](const Filter& a, const Filter& b) {
    return std::tie(a.column->code, a.parameter) < std::tie(b.column->code, b.parameter);
  });

  query.limit = parse_limit(limit);
  if (sort) {
    std::string_view key = *sort;
    query.sort.descending = key.starts_with('-');
    if (query.sort.descending) key.remove_prefix(1);
    if (key == "relevance") {
      if (query.text.empty()) reject("sort", "relevance needs a search text q");
      query.sort.relevance = true;
      query.sort.descending = !query.sort.descending;  // best first unless "-relevance"
    } else if (key != "name") {
      const auto& column = column_for(snapshot, kind, key, "sort");
      if (!column.ordered()) reject("sort", std::string(key) + " has no order");
      query.sort.column = &column;
    }
  } else if (!query.text.empty()) {
    query.sort.relevance = true;
    query.sort.descending = true;
  }
  if (facets) {
    for (const auto& code : split_commas(*facets)) {
      const auto& column = column_for(snapshot, kind, code, "facets");
      if (!column.facetable()) reject("facets", code + " is not an enum, boolean or grade");
      if (std::find(query.facets.begin(), query.facets.end(), &column) == query.facets.end()) {
        query.facets.push_back(&column);
      }
    }
    if (query.facets.size() > kMaxFacets) {
      reject("facets", "at most " + std::to_string(kMaxFacets) + " facets");
    }
  }
  return query;
}

}  // namespace disha::catalog
