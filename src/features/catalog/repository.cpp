#include "features/catalog/repository.hpp"

#include <thread>

#include "core/error.hpp"
#include "core/time.hpp"

namespace disha::catalog {

namespace {

using store::Row;

std::optional<int> optional_int(const Row& row, std::string_view column) {
  auto value = row.get<std::optional<std::int64_t>>(column);
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

// A row of (owner, factor_id, number_value, text_value, qualifier, source_url, verified_on),
// read by position: a large catalogue has a million of them.
FactorValue read_value(const Row& row, const std::unordered_map<std::int64_t, std::string>& codes) {
  return FactorValue{
      codes.at(row.get<std::int64_t>(1)),     row.get<std::optional<double>>(2),
      row.get<std::optional<std::string>>(3), row.get<std::optional<std::string>>(4),
      row.get<std::optional<std::string>>(5), row.get<std::optional<std::string>>(6)};
}

// Rows of (owner id, slug) into owner id → list of slugs.
std::unordered_map<std::int64_t, std::vector<std::string>> slugs_by_owner(store::Connection& db,
                                                                          std::string_view sql) {
  std::unordered_map<std::int64_t, std::vector<std::string>> links;
  for (const auto& row : db.query(sql)) {
    links[row.get<std::int64_t>(0)].push_back(row.get<std::string>(1));
  }
  return links;
}

constexpr std::string_view kUniversityBySlug = "SELECT id FROM universities WHERE slug = $1";
constexpr std::string_view kProgrammeBySlug = "SELECT id FROM programmes WHERE slug = $1";
constexpr std::string_view kCourseBySlug = "SELECT id FROM courses WHERE slug = $1";
constexpr std::string_view kCareerBySlug = "SELECT id FROM careers WHERE slug = $1";
constexpr std::string_view kSkillBySlug = "SELECT id FROM skills WHERE slug = $1";
constexpr std::string_view kRecruiterBySlug = "SELECT id FROM recruiters WHERE slug = $1";
constexpr std::string_view kUpsertUniversityValue =
    "INSERT INTO university_factor_values (university_id, factor_id, number_value, text_value, "
    "qualifier, source_url, verified_on) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (university_id, factor_id) DO UPDATE SET number_value = excluded.number_value, "
    "text_value = excluded.text_value, qualifier = excluded.qualifier, "
    "source_url = excluded.source_url, verified_on = excluded.verified_on";
constexpr std::string_view kUpsertProgrammeValue =
    "INSERT INTO programme_factor_values (programme_id, factor_id, number_value, text_value, "
    "qualifier, source_url, verified_on) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (programme_id, factor_id) DO UPDATE SET number_value = excluded.number_value, "
    "text_value = excluded.text_value, qualifier = excluded.qualifier, "
    "source_url = excluded.source_url, verified_on = excluded.verified_on";

// Calls fn(low, high) over consecutive id ranges covering [min, max] of `bounds`: a large table is
// read a slice at a time, so a whole result set never sits in memory at once.
template <class Fn>
void for_id_ranges(store::Connection& db, std::string_view bounds, Fn fn) {
  constexpr std::int64_t kSlice = 20'000;
  auto row = db.query(bounds)[0];
  if (row.is_null(0)) return;
  const auto first = row.get<std::int64_t>(0), last = row.get<std::int64_t>(1);
  for (auto low = first; low <= last; low += kSlice) fn(low, std::min(last, low + kSlice - 1));
}

}  // namespace

std::int64_t catalog_revision(store::Connection& db) {
  return db.query("SELECT revision FROM catalog_revision WHERE id = 1")[0].get<std::int64_t>(0);
}

std::vector<FactorDefinition> load_factors(store::Connection& db) {
  std::vector<FactorDefinition> factors;
  for (const auto& row :
       db.query("SELECT id, code, label, factor_group, value_type, unit, direction, scope, levels, "
                "description, derived_from, position FROM factors ORDER BY position, id")) {
    FactorDefinition f;
    f.id = row.get<std::int64_t>("id");
    f.code = row.get<std::string>("code");
    f.label = row.get<std::string>("label");
    f.group = parse_factor_group(row.get<std::string>("factor_group"), "group");
    f.type = parse_value_type(row.get<std::string>("value_type"), "type");
    f.unit = row.get<std::string>("unit");
    f.direction = parse_direction(row.get<std::string>("direction"), "direction");
    f.scope = parse_entity_kind(row.get<std::string>("scope"), "scope");
    f.levels = split_list(row.get<std::string>("levels"));
    f.description = row.get<std::string>("description");
    f.derived_from = row.get<std::optional<std::string>>("derived_from").value_or("");
    f.position = row.get<int>("position");
    factors.push_back(std::move(f));
  }
  return factors;
}

std::vector<std::string> load_slugs(store::Connection& db, std::string_view select_slugs) {
  std::vector<std::string> slugs;
  for (const auto& row : db.query(select_slugs)) slugs.push_back(row.get<std::string>(0));
  return slugs;
}

CatalogData load_catalog(store::Connection& db, store::Connection* second) {
  CatalogData data;
  data.revision = catalog_revision(db);

  data.factors = load_factors(db);
  std::unordered_map<std::int64_t, std::string> factor_codes;
  for (const auto& factor : data.factors) factor_codes.emplace(factor.id, factor.code);

  std::unordered_map<std::int64_t, std::size_t> university_at;
  std::unordered_map<std::int64_t, std::string> university_slug;
  for (const auto& row :
       db.query("SELECT id, slug, name, short_name, state, city, institution_type, "
                "year_established, website, modes, is_demo FROM universities ORDER BY id")) {
    University u;
    u.id = row.get<std::int64_t>("id");
    u.slug = row.get<std::string>("slug");
    u.name = row.get<std::string>("name");
    u.short_name = row.get<std::optional<std::string>>("short_name");
    u.state = row.get<std::optional<std::string>>("state");
    u.city = row.get<std::optional<std::string>>("city");
    u.institution_type = row.get<std::optional<std::string>>("institution_type");
    u.year_established = optional_int(row, "year_established");
    u.website = row.get<std::optional<std::string>>("website");
    u.modes = split_list(row.get<std::string>("modes"));
    u.is_demo = row.get<bool>("is_demo");
    university_at.emplace(u.id, data.universities.size());
    university_slug.emplace(u.id, u.slug);
    data.universities.push_back(std::move(u));
  }
  for_id_ranges(
      db, "SELECT min(id), max(id) FROM universities", [&](std::int64_t low, std::int64_t high) {
        for (const auto& row :
             db.query("SELECT university_id, factor_id, number_value, text_value, qualifier, "
                      "source_url, verified_on FROM university_factor_values "
                      "WHERE university_id BETWEEN $1 AND $2",
                      low, high)) {
          data.universities[university_at.at(row.get<std::int64_t>(0))].values.push_back(
              read_value(row, factor_codes));
        }
      });

  std::unordered_map<std::int64_t, std::string> course_slug;
  for (const auto& row : db.query("SELECT id, slug, name, level, mode, fee_min_inr, fee_max_inr, "
                                  "is_demo FROM courses ORDER BY id")) {
    Course c{row.get<std::int64_t>("id"),
             row.get<std::string>("slug"),
             row.get<std::string>("name"),
             row.get<std::string>("level"),
             row.get<std::string>("mode"),
             row.get<std::optional<std::int64_t>>("fee_min_inr"),
             row.get<std::optional<std::int64_t>>("fee_max_inr"),
             row.get<bool>("is_demo")};
    course_slug.emplace(c.id, c.slug);
    data.courses.push_back(std::move(c));
  }

  auto programme_careers =
      slugs_by_owner(db,
                     "SELECT pc.programme_id, c.slug FROM programme_careers pc "
                     "JOIN careers c ON c.id = pc.career_id ORDER BY pc.programme_id, c.slug");
  std::unordered_map<std::int64_t, std::size_t> programme_at;
  for_id_ranges(
      db, "SELECT min(id), max(id) FROM programmes", [&](std::int64_t low, std::int64_t high) {
        for (const auto& row : db.query(
                 "SELECT id, slug, university_id, course_id, name, level, discipline, "
                 "duration_months, "
                 "fee_total_inr, fee_per_semester_inr, emi_from_inr, mode, exam_mode, eligibility, "
                 "specialisations, is_demo FROM programmes WHERE id BETWEEN $1 AND $2 ORDER BY id",
                 low, high)) {
          Programme p;
          p.id = row.get<std::int64_t>("id");
          p.slug = row.get<std::string>("slug");
          p.university_slug = university_slug.at(row.get<std::int64_t>("university_id"));
          if (auto course = row.get<std::optional<std::int64_t>>("course_id")) {
            p.course_slug = course_slug.at(*course);
          }
          p.name = row.get<std::string>("name");
          p.level = row.get<std::string>("level");
          p.discipline = row.get<std::optional<std::string>>("discipline");
          p.duration_months = optional_int(row, "duration_months");
          p.fee_total_inr = row.get<std::optional<std::int64_t>>("fee_total_inr");
          p.fee_per_semester_inr = row.get<std::optional<std::int64_t>>("fee_per_semester_inr");
          p.emi_from_inr = row.get<std::optional<std::int64_t>>("emi_from_inr");
          p.mode = row.get<std::string>("mode");
          p.exam_mode = row.get<std::optional<std::string>>("exam_mode");
          p.eligibility = row.get<std::optional<std::string>>("eligibility");
          p.specialisations = split_list(row.get<std::string>("specialisations"));
          p.is_demo = row.get<bool>("is_demo");
          if (auto found = programme_careers.find(p.id); found != programme_careers.end()) {
            p.career_slugs = std::move(found->second);
          }
          programme_at.emplace(p.id, data.programmes.size());
          data.programmes.push_back(std::move(p));
        }
      });
  // The largest table. With a second connection, alternate slices are read on another thread:
  // each slice fills other programmes, and the maps it reads are complete by now.
  auto read_values = [&](store::Connection& connection, int part, int parts) {
    int slice = 0;
    for_id_ranges(connection, "SELECT min(id), max(id) FROM programmes",
                  [&](std::int64_t low, std::int64_t high) {
                    if (slice++ % parts != part) return;
                    for (const auto& row : connection.query(
                             "SELECT programme_id, factor_id, number_value, text_value, "
                             "qualifier, source_url, verified_on FROM programme_factor_values "
                             "WHERE programme_id BETWEEN $1 AND $2",
                             low, high)) {
                      data.programmes[programme_at.at(row.get<std::int64_t>(0))].values.push_back(
                          read_value(row, factor_codes));
                    }
                  });
  };
  if (second) {
    std::jthread helper([&] { read_values(*second, 1, 2); });
    read_values(db, 0, 2);
  } else {
    read_values(db, 0, 1);
  }

  for (const auto& row :
       db.query("SELECT id, slug, name, kind, specification FROM skills ORDER BY id")) {
    data.skills.push_back(Skill{row.get<std::int64_t>("id"), row.get<std::string>("slug"),
                                row.get<std::string>("name"), row.get<std::string>("kind"),
                                row.get<std::string>("specification")});
  }
  for (const auto& row : db.query("SELECT id, slug, name FROM recruiters ORDER BY id")) {
    data.recruiters.push_back(Recruiter{row.get<std::int64_t>("id"), row.get<std::string>("slug"),
                                        row.get<std::string>("name")});
  }

  auto skills = slugs_by_owner(db,
                               "SELECT cs.career_id, s.slug FROM career_skills cs "
                               "JOIN skills s ON s.id = cs.skill_id ORDER BY cs.career_id, s.id");
  auto next =
      slugs_by_owner(db,
                     "SELECT p.from_career_id, c.slug FROM career_paths p "
                     "JOIN careers c ON c.id = p.to_career_id ORDER BY p.from_career_id, c.id");
  auto recruiters =
      slugs_by_owner(db,
                     "SELECT cr.career_id, r.slug FROM career_recruiters cr "
                     "JOIN recruiters r ON r.id = cr.recruiter_id ORDER BY cr.career_id, r.id");
  std::unordered_map<std::int64_t, std::size_t> career_at;
  for (const auto& row : db.query(
           "SELECT id, slug, name, summary, onet_soc_code, is_demo FROM careers ORDER BY id")) {
    Career c;
    c.id = row.get<std::int64_t>("id");
    c.slug = row.get<std::string>("slug");
    c.name = row.get<std::string>("name");
    c.summary = row.get<std::string>("summary");
    c.onet_soc_code = row.get<std::optional<std::string>>("onet_soc_code");
    c.is_demo = row.get<bool>("is_demo");
    c.skill_slugs = std::move(skills[c.id]);
    c.next_career_slugs = std::move(next[c.id]);
    c.recruiter_slugs = std::move(recruiters[c.id]);
    career_at.emplace(c.id, data.careers.size());
    data.careers.push_back(std::move(c));
  }
  for (const auto& row : db.query("SELECT career_id, band, years_min, years_max, salary_inr, "
                                  "source, year FROM salary_bands ORDER BY career_id, years_min")) {
    data.careers[career_at.at(row.get<std::int64_t>("career_id"))].salary_bands.push_back(
        SalaryBand{row.get<std::string>("band"), row.get<int>("years_min"),
                   optional_int(row, "years_max"), row.get<std::int64_t>("salary_inr"),
                   row.get<std::string>("source"), row.get<int>("year")});
  }
  return data;
}

std::int64_t CatalogWriter::id_of(std::string_view select_id_by_slug, std::string_view slug,
                                  std::string_view field,
                                  std::unordered_map<std::string, std::int64_t>& cache) {
  std::string key(slug);
  if (auto found = cache.find(key); found != cache.end()) return found->second;
  auto rows = db_.query(select_id_by_slug, key);
  if (rows.empty()) {
    throw Error(ErrorCode::unprocessable, "no " + std::string(field) + " with slug '" + key + "'",
                std::string(field));
  }
  auto id = rows[0].get<std::int64_t>(0);
  cache.emplace(std::move(key), id);
  return id;
}

std::int64_t CatalogWriter::factor_id(const std::string& code) {
  if (auto found = factor_ids_.find(code); found != factor_ids_.end()) return found->second;
  auto rows = db_.query("SELECT id FROM factors WHERE code = $1", code);
  if (rows.empty()) throw Error(ErrorCode::unprocessable, "no factor '" + code + "'", "factor");
  auto id = rows[0].get<std::int64_t>(0);
  factor_ids_.emplace(code, id);
  return id;
}

std::int64_t CatalogWriter::upsert_factor(const FactorDefinition& f) {
  auto id =
      db_.query(
             "INSERT INTO factors (code, label, factor_group, value_type, unit, direction, "
             "scope, levels, description, derived_from, position) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
             "ON CONFLICT (code) DO UPDATE SET label = excluded.label, "
             "factor_group = excluded.factor_group, value_type = excluded.value_type, "
             "unit = excluded.unit, direction = excluded.direction, scope = excluded.scope, "
             "levels = excluded.levels, description = excluded.description, "
             "derived_from = excluded.derived_from, position = excluded.position "
             "RETURNING id",
             f.code, f.label, to_string(f.group), to_string(f.type), f.unit, to_string(f.direction),
             to_string(f.scope), join_list(f.levels), f.description,
             f.derived_from.empty() ? std::optional<std::string>() : f.derived_from, f.position)[0]
          .get<std::int64_t>(0);
  factor_ids_[f.code] = id;
  return id;
}

void CatalogWriter::ensure_factor(const FactorDefinition& f) {
  db_.query(
      "INSERT INTO factors (code, label, factor_group, value_type, unit, direction, scope, levels, "
      "description, derived_from, position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
      "ON CONFLICT (code) DO NOTHING",
      f.code, f.label, to_string(f.group), to_string(f.type), f.unit, to_string(f.direction),
      to_string(f.scope), join_list(f.levels), f.description,
      f.derived_from.empty() ? std::optional<std::string>() : f.derived_from, f.position);
}

void CatalogWriter::put_values(std::string_view upsert_value, std::int64_t id,
                               const std::vector<FactorValue>& values) {
  for (const auto& value : values) {
    db_.query(upsert_value, id, factor_id(value.factor_code), value.number, value.text,
              value.qualifier, value.source_url, value.verified_on);
  }
}

std::int64_t CatalogWriter::upsert_university(const University& u) {
  auto id =
      db_.query(
             "INSERT INTO universities (slug, name, short_name, state, city, institution_type, "
             "year_established, website, modes, is_demo, updated_at) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
             "ON CONFLICT (slug) DO UPDATE SET name = excluded.name, "
             "short_name = excluded.short_name, state = excluded.state, city = excluded.city, "
             "institution_type = excluded.institution_type, "
             "year_established = excluded.year_established, website = excluded.website, "
             "modes = excluded.modes, is_demo = excluded.is_demo, updated_at = excluded.updated_at "
             "RETURNING id",
             u.slug, u.name, u.short_name, u.state, u.city, u.institution_type, u.year_established,
             u.website, join_list(u.modes), u.is_demo,
             utc_timestamp(std::chrono::system_clock::now()))[0]
          .get<std::int64_t>(0);
  university_ids_[u.slug] = id;
  put_values(kUpsertUniversityValue, id, u.values);
  return id;
}

std::int64_t CatalogWriter::upsert_programme(const Programme& p) {
  auto university_id = id_of(kUniversityBySlug, p.university_slug, "university", university_ids_);
  std::optional<std::int64_t> course_id;
  if (p.course_slug) course_id = id_of(kCourseBySlug, *p.course_slug, "course", course_ids_);
  auto id =
      db_.query(
             "INSERT INTO programmes (slug, university_id, course_id, name, level, discipline, "
             "duration_months, fee_total_inr, fee_per_semester_inr, emi_from_inr, mode, "
             "exam_mode, eligibility, specialisations, is_demo, updated_at) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) "
             "ON CONFLICT (slug) DO UPDATE SET university_id = excluded.university_id, "
             "course_id = excluded.course_id, name = excluded.name, level = excluded.level, "
             "discipline = excluded.discipline, duration_months = excluded.duration_months, "
             "fee_total_inr = excluded.fee_total_inr, "
             "fee_per_semester_inr = excluded.fee_per_semester_inr, "
             "emi_from_inr = excluded.emi_from_inr, mode = excluded.mode, "
             "exam_mode = excluded.exam_mode, eligibility = excluded.eligibility, "
             "specialisations = excluded.specialisations, is_demo = excluded.is_demo, "
             "updated_at = excluded.updated_at RETURNING id",
             p.slug, university_id, course_id, p.name, p.level, p.discipline, p.duration_months,
             p.fee_total_inr, p.fee_per_semester_inr, p.emi_from_inr, p.mode, p.exam_mode,
             p.eligibility, join_list(p.specialisations), p.is_demo,
             utc_timestamp(std::chrono::system_clock::now()))[0]
          .get<std::int64_t>(0);
  db_.query("DELETE FROM programme_careers WHERE programme_id = $1", id);
  for (const auto& career : p.career_slugs) {
    db_.query("INSERT INTO programme_careers (programme_id, career_id) VALUES ($1, $2)", id,
              id_of(kCareerBySlug, career, "careers", career_ids_));
  }
  put_values(kUpsertProgrammeValue, id, p.values);
  return id;
}

std::int64_t CatalogWriter::upsert_course(const Course& c) {
  auto id = db_.query(
                   "INSERT INTO courses (slug, name, level, mode, fee_min_inr, fee_max_inr, "
                   "is_demo) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                   "ON CONFLICT (slug) DO UPDATE SET name = excluded.name, level = excluded.level, "
                   "mode = excluded.mode, fee_min_inr = excluded.fee_min_inr, "
                   "fee_max_inr = excluded.fee_max_inr, is_demo = excluded.is_demo RETURNING id",
                   c.slug, c.name, c.level, c.mode, c.fee_min_inr, c.fee_max_inr, c.is_demo)[0]
                .get<std::int64_t>(0);
  course_ids_[c.slug] = id;
  return id;
}

std::int64_t CatalogWriter::upsert_skill(const Skill& s) {
  auto id = db_.query(
                   "INSERT INTO skills (slug, name, kind, specification) VALUES ($1, $2, $3, $4) "
                   "ON CONFLICT (slug) DO UPDATE SET name = excluded.name, kind = excluded.kind, "
                   "specification = excluded.specification RETURNING id",
                   s.slug, s.name, s.kind, s.specification)[0]
                .get<std::int64_t>(0);
  skill_ids_[s.slug] = id;
  return id;
}

std::int64_t CatalogWriter::upsert_recruiter(const Recruiter& r) {
  auto id = db_.query(
                   "INSERT INTO recruiters (slug, name) VALUES ($1, $2) "
                   "ON CONFLICT (slug) DO UPDATE SET name = excluded.name RETURNING id",
                   r.slug, r.name)[0]
                .get<std::int64_t>(0);
  recruiter_ids_[r.slug] = id;
  return id;
}

std::int64_t CatalogWriter::upsert_career(const Career& c, CareerLinks links) {
  auto id = db_.query(
                   "INSERT INTO careers (slug, name, summary, onet_soc_code, is_demo) "
                   "VALUES ($1, $2, $3, $4, $5) "
                   "ON CONFLICT (slug) DO UPDATE SET name = excluded.name, "
                   "summary = excluded.summary, onet_soc_code = excluded.onet_soc_code, "
                   "is_demo = excluded.is_demo RETURNING id",
                   c.slug, c.name, c.summary, c.onet_soc_code, c.is_demo)[0]
                .get<std::int64_t>(0);
  career_ids_[c.slug] = id;
  if (links == CareerLinks::keep) return id;
  db_.query("DELETE FROM salary_bands WHERE career_id = $1", id);
  for (const auto& band : c.salary_bands) {
    db_.query(
        "INSERT INTO salary_bands (career_id, band, years_min, years_max, salary_inr, source, "
        "year) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        id, band.band, band.years_min, band.years_max, band.salary_inr, band.source, band.year);
  }
  db_.query("DELETE FROM career_skills WHERE career_id = $1", id);
  for (const auto& skill : c.skill_slugs) {
    db_.query("INSERT INTO career_skills (career_id, skill_id) VALUES ($1, $2)", id,
              id_of(kSkillBySlug, skill, "skills", skill_ids_));
  }
  db_.query("DELETE FROM career_recruiters WHERE career_id = $1", id);
  for (const auto& recruiter : c.recruiter_slugs) {
    db_.query("INSERT INTO career_recruiters (career_id, recruiter_id) VALUES ($1, $2)", id,
              id_of(kRecruiterBySlug, recruiter, "recruiters", recruiter_ids_));
  }
  db_.query("DELETE FROM career_paths WHERE from_career_id = $1", id);
  for (const auto& next : c.next_career_slugs) {
    db_.query("INSERT INTO career_paths (from_career_id, to_career_id) VALUES ($1, $2)", id,
              id_of(kCareerBySlug, next, "next_careers", career_ids_));
  }
  return id;
}

namespace {

struct TableStatements {
  std::string_view exists;
  std::string_view remove;
};

TableStatements statements(CatalogWriter::Table table) {
  using enum CatalogWriter::Table;
  switch (table) {
    case universities:
      return {"SELECT 1 FROM universities WHERE slug = $1",
              "DELETE FROM universities WHERE slug = $1"};
    case programmes:
      return {"SELECT 1 FROM programmes WHERE slug = $1", "DELETE FROM programmes WHERE slug = $1"};
    case careers:
      return {"SELECT 1 FROM careers WHERE slug = $1", "DELETE FROM careers WHERE slug = $1"};
    case factors:
      break;
  }
  return {"SELECT 1 FROM factors WHERE code = $1", "DELETE FROM factors WHERE code = $1"};
}

}  // namespace

bool CatalogWriter::exists(Table table, std::string_view key) {
  return !db_.query(statements(table).exists, key).empty();
}

bool CatalogWriter::remove(Table table, std::string_view key) {
  // Cached ids may name the deleted row.
  university_ids_.clear();
  career_ids_.clear();
  factor_ids_.clear();
  return db_.query(statements(table).remove, key).affected_rows() > 0;
}

void CatalogWriter::set_value(EntityKind owner, std::string_view slug, const FactorValue& value) {
  if (owner == EntityKind::university) {
    put_values(kUpsertUniversityValue,
               id_of(kUniversityBySlug, slug, "university", university_ids_), {value});
  } else {
    std::unordered_map<std::string, std::int64_t> no_cache;
    put_values(kUpsertProgrammeValue, id_of(kProgrammeBySlug, slug, "programme", no_cache),
               {value});
  }
}

bool CatalogWriter::remove_value(EntityKind owner, std::string_view slug,
                                 std::string_view factor_code) {
  auto sql = owner == EntityKind::university
                 ? "DELETE FROM university_factor_values WHERE university_id = "
                   "(SELECT id FROM universities WHERE slug = $1) AND factor_id = "
                   "(SELECT id FROM factors WHERE code = $2)"
                 : "DELETE FROM programme_factor_values WHERE programme_id = "
                   "(SELECT id FROM programmes WHERE slug = $1) AND factor_id = "
                   "(SELECT id FROM factors WHERE code = $2)";
  return db_.query(sql, slug, factor_code).affected_rows() > 0;
}

void CatalogWriter::bump_revision() {
  db_.query("UPDATE catalog_revision SET revision = revision + 1 WHERE id = 1");
}

}  // namespace disha::catalog
