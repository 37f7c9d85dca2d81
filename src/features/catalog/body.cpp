#include "features/catalog/body.hpp"

#include <boost/json/array.hpp>

#include "core/error.hpp"
#include "features/catalog/json.hpp"

namespace disha::catalog {

namespace json = boost::json;

namespace {

[[noreturn]] void wrong(std::string_view field, std::string_view expected) {
  throw Error(ErrorCode::unprocessable, std::string(field) + " must be " + std::string(expected),
              std::string(field));
}

void only(const json::object& body, std::initializer_list<std::string_view> known,
          std::string_view path = {}) {
  for (const auto& [key, value] : body) {
    if (std::find(known.begin(), known.end(), key) == known.end()) {
      std::string field =
          path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
      throw Error(ErrorCode::unprocessable, field + " is not a known field", field);
    }
  }
}

const json::value* present(const json::object& body, std::string_view key) {
  const auto* value = body.if_contains(key);
  return value == nullptr || value->is_null() ? nullptr : value;
}

std::optional<std::string> optional_string(const json::object& body, std::string_view key) {
  const auto* value = present(body, key);
  if (!value) return std::nullopt;
  if (!value->is_string()) wrong(key, "a string");
  return std::string(value->as_string());
}

std::string required_string(const json::object& body, std::string_view key) {
  auto value = optional_string(body, key);
  if (!value)
    throw Error(ErrorCode::unprocessable, std::string(key) + " is required", std::string(key));
  return *value;
}

template <class T>
std::optional<T> optional_integer(const json::object& body, std::string_view key) {
  const auto* value = present(body, key);
  if (!value) return std::nullopt;
  if (!value->is_int64() && !value->is_uint64()) wrong(key, "a whole number");
  if (value->is_uint64() &&
      value->as_uint64() > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) {
    wrong(key, "a smaller number");
  }
  auto number =
      value->is_int64() ? value->as_int64() : static_cast<std::int64_t>(value->as_uint64());
  if (number < std::numeric_limits<T>::min() || number > std::numeric_limits<T>::max()) {
    wrong(key, "a smaller number");
  }
  return static_cast<T>(number);
}

std::vector<std::string> string_list(const json::object& body, std::string_view key) {
  std::vector<std::string> items;
  const auto* value = present(body, key);
  if (!value) return items;
  if (!value->is_array()) wrong(key, "an array of strings");
  for (const auto& item : value->as_array()) {
    if (!item.is_string()) wrong(key, "an array of strings");
    items.emplace_back(item.as_string());
  }
  return items;
}

std::string slug_for(const json::object& body, std::optional<std::string_view> from_url,
                     const std::string& name) {
  auto in_body = optional_string(body, "slug");
  if (from_url) {
    if (in_body && *in_body != *from_url) wrong("slug", "the slug of the URL (or absent)");
    return std::string(*from_url);
  }
  return in_body ? *in_body : slugify(name);
}

// "values": {"naac": "A+", "ugc_deb": {"value": true, "qualifier": "2025-26", …}}. Codes are
// checked against the factor catalogue by validation, so any code is read here.
std::vector<FactorValue> values_from_json(const json::object& body) {
  std::vector<FactorValue> values;
  const auto* found = present(body, "values");
  if (!found) return values;
  if (!found->is_object()) wrong("values", "an object of factor codes");
  for (const auto& [code, item] : found->as_object()) {
    FactorValue value;
    value.factor_code = std::string(code);
    const std::string field = "values." + std::string(code);
    const json::value* scalar = &item;
    if (item.is_object()) {
      const auto& object = item.as_object();
      only(object, {"value", "qualifier", "source_url", "verified_on"}, field);
      scalar = present(object, "value");
      value.qualifier = optional_string(object, "qualifier");
      value.source_url = optional_string(object, "source_url");
      value.verified_on = optional_string(object, "verified_on");
      if (!scalar) wrong(field + ".value", "given");
    }
    if (scalar->is_bool()) {
      value.number = scalar->as_bool() ? 1 : 0;
    } else if (scalar->is_number()) {
      value.number = scalar->to_number<double>();
    } else if (scalar->is_string()) {
      value.text = std::string(scalar->as_string());
    } else {
      wrong(field, "a number, true/false, a string or an object with value");
    }
    values.push_back(std::move(value));
  }
  return values;
}

json::object values_json(const std::vector<FactorValue>& values) {
  json::object object;
  for (const auto& value : values) object[value.factor_code] = to_json(value);
  return object;
}

}  // namespace

University university_from_json(const json::object& body, std::optional<std::string_view> slug) {
  only(body, {"slug", "name", "short_name", "state", "city", "institution_type", "year_established",
              "website", "modes", "values"});
  University u;
  u.name = required_string(body, "name");
  u.slug = slug_for(body, slug, u.name);
  u.short_name = optional_string(body, "short_name");
  u.state = optional_string(body, "state");
  u.city = optional_string(body, "city");
  u.institution_type = optional_string(body, "institution_type");
  u.year_established = optional_integer<int>(body, "year_established");
  u.website = optional_string(body, "website");
  u.modes = string_list(body, "modes");
  u.values = values_from_json(body);
  return u;
}

Programme programme_from_json(const json::object& body, std::optional<std::string_view> slug) {
  only(body, {"slug", "university", "course", "name", "level", "discipline", "duration_months",
              "fee_total_inr", "fee_per_semester_inr", "emi_from_inr", "mode", "exam_mode",
              "eligibility", "specialisations", "careers", "values"});
  Programme p;
  p.name = required_string(body, "name");
  p.university_slug = required_string(body, "university");
  p.slug = slug_for(body, slug, p.university_slug + " " + p.name);
  p.course_slug = optional_string(body, "course");
  p.level = required_string(body, "level");
  p.discipline = optional_string(body, "discipline");
  p.duration_months = optional_integer<int>(body, "duration_months");
  p.fee_total_inr = optional_integer<std::int64_t>(body, "fee_total_inr");
  p.fee_per_semester_inr = optional_integer<std::int64_t>(body, "fee_per_semester_inr");
  p.emi_from_inr = optional_integer<std::int64_t>(body, "emi_from_inr");
  p.mode = required_string(body, "mode");
  p.exam_mode = optional_string(body, "exam_mode");
  p.eligibility = optional_string(body, "eligibility");
  p.specialisations = string_list(body, "specialisations");
  p.career_slugs = string_list(body, "careers");
  p.values = values_from_json(body);
  return p;
}

Career career_from_json(const json::object& body, std::optional<std::string_view> slug) {
  only(body, {"slug", "name", "summary", "onet_soc_code", "salary_bands", "skills", "next_careers",
              "recruiters"});
  Career c;
  c.name = required_string(body, "name");
  c.slug = slug_for(body, slug, c.name);
  c.summary = optional_string(body, "summary").value_or("");
  c.onet_soc_code = optional_string(body, "onet_soc_code");
  if (const auto* bands = present(body, "salary_bands")) {
    if (!bands->is_array()) wrong("salary_bands", "an array");
    for (const auto& item : bands->as_array()) {
      if (!item.is_object()) wrong("salary_bands", "an array of objects");
      const auto& band = item.as_object();
      only(band, {"band", "years_min", "years_max", "salary_inr", "source", "year"},
           "salary_bands");
      c.salary_bands.push_back(SalaryBand{
          required_string(band, "band"), optional_integer<int>(band, "years_min").value_or(0),
          optional_integer<int>(band, "years_max"),
          optional_integer<std::int64_t>(band, "salary_inr").value_or(-1),
          required_string(band, "source"), optional_integer<int>(band, "year").value_or(0)});
    }
  }
  c.skill_slugs = string_list(body, "skills");
  c.next_career_slugs = string_list(body, "next_careers");
  c.recruiter_slugs = string_list(body, "recruiters");
  return c;
}

FactorDefinition factor_from_json(const json::object& body, std::optional<std::string_view> code) {
  only(body,
       {"code", "label", "group", "type", "unit", "direction", "scope", "levels", "description"});
  FactorDefinition f;
  auto in_body = optional_string(body, "code");
  if (code && in_body && *in_body != *code) wrong("code", "the code of the URL (or absent)");
  f.code = code ? std::string(*code) : in_body.value_or("");
  f.label = required_string(body, "label");
  f.group = parse_factor_group(required_string(body, "group"), "group");
  f.type = parse_value_type(required_string(body, "type"), "type");
  f.unit = optional_string(body, "unit").value_or("");
  f.direction = parse_direction(optional_string(body, "direction").value_or("none"), "direction");
  f.scope = parse_entity_kind(required_string(body, "scope"), "scope");
  f.levels = string_list(body, "levels");
  f.description = optional_string(body, "description").value_or("");
  return f;
}

FactorValue factor_value_from_json(const json::object& body, const FactorDefinition& factor) {
  only(body, {"value", "qualifier", "source_url", "verified_on"});
  json::object wrapped{{factor.code, body}};
  auto values = values_from_json(json::object{{"values", std::move(wrapped)}});
  return values.front();
}

json::object to_json(const FactorValue& value) {
  json::object object{{"qualifier", optional_json(value.qualifier)},
                      {"source_url", optional_json(value.source_url)},
                      {"verified_on", optional_json(value.verified_on)}};
  object["value"] = value.number ? number_json(*value.number) : optional_json(value.text);
  return object;
}

json::object to_json(const University& u) {
  return {{"slug", u.slug},
          {"name", u.name},
          {"short_name", optional_json(u.short_name)},
          {"state", optional_json(u.state)},
          {"city", optional_json(u.city)},
          {"institution_type", optional_json(u.institution_type)},
          {"year_established", optional_json(u.year_established)},
          {"website", optional_json(u.website)},
          {"modes", strings_json(u.modes)},
          {"values", values_json(u.values)}};
}

json::object to_json(const Programme& p) {
  return {{"slug", p.slug},
          {"university", p.university_slug},
          {"course", optional_json(p.course_slug)},
          {"name", p.name},
          {"level", p.level},
          {"discipline", optional_json(p.discipline)},
          {"duration_months", optional_json(p.duration_months)},
          {"fee_total_inr", optional_json(p.fee_total_inr)},
          {"fee_per_semester_inr", optional_json(p.fee_per_semester_inr)},
          {"emi_from_inr", optional_json(p.emi_from_inr)},
          {"mode", p.mode},
          {"exam_mode", optional_json(p.exam_mode)},
          {"eligibility", optional_json(p.eligibility)},
          {"specialisations", strings_json(p.specialisations)},
          {"careers", strings_json(p.career_slugs)},
          {"values", values_json(p.values)}};
}

json::object to_json(const Career& c) {
  json::array bands;
  for (const auto& band : c.salary_bands) {
    bands.push_back({{"band", band.band},
                     {"years_min", band.years_min},
                     {"years_max", optional_json(band.years_max)},
                     {"salary_inr", band.salary_inr},
                     {"source", band.source},
                     {"year", band.year}});
  }
  return {{"slug", c.slug},
          {"name", c.name},
          {"summary", c.summary},
          {"onet_soc_code", optional_json(c.onet_soc_code)},
          {"salary_bands", std::move(bands)},
          {"skills", strings_json(c.skill_slugs)},
          {"next_careers", strings_json(c.next_career_slugs)},
          {"recruiters", strings_json(c.recruiter_slugs)}};
}

}  // namespace disha::catalog
