#include "features/catalog/validation.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"

namespace disha::catalog {

namespace {

[[noreturn]] void invalid(std::string_view field, const std::string& message) {
  throw Error(ErrorCode::unprocessable, std::string(field) + " " + message, std::string(field));
}

void text(std::string_view value, std::string_view field, std::size_t max_chars,
          bool allow_newlines = false) {
  require_text(value, field, TextRule{1, max_chars, allow_newlines});
}
void optional_text(const std::optional<std::string>& value, std::string_view field,
                   std::size_t max_chars) {
  if (value) text(*value, field, max_chars);
}

void slug(std::string_view value, std::string_view field) {
  if (!is_slug(value)) {
    invalid(field, "must be lower-case letters, digits and single dashes (at most 160)");
  }
}

void one_of(std::string_view value, std::initializer_list<std::string_view> allowed,
            std::string_view field) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  std::string list;
  for (auto item : allowed) list += (list.empty() ? "" : ", ") + std::string(item);
  invalid(field, "must be one of " + list);
}

template <class T>
void in_range(const std::optional<T>& value, T low, T high, std::string_view field) {
  if (value && (*value < low || *value > high)) {
    invalid(field, "must be from " + std::to_string(low) + " to " + std::to_string(high));
  }
}

void url(const std::optional<std::string>& value, std::string_view field) {
  if (!value) return;
  text(*value, field, 500);
  if (!value->starts_with("https://") && !value->starts_with("http://")) {
    invalid(field, "must be an http or https URL");
  }
  if (value->find_first_of(" \t\"<>") != std::string::npos) invalid(field, "is not a valid URL");
}

void date(const std::optional<std::string>& value, std::string_view field) {
  if (!value) return;
  const auto& d = *value;
  auto digits = [&](std::size_t from, std::size_t n) {
    return std::all_of(d.begin() + static_cast<std::ptrdiff_t>(from),
                       d.begin() + static_cast<std::ptrdiff_t>(from + n),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  bool shape =
      d.size() == 10 && d[4] == '-' && d[7] == '-' && digits(0, 4) && digits(5, 2) && digits(8, 2);
  if (!shape) invalid(field, "must be a date YYYY-MM-DD");
  int month = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) invalid(field, "must be a real date");
}

void values(const std::vector<FactorValue>& list, EntityKind owner, const FactorLookup& factors) {
  std::set<std::string> seen;
  for (const auto& value : list) {
    const std::string field = "values." + value.factor_code;
    if (!seen.insert(value.factor_code).second) invalid(field, "is given twice");
    validate_value(value, owner, factors, field);
  }
}

void list_items(const std::vector<std::string>& items, std::string_view field,
                std::size_t max_items, std::size_t max_chars) {
  if (items.size() > max_items) {
    invalid(field, "may hold at most " + std::to_string(max_items) + " items");
  }
  for (const auto& item : items) {
    text(item, field, max_chars);
    if (item.find('|') != std::string::npos) invalid(field, "items may not contain '|'");
  }
}

}  // namespace

void validate_value(const FactorValue& value, EntityKind owner, const FactorLookup& factors,
                    std::string_view field) {
  const auto* factor = factors(value.factor_code);
  if (factor == nullptr) invalid(field, "is not a factor");
  if (factor->scope != owner) {
    invalid(field, "belongs to a " + std::string(to_string(factor->scope)) + ", not a " +
                       std::string(to_string(owner)));
  }
  if (!factor->derived_from.empty()) {
    invalid(field, "is computed from the " + factor->derived_from + " field; set that instead");
  }
  switch (factor->type) {
    case ValueType::number:
      if (!value.number || value.text || !std::isfinite(*value.number)) {
        invalid(field, "must be a number");
      }
      break;
    case ValueType::boolean:
      if (!value.number || value.text || (*value.number != 0 && *value.number != 1)) {
        invalid(field, "must be true or false");
      }
      break;
    case ValueType::grade:
    case ValueType::enumeration:
    case ValueType::text:
      if (!value.text || value.number) invalid(field, "must be text");
      text(*value.text, field, 500);
      if ((factor->type == ValueType::grade || !factor->levels.empty()) &&
          std::find(factor->levels.begin(), factor->levels.end(), *value.text) ==
              factor->levels.end()) {
        std::string allowed;
        for (const auto& level : factor->levels) allowed += (allowed.empty() ? "" : ", ") + level;
        invalid(field, "must be one of " + allowed);
      }
      break;
  }
  optional_text(value.qualifier, std::string(field) + ".qualifier", 100);
  url(value.source_url, std::string(field) + ".source_url");
  date(value.verified_on, std::string(field) + ".verified_on");
}

void validate(const University& u, const FactorLookup& factors) {
  text(u.name, "name", 300);
  slug(u.slug, "slug");
  optional_text(u.short_name, "short_name", 60);
  optional_text(u.state, "state", 100);
  optional_text(u.city, "city", 100);
  if (u.institution_type) {
    one_of(*u.institution_type,
           {"central", "state", "deemed", "private", "institute_of_national_importance"},
           "institution_type");
  }
  in_range(u.year_established, 1000, 2100, "year_established");
  url(u.website, "website");
  for (const auto& mode : u.modes)
    one_of(mode, {"online", "distance", "hybrid", "campus"}, "modes");
  values(u.values, EntityKind::university, factors);
}

void validate(const Programme& p, const FactorLookup& factors) {
  text(p.name, "name", 300);
  slug(p.university_slug, "university");
  slug(p.slug, "slug");
  if (p.course_slug) slug(*p.course_slug, "course");
  one_of(p.level, {"UG", "PG", "diploma"}, "level");
  optional_text(p.discipline, "discipline", 100);
  in_range(p.duration_months, 1, 120, "duration_months");
  constexpr std::int64_t kMaxFee = 100'000'000;  // ₹10 crore: far above any real programme
  in_range(p.fee_total_inr, std::int64_t{0}, kMaxFee, "fee_total_inr");
  in_range(p.fee_per_semester_inr, std::int64_t{0}, kMaxFee, "fee_per_semester_inr");
  in_range(p.emi_from_inr, std::int64_t{0}, kMaxFee, "emi_from_inr");
  one_of(p.mode, {"online", "distance", "hybrid", "campus"}, "mode");
  if (p.exam_mode) one_of(*p.exam_mode, {"online", "centre", "hybrid"}, "exam_mode");
  if (p.eligibility) text(*p.eligibility, "eligibility", 1000, true);
  list_items(p.specialisations, "specialisations", 50, 100);
  for (const auto& career : p.career_slugs) slug(career, "careers");
  values(p.values, EntityKind::programme, factors);
}

void validate(const Career& c) {
  text(c.name, "name", 300);
  slug(c.slug, "slug");
  if (!c.summary.empty()) text(c.summary, "summary", 2000, true);
  if (c.onet_soc_code) {
    const auto& code = *c.onet_soc_code;
    bool shape = code.size() == 10 && code[2] == '-' && code[7] == '.' &&
                 std::all_of(code.begin(), code.end(), [](char ch) {
                   return (ch >= '0' && ch <= '9') || ch == '-' || ch == '.';
                 });
    if (!shape) invalid("onet_soc_code", "must look like 15-1252.00");
  }
  for (const auto& band : c.salary_bands) {
    text(band.band, "salary_bands.band", 100);
    if (band.years_min < 0 || band.years_min > 60)
      invalid("salary_bands.years_min", "must be from 0 to 60");
    if (band.years_max && (*band.years_max < band.years_min || *band.years_max > 60)) {
      invalid("salary_bands.years_max", "must be from years_min to 60");
    }
    if (band.salary_inr < 0 || band.salary_inr > 1'000'000'000) {
      invalid("salary_bands.salary_inr", "must be from 0 to 1,000,000,000");
    }
    text(band.source, "salary_bands.source", 500);
    if (band.year < 1900 || band.year > 2100)
      invalid("salary_bands.year", "must be from 1900 to 2100");
  }
}

void validate(const FactorDefinition& f) {
  if (f.code.empty() || f.code.size() > 64 ||
      !std::all_of(f.code.begin(), f.code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      })) {
    invalid("code", "must be 1 to 64 of a-z, 0-9 and _");
  }
  // Codes are also query parameter names: keep the list endpoints' own names free.
  for (std::string_view reserved :
       {"q", "sort", "limit", "cursor", "facets", "career", "state", "city", "level", "discipline",
        "course", "university", "demo", "name", "relevance"}) {
    if (f.code == reserved) invalid("code", "is reserved");
  }
  if (f.code.ends_with("_min") || f.code.ends_with("_max")) {
    invalid("code", "may not end in _min or _max (those name range filters)");
  }
  text(f.label, "label", 200);
  if (f.unit.size() > 30) invalid("unit", "must be at most 30 characters");
  if (!f.description.empty()) text(f.description, "description", 2000, true);
  if (f.type == ValueType::grade && f.levels.size() < 2)
    invalid("levels", "a grade needs two or more levels");
  list_items(f.levels, "levels", 50, 60);
  if (f.direction != Direction::none && !f.ordered()) {
    invalid("direction", "must be none for enum and text factors");
  }
}

}  // namespace disha::catalog
