#pragma once
// The catalogue's vocabulary: universities, their programmes, generic courses, careers and the
// factors learners compare on. Factors are data (see migrations/0004): each has a type, a unit
// and a direction, and its values belong to a university or to a programme (its scope).
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace disha::catalog {

enum class EntityKind { university, programme };
enum class FactorGroup { recognition, fees, learning, outcomes, support };
enum class ValueType { number, boolean, grade, enumeration, text };
enum class Direction { higher_better, lower_better, none };

std::string_view to_string(EntityKind kind) noexcept;
std::string_view to_string(FactorGroup group) noexcept;
std::string_view to_string(ValueType type) noexcept;  // enumeration is "enum"
std::string_view to_string(Direction direction) noexcept;
// Each throws disha::Error (unprocessable, naming `field`) for an unknown name.
EntityKind parse_entity_kind(std::string_view text, std::string_view field);
FactorGroup parse_factor_group(std::string_view text, std::string_view field);
ValueType parse_value_type(std::string_view text, std::string_view field);
Direction parse_direction(std::string_view text, std::string_view field);

inline constexpr FactorGroup kFactorGroups[] = {FactorGroup::recognition, FactorGroup::fees,
                                                FactorGroup::learning, FactorGroup::outcomes,
                                                FactorGroup::support};

struct FactorDefinition {
  std::int64_t id = 0;
  std::string code;  // "naac", "fee", "nirf_rank": also the filter, sort and weight name
  std::string label;
  FactorGroup group = FactorGroup::recognition;
  ValueType type = ValueType::number;
  std::string unit;  // "INR", "months", "%", or empty
  Direction direction = Direction::none;
  EntityKind scope = EntityKind::university;
  // grade: every level, worst first; enum: the allowed values (empty: any value).
  std::vector<std::string> levels;
  std::string description;
  // The entity field the value is computed from ("fee_total_inr"), or empty when values are
  // stored as factor values.
  std::string derived_from;
  int position = 0;

  bool ordered() const noexcept {
    return type == ValueType::number || type == ValueType::boolean || type == ValueType::grade;
  }
};

// One stored factor value with its provenance. number holds numbers and booleans (0/1);
// text holds grades, enum values and text.
struct FactorValue {
  std::string factor_code;
  std::optional<double> number;
  std::optional<std::string> text;
  std::optional<std::string> qualifier;    // "2024-25", "Engineering"
  std::optional<std::string> source_url;   // where the value can be checked
  std::optional<std::string> verified_on;  // YYYY-MM-DD
};

struct University {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::optional<std::string> short_name;
  std::optional<std::string> state;
  std::optional<std::string> city;
  std::optional<std::string> institution_type;
  std::optional<int> year_established;
  std::optional<std::string> website;
  std::vector<std::string> modes;
  bool is_demo = false;
  std::vector<FactorValue> values;
};

struct Programme {
  std::int64_t id = 0;
  std::string slug;
  std::string university_slug;
  std::optional<std::string> course_slug;
  std::string name;
  std::string level;  // UG, PG, diploma
  std::optional<std::string> discipline;
  std::optional<int> duration_months;
  std::optional<std::int64_t> fee_total_inr;
  std::optional<std::int64_t> fee_per_semester_inr;
  std::optional<std::int64_t> emi_from_inr;
  std::string mode;  // online, distance, hybrid, campus
  std::optional<std::string> exam_mode;
  std::optional<std::string> eligibility;
  std::vector<std::string> specialisations;
  std::vector<std::string> career_slugs;
  bool is_demo = false;
  std::vector<FactorValue> values;
};

struct Course {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::string level;
  std::string mode;
  std::optional<std::int64_t> fee_min_inr;
  std::optional<std::int64_t> fee_max_inr;
  bool is_demo = false;
};

struct SalaryBand {
  std::string band;  // "Freshers"
  int years_min = 0;
  std::optional<int> years_max;
  std::int64_t salary_inr = 0;  // a year
  std::string source;
  int year = 0;
};

struct Skill {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::string kind;  // technical or soft
  std::string specification;
};

struct Career {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
  std::string summary;
  std::optional<std::string> onet_soc_code;
  bool is_demo = false;
  std::vector<SalaryBand> salary_bands;
  std::vector<std::string> skill_slugs;
  std::vector<std::string> next_career_slugs;  // career paths from this one
  std::vector<std::string> recruiter_slugs;
};

struct Recruiter {
  std::int64_t id = 0;
  std::string slug;
  std::string name;
};

// Lower-case ASCII words joined by '-': "Indian Institute of Technology Madras" →
// "indian-institute-of-technology-madras". Non-ASCII bytes are dropped.
std::string slugify(std::string_view text);
bool is_slug(std::string_view text) noexcept;

// '|'-separated lists as the schema stores them.
std::vector<std::string> split_list(std::string_view text);
std::string join_list(const std::vector<std::string>& items);

}  // namespace disha::catalog
