#include "features/catalog/json.hpp"

#include <boost/json/value_from.hpp>
#include <cmath>

namespace disha::catalog {

namespace json = boost::json;

namespace {

json::value column_value_json(const Column& column, double value) {
  if (std::isnan(value)) return nullptr;
  switch (column.type) {
    case ValueType::number:
      return number_json(value);
    case ValueType::boolean:
      return value != 0;
    default:
      return json::string(column.display(value));
  }
}

void add_column_values(json::object& item, const Snapshot& snapshot, EntityKind kind,
                       std::uint32_t index, std::span<const Column* const> columns) {
  if (columns.empty()) return;
  json::object values(item.storage());
  for (const auto* column : columns) {
    values[column->code] = column_value_json(*column, snapshot.value(*column, kind, index));
  }
  item["values"] = std::move(values);
}

json::array slugs_to_json(const Snapshot& snapshot, const std::vector<std::string>& slugs,
                          auto find, auto render) {
  json::array items;
  for (const auto& slug : slugs) {
    if (auto index = (snapshot.*find)(slug)) items.push_back(render(*index));
  }
  return items;
}

}  // namespace

json::array strings_json(const std::vector<std::string>& items) {
  json::array array;
  for (const auto& item : items) array.emplace_back(item);
  return array;
}

json::value number_json(double value) {
  // Whole numbers print as integers (Boost.JSON writes every double in exponent form).
  constexpr double kExact = 9007199254740992.0;  // 2^53
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) <= kExact) {
    return static_cast<std::int64_t>(value);
  }
  return value;
}

json::value value_json(const FactorDefinition& factor, const FactorValue* value) {
  if (value == nullptr) return nullptr;
  if (factor.type == ValueType::boolean)
    return value->number ? json::value(*value->number != 0) : nullptr;
  if (value->number) return number_json(*value->number);
  if (value->text) return json::string(*value->text);
  return nullptr;
}

json::object factor_value_json(const FactorDefinition& factor, const FactorValue* value) {
  return {{"code", factor.code},
          {"label", factor.label},
          {"group", to_string(factor.group)},
          {"unit", factor.unit},
          {"value", value_json(factor, value)},
          {"disclosed", value != nullptr},
          {"qualifier", value ? optional_json(value->qualifier) : nullptr},
          {"source_url", value ? optional_json(value->source_url) : nullptr},
          {"verified_on", value ? optional_json(value->verified_on) : nullptr}};
}

json::object factor_json(const FactorDefinition& factor) {
  return {{"code", factor.code},
          {"label", factor.label},
          {"group", to_string(factor.group)},
          {"type", to_string(factor.type)},
          {"unit", factor.unit},
          {"direction", to_string(factor.direction)},
          {"scope", to_string(factor.scope)},
          {"levels", strings_json(factor.levels)},
          {"description", factor.description},
          {"derived", !factor.derived_from.empty()}};
}

namespace {

// Members written straight into the item's storage: list pages build thousands of these.
template <class T>
void put(json::object& item, std::string_view key, const std::optional<T>& value) {
  if (value) {
    item.emplace(key, *value);
  } else {
    item.emplace(key, nullptr);
  }
}

}  // namespace

json::object university_json(const Snapshot& snapshot, std::uint32_t index,
                             std::span<const Column* const> columns, json::storage_ptr storage) {
  const auto& u = snapshot.data().universities[index];
  json::object item(storage);
  item.reserve(13);
  item.emplace("id", u.id);
  item.emplace("slug", u.slug);
  item.emplace("name", u.name);
  put(item, "short_name", u.short_name);
  put(item, "state", u.state);
  put(item, "city", u.city);
  put(item, "institution_type", u.institution_type);
  put(item, "year_established", u.year_established);
  put(item, "website", u.website);
  json::array modes(storage);
  for (const auto& mode : u.modes) modes.emplace_back(mode);
  item.emplace("modes", std::move(modes));
  item.emplace("programme_count", snapshot.programmes_of(index).size());
  item.emplace("is_demo", u.is_demo);
  add_column_values(item, snapshot, EntityKind::university, index, columns);
  return item;
}

json::object programme_json(const Snapshot& snapshot, std::uint32_t index,
                            std::span<const Column* const> columns, json::storage_ptr storage) {
  const auto& p = snapshot.data().programmes[index];
  const auto& u = snapshot.data().universities[snapshot.university_of(index)];
  json::object item(storage);
  item.reserve(14);
  item.emplace("id", p.id);
  item.emplace("slug", p.slug);
  item.emplace("name", p.name);
  item.emplace("level", p.level);
  put(item, "discipline", p.discipline);
  item.emplace("mode", p.mode);
  put(item, "exam_mode", p.exam_mode);
  put(item, "duration_months", p.duration_months);
  put(item, "fee_total_inr", p.fee_total_inr);
  put(item, "fee_per_semester_inr", p.fee_per_semester_inr);
  put(item, "emi_from_inr", p.emi_from_inr);
  item.emplace("is_demo", p.is_demo);
  json::object university(storage);
  university.reserve(4);
  university.emplace("slug", u.slug);
  university.emplace("name", u.name);
  put(university, "state", u.state);
  put(university, "city", u.city);
  item.emplace("university", std::move(university));
  add_column_values(item, snapshot, EntityKind::programme, index, columns);
  return item;
}

json::object career_json(const Career& career) {
  return {{"id", career.id},
          {"slug", career.slug},
          {"name", career.name},
          {"summary", career.summary},
          {"onet_soc_code", optional_json(career.onet_soc_code)},
          {"is_demo", career.is_demo}};
}

json::object course_json(const Course& course) {
  return {{"id", course.id},
          {"slug", course.slug},
          {"name", course.name},
          {"level", course.level},
          {"mode", course.mode},
          {"fee_min_inr", optional_json(course.fee_min_inr)},
          {"fee_max_inr", optional_json(course.fee_max_inr)},
          {"is_demo", course.is_demo}};
}

json::object recruiter_json(const Recruiter& recruiter) {
  return {{"id", recruiter.id}, {"slug", recruiter.slug}, {"name", recruiter.name}};
}

json::array factor_values_json(const Snapshot& snapshot, EntityKind kind, std::uint32_t index) {
  json::array values;
  for (const auto& factor : snapshot.data().factors) {
    if (!Snapshot::applies(factor, kind)) continue;
    auto value = snapshot.factor_value(kind, index, factor);
    values.push_back(factor_value_json(factor, value ? &*value : nullptr));
  }
  return values;
}

json::object university_detail_json(const Snapshot& snapshot, std::uint32_t index) {
  auto body = university_json(snapshot, index);
  body["factors"] = factor_values_json(snapshot, EntityKind::university, index);
  json::array programmes;
  for (auto p : snapshot.programmes_of(index)) programmes.push_back(programme_json(snapshot, p));
  body["programmes"] = std::move(programmes);
  return body;
}

json::object programme_detail_json(const Snapshot& snapshot, std::uint32_t index) {
  const auto& data = snapshot.data();
  const auto& p = data.programmes[index];
  auto body = programme_json(snapshot, index);
  body["eligibility"] = p.eligibility ? json::value(*p.eligibility) : nullptr;
  body["specialisations"] = strings_json(p.specialisations);
  body["course"] = nullptr;
  if (p.course_slug) {
    if (auto course = snapshot.find_course(*p.course_slug)) {
      body["course"] = course_json(data.courses[*course]);
    }
  }
  body["careers"] = slugs_to_json(snapshot, p.career_slugs, &Snapshot::find_career,
                                  [&](std::uint32_t i) { return career_json(data.careers[i]); });
  body["factors"] = factor_values_json(snapshot, EntityKind::programme, index);
  return body;
}

json::array salary_bands_json(const Career& career) {
  json::array bands;
  for (const auto& band : career.salary_bands) {
    bands.push_back({{"band", band.band},
                     {"years_min", band.years_min},
                     {"years_max", band.years_max ? json::value(*band.years_max) : nullptr},
                     {"salary_inr", band.salary_inr},
                     {"salary_lpa", number_json(static_cast<double>(band.salary_inr) / 100000.0)},
                     {"source", band.source},
                     {"year", band.year}});
  }
  return bands;
}

void add_career_outlook(const Snapshot& snapshot, json::object& career, std::size_t programmes) {
  const auto* slug = career.if_contains("slug");
  if (!slug || !slug->is_string()) return;
  auto index = snapshot.find_career(slug->as_string());
  if (!index) return;
  const auto& found = snapshot.data().careers[*index];
  career["salary_bands"] = salary_bands_json(found);
  ListQuery query;
  query.kind = EntityKind::programme;
  query.career_id = found.id;
  query.sort.column = snapshot.column("placement", EntityKind::programme);
  query.sort.descending = true;
  query.limit = programmes;
  json::array items;
  for (auto p : snapshot.list(query).items) items.push_back(programme_json(snapshot, p));
  career["programmes"] = std::move(items);
  career["programmes_url"] = "/api/v1/programmes?career=" + found.slug;
}

json::object career_detail_json(const Snapshot& snapshot, std::uint32_t index) {
  const auto& data = snapshot.data();
  const auto& career = data.careers[index];
  auto body = career_json(career);
  body["salary_bands"] = salary_bands_json(career);
  body["skills"] =
      slugs_to_json(snapshot, career.skill_slugs, &Snapshot::find_skill, [&](std::uint32_t i) {
        const auto& s = data.skills[i];
        return json::object{{"slug", s.slug},
                            {"name", s.name},
                            {"kind", s.kind},
                            {"specification", s.specification}};
      });
  body["next_careers"] = slugs_to_json(
      snapshot, career.next_career_slugs, &Snapshot::find_career, [&](std::uint32_t i) {
        return json::object{{"slug", data.careers[i].slug}, {"name", data.careers[i].name}};
      });
  body["recruiters"] =
      slugs_to_json(snapshot, career.recruiter_slugs, &Snapshot::find_recruiter,
                    [&](std::uint32_t i) { return recruiter_json(data.recruiters[i]); });
  body["programmes_url"] = "/api/v1/programmes?career=" + career.slug;
  return body;
}

boost::json::object list_page_json(boost::json::array items, const ListPage& page) {
  boost::json::object body(items.storage());
  body.emplace("items", std::move(items));
  body.emplace("next_cursor", page.next_cursor ? boost::json::value(*page.next_cursor) : nullptr);
  if (page.total) {
    body["total"] = *page.total;
    boost::json::object facets;
    for (const auto& facet : page.facets) {
      boost::json::array counts;
      for (const auto& count : facet.counts) {
        counts.push_back({{"value", count.value}, {"count", count.count}});
      }
      facets[facet.code] = std::move(counts);
    }
    body["facets"] = std::move(facets);
  }
  return body;
}

}  // namespace disha::catalog
