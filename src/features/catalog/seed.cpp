#include "features/catalog/seed.hpp"

#include <boost/json/parse.hpp>
#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "core/csv.hpp"
#include "core/error.hpp"
#include "features/catalog/repository.hpp"

namespace disha::catalog {

namespace {

namespace json = boost::json;

constexpr std::string_view kArticleSource =
    "College Vidya Team, \"Backend Developer: Career, Skills, Salary and Courses\" (2025-07-26)";
constexpr int kArticleYear = 2025;
constexpr std::string_view kNirfYear = "2025";

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    auto tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return fields;
}

// Data lines of a TSV file with a header, as name → field maps, with their line numbers.
std::vector<std::pair<std::size_t, std::map<std::string, std::string>>> read_tsv(
    std::string_view text, std::string_view file) {
  std::vector<std::pair<std::size_t, std::map<std::string, std::string>>> rows;
  std::vector<std::string_view> header;
  std::size_t line_number = 0;
  while (!text.empty()) {
    auto newline = text.find('\n');
    auto line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    auto fields = split_tabs(line);
    if (header.empty()) {
      header = fields;
      continue;
    }
    if (fields.size() != header.size()) {
      throw Error(ErrorCode::unprocessable,
                  std::string(file) + " line " + std::to_string(line_number) + ": expected " +
                      std::to_string(header.size()) + " fields",
                  std::string(file));
    }
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < fields.size(); ++i) row.emplace(header[i], fields[i]);
    rows.emplace_back(line_number, std::move(row));
  }
  return rows;
}

std::int64_t rupees_from_lpa(double lpa) {
  return static_cast<std::int64_t>(std::llround(lpa * 100000.0));
}

std::optional<double> number_field(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string nirf_ranking_page(std::string_view category) {
  // The NIRF site names a category's page by its first word: "Agriculture and Allied Sectors"
  // is AgricultureRanking.html.
  auto first_word = category.substr(0, category.find(' '));
  return "https://www.nirfindia.org/Rankings/" + std::string(kNirfYear) + "/" +
         std::string(first_word) + "Ranking.html";
}

FactorValue nirf_value(std::string code, double number, std::string_view category,
                       std::optional<std::string> qualifier = std::nullopt) {
  FactorValue value;
  value.factor_code = std::move(code);
  value.number = number;
  value.qualifier = qualifier ? qualifier : std::optional<std::string>(std::string(category));
  value.source_url = nirf_ranking_page(category);
  return value;
}

// "UG [4 Years Program(s)]" → level UG, 4 years.
std::pair<std::string, int> programme_type(std::string_view type, std::size_t line) {
  auto space = type.find(' ');
  auto bracket = type.find('[');
  int years = 0;
  if (space != std::string_view::npos && bracket != std::string_view::npos) {
    auto digits = type.substr(bracket + 1);
    std::from_chars(digits.data(), digits.data() + digits.size(), years);
  }
  auto level = std::string(type.substr(0, space));
  if ((level != "UG" && level != "PG") || years < 1 || years > 10) {
    throw Error(ErrorCode::unprocessable,
                "nirf csv line " + std::to_string(line) + ": unknown programme type '" +
                    std::string(type) + "'",
                "nirf_csv");
  }
  return {level, years};
}

void add_nirf_catalogue(CatalogData& seed, std::string_view csv) {
  CsvReader reader(csv);
  auto header = reader.next();
  if (!header) return;
  std::unordered_map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header->fields.size(); ++i) column[header->fields[i]] = i;
  for (const char* required :
       {"ranking_category", "nirf_rank", "institute_name", "state", "city", "overall_score",
        "academic_year", "type", "graduating_on_time", "students_placed", "median_salary"}) {
    if (!column.contains(required)) {
      throw Error(ErrorCode::unprocessable, std::string("nirf csv has no column ") + required,
                  "nirf_csv");
    }
  }

  // An institution is a name at a place: the source puts one name on several institutions in
  // different cities, and spells some names two ways ("Indian Institute of Technology-
  // Jodhpur"), which give one slug. Later institutions sharing a slug add their city to it.
  std::unordered_map<std::string, std::size_t> university_by_key;
  std::set<std::string> slugs_taken;
  std::set<std::string> seen_programmes;
  while (auto record = reader.next()) {
    const auto& f = record->fields;
    if (f.size() != header->fields.size()) continue;
    auto field = [&](const char* name) -> const std::string& { return f[column.at(name)]; };
    const auto& category = field("ranking_category");
    const auto& name = field("institute_name");
    const auto key = slugify(name) + "|" + field("state") + "|" + field("city");
    auto [found, added] = university_by_key.emplace(key, seed.universities.size());
    if (added) {
      University u;
      u.slug = slugify(name);
      if (slugs_taken.contains(u.slug)) u.slug += "-" + slugify(field("city"));
      for (int n = 2; slugs_taken.contains(u.slug); ++n)
        u.slug = slugify(name) + "-" + std::to_string(n);
      slugs_taken.insert(u.slug);
      u.name = name;
      if (!field("state").empty()) u.state = field("state");
      if (!field("city").empty()) u.city = field("city");
      u.modes = {"campus"};
      seed.universities.push_back(std::move(u));
    }
    auto& university = seed.universities[found->second];
    auto rank = number_field(field("nirf_rank"));
    auto score = number_field(field("overall_score"));
    auto current_rank = std::find_if(university.values.begin(), university.values.end(),
                                     [](const auto& v) { return v.factor_code == "nirf_rank"; });
    if (rank && (current_rank == university.values.end() || *rank < *current_rank->number)) {
      // The best rank across categories, with its category and score.
      std::erase_if(university.values,
                    [](const auto& v) { return v.factor_code.starts_with("nirf_"); });
      university.values.push_back(nirf_value("nirf_rank", *rank, category));
      if (score) university.values.push_back(nirf_value("nirf_score", *score, category));
      auto category_value = nirf_value("nirf_category", 0, category);
      category_value.number.reset();
      category_value.text = category;
      category_value.qualifier.reset();
      university.values.push_back(std::move(category_value));
      university.values.push_back(nirf_value("nirf_year", 2025, category));
    }

    auto [level, years] = programme_type(field("type"), record->line);
    Programme p;
    p.university_slug = university.slug;
    p.name = category + ", " + level + " (" + std::to_string(years) +
             (years == 1 ? " year)" : " years)");
    p.slug = university.slug + "-" + slugify(category) + "-" + slugify(level) + "-" +
             std::to_string(years) + "y";
    // The source repeats some (category, institute, type) keys; the first row wins.
    if (!seen_programmes.insert(p.slug).second) continue;
    p.level = level;
    p.discipline = category;
    p.duration_months = years * 12;
    p.mode = "campus";
    const auto cohort = field("academic_year");
    auto graduating = number_field(field("graduating_on_time")).value_or(0);
    auto placed = number_field(field("students_placed")).value_or(0);
    auto salary = number_field(field("median_salary")).value_or(0);
    // Zero means not reported; a placement rate over 100% is a data error, not a value.
    if (graduating > 0) {
      p.values.push_back(nirf_value("graduating_on_time", graduating, category, cohort));
      p.values.push_back(nirf_value("students_placed", placed, category, cohort));
      if (placed <= graduating) {
        p.values.push_back(nirf_value("placement", std::round(placed / graduating * 1000.0) / 10.0,
                                      category, cohort));
      }
    }
    if (salary > 0) p.values.push_back(nirf_value("median_salary", salary, category, cohort));
    seed.programmes.push_back(std::move(p));
  }
}

const json::object& object_at(const json::object& parent, std::string_view key) {
  const auto* value = parent.if_contains(key);
  if (!value || !value->is_object()) {
    throw Error(ErrorCode::unprocessable, "article facts: " + std::string(key) + " missing",
                "article_json");
  }
  return value->as_object();
}
const json::array& array_at(const json::object& parent, std::string_view key) {
  const auto* value = parent.if_contains(key);
  if (!value || !value->is_array()) {
    throw Error(ErrorCode::unprocessable, "article facts: " + std::string(key) + " missing",
                "article_json");
  }
  return value->as_array();
}
std::string string_at(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}
std::optional<double> number_at(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (!value || !value->is_number()) return std::nullopt;
  return value->to_number<double>();
}

void add_article_facts(CatalogData& seed, std::string_view article_json,
                       std::string_view career_codes_tsv) {
  std::map<std::string, std::string> onet_codes;
  for (const auto& [line, row] : read_tsv(career_codes_tsv, "careers_tsv")) {
    onet_codes[row.at("slug")] = row.at("onet_soc_code");
  }
  auto root = json::parse(article_json).as_object();
  const auto main_career = string_at(object_at(root, "article"), "career_slug");

  for (const auto kind : {"technical", "soft"}) {
    for (const auto& item : array_at(object_at(root, "skills"), kind)) {
      const auto& skill = item.as_object();
      seed.skills.push_back(Skill{0, slugify(string_at(skill, "name")), string_at(skill, "name"),
                                  kind, string_at(skill, "spec")});
    }
  }
  for (const auto& item : array_at(root, "recruiters")) {
    std::string name(item.as_string());
    seed.recruiters.push_back(Recruiter{0, slugify(name), name});
  }
  for (const auto& item : array_at(root, "courses")) {
    const auto& course = item.as_object();
    Course c;
    c.name = string_at(course, "name");
    c.slug = slugify(c.name);
    c.level = string_at(course, "level");
    c.mode = string_at(course, "mode");
    if (auto fee = number_at(course, "fee_inr")) {
      c.fee_min_inr = c.fee_max_inr = static_cast<std::int64_t>(*fee);
    } else {
      if (auto low = number_at(course, "fee_inr_min"))
        c.fee_min_inr = static_cast<std::int64_t>(*low);
      if (auto high = number_at(course, "fee_inr_max"))
        c.fee_max_inr = static_cast<std::int64_t>(*high);
    }
    seed.courses.push_back(std::move(c));
  }
  for (const auto& item : array_at(root, "careers")) {
    const auto& career = item.as_object();
    Career c;
    c.slug = string_at(career, "slug");
    c.name = string_at(career, "name");
    c.summary = string_at(career, "summary");
    if (auto code = onet_codes.find(c.slug); code != onet_codes.end())
      c.onet_soc_code = code->second;
    if (auto average = number_at(career, "avg_salary_lpa")) {
      c.salary_bands.push_back(SalaryBand{"Average", 0, std::nullopt, rupees_from_lpa(*average),
                                          std::string(kArticleSource), kArticleYear});
    }
    seed.careers.push_back(std::move(c));
  }
  auto main = std::find_if(seed.careers.begin(), seed.careers.end(),
                           [&](const Career& c) { return c.slug == main_career; });
  if (main == seed.careers.end()) {
    throw Error(ErrorCode::unprocessable, "article facts: the article's career is not listed",
                "article_json");
  }
  for (const auto& item : array_at(root, "backend_developer_salary_by_experience")) {
    const auto& band = item.as_object();
    main->salary_bands.push_back(SalaryBand{
        string_at(band, "band"), static_cast<int>(number_at(band, "years_min").value_or(0)),
        static_cast<int>(number_at(band, "years_max").value_or(0)),
        rupees_from_lpa(number_at(band, "salary_lpa").value_or(0)), std::string(kArticleSource),
        kArticleYear});
  }
  for (const auto& item : array_at(root, "career_paths_from_backend_developer")) {
    main->next_career_slugs.emplace_back(item.as_string());
  }
  for (const auto& skill : seed.skills) main->skill_slugs.push_back(skill.slug);
  for (const auto& recruiter : seed.recruiters) main->recruiter_slugs.push_back(recruiter.slug);
}

}  // namespace

std::vector<FactorDefinition> parse_factors(std::string_view tsv) {
  std::vector<FactorDefinition> factors;
  for (const auto& [line, row] : read_tsv(tsv, "factors_tsv")) {
    FactorDefinition f;
    f.code = row.at("code");
    f.label = row.at("label");
    f.group = parse_factor_group(row.at("group"), "group");
    f.type = parse_value_type(row.at("type"), "type");
    f.unit = row.at("unit");
    f.direction = parse_direction(row.at("direction"), "direction");
    f.scope = parse_entity_kind(row.at("scope"), "scope");
    f.levels = split_list(row.at("levels"));
    f.derived_from = row.at("derived_from");
    f.description = row.at("description");
    f.position = static_cast<int>(factors.size() + 1) * 10;
    factors.push_back(std::move(f));
  }
  return factors;
}

CatalogData parse_seed(const SeedFiles& files) {
  CatalogData seed;
  seed.factors = parse_factors(files.factors_tsv);
  add_article_facts(seed, files.article_json, files.career_codes_tsv);
  add_nirf_catalogue(seed, files.nirf_csv);
  return seed;
}

SeedCounts write_seed(store::Connection& db, const CatalogData& seed) {
  CatalogWriter writer(db);
  for (const auto& factor : seed.factors) writer.upsert_factor(factor);
  for (const auto& skill : seed.skills) writer.upsert_skill(skill);
  for (const auto& recruiter : seed.recruiters) writer.upsert_recruiter(recruiter);
  for (const auto& course : seed.courses) writer.upsert_course(course);
  // Careers first without their paths, so every path's target exists.
  for (auto career : seed.careers) {
    career.next_career_slugs.clear();
    writer.upsert_career(career);
  }
  for (const auto& career : seed.careers) writer.upsert_career(career);
  for (const auto& university : seed.universities) writer.upsert_university(university);
  for (const auto& programme : seed.programmes) writer.upsert_programme(programme);
  writer.bump_revision();
  return SeedCounts{seed.factors.size(), seed.careers.size(), seed.courses.size(),
                    seed.universities.size(), seed.programmes.size()};
}

}  // namespace disha::catalog
