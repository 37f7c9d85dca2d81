#include "features/finder/onet_data.hpp"

#include <algorithm>
#include <set>

#include "core/error.hpp"
#include "features/finder/tsv.hpp"

namespace disha::finder {
namespace {

constexpr std::string_view occupations_table = "data/onet/occupations.tsv";
constexpr std::string_view careers_table = "data/finder/careers.tsv";
constexpr std::size_t max_title_length = 200;
constexpr std::size_t max_reason_length = 600;
constexpr PerArea<std::string_view> level_columns = {"R", "I", "A", "S", "E", "C"};

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

bool is_slug(std::string_view text) noexcept {
  return !text.empty() && text.front() != '-' && text.back() != '-' &&
         std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || is_digit(c) || c == '-'; });
}

std::string_view bounded_text(const tsv::Row& row, std::size_t column, std::string_view name,
                              std::size_t max_length) {
  const std::string_view text = row.text(column, name);
  if (text.size() > max_length) row.fail(name, "is too long");
  return text;
}

}  // namespace

std::string_view job_zone_name(int job_zone) {
  constexpr std::string_view names[] = {
      "Little or no preparation needed", "Some preparation needed", "Medium preparation needed",
      "Considerable preparation needed", "Extensive preparation needed"};
  if (job_zone < min_job_zone || job_zone > max_job_zone) {
    throw Error(ErrorCode::internal, "job zone out of range");
  }
  return names[job_zone - min_job_zone];
}

bool is_onet_soc_code(std::string_view text) noexcept {
  constexpr std::string_view pattern = "99-9999.99";  // 9 stands for any digit
  return text.size() == pattern.size() &&
         std::equal(text.begin(), text.end(), pattern.begin(),
                    [](char c, char p) { return p == '9' ? is_digit(c) : c == p; });
}

std::vector<Occupation> parse_occupations(std::string_view occupations_tsv) {
  const auto rows = tsv::read(occupations_tsv, occupations_table,
                              {"onet_soc_code", "title", "job_zone", "R", "I", "A", "S", "E", "C"});
  constexpr std::size_t first_level_column = 3;
  std::vector<Occupation> occupations;
  occupations.reserve(rows.size());
  for (const tsv::Row& row : rows) {
    Occupation occupation;
    occupation.code = row.text(0, "onet_soc_code");
    if (!is_onet_soc_code(occupation.code)) row.fail("onet_soc_code", "is not like 15-1252.00");
    // Ascending order makes codes unique and lets lookups use binary search.
    if (!occupations.empty() && occupations.back().code >= occupation.code) {
      row.fail("onet_soc_code", "is not in ascending order");
    }
    occupation.title = bounded_text(row, 1, "title", max_title_length);
    occupation.job_zone = row.integer(2, "job_zone", min_job_zone, max_job_zone);
    for (Area area : all_areas) {
      occupation.levels[index(area)] =
          row.number(first_level_column + index(area), level_columns[index(area)],
                     min_interest_level, max_interest_level);
    }
    occupations.push_back(std::move(occupation));
  }
  return occupations;
}

std::vector<CareerMapping> parse_career_mappings(std::string_view careers_tsv) {
  const auto rows =
      tsv::read(careers_tsv, careers_table, {"slug", "name", "onet_soc_code", "reason"});
  std::vector<CareerMapping> careers;
  std::set<std::string_view> slugs;
  for (const tsv::Row& row : rows) {
    CareerMapping career;
    const std::string_view slug = row.text(0, "slug");
    if (!is_slug(slug)) row.fail("slug", "is not a lowercase slug");
    if (!slugs.insert(slug).second) row.fail("slug", "appears twice");
    career.slug = slug;
    career.name = bounded_text(row, 1, "name", max_title_length);
    career.onet_soc_code = row.text(2, "onet_soc_code");
    if (!is_onet_soc_code(career.onet_soc_code))
      row.fail("onet_soc_code", "is not like 15-1252.00");
    career.reason = bounded_text(row, 3, "reason", max_reason_length);
    careers.push_back(std::move(career));
  }
  return careers;
}

}  // namespace disha::finder
