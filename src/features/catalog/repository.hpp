#pragma once
// The catalogue's SQL: one load of everything for a snapshot, and upserts by slug (or code)
// shared by the seed, the CSV import, the demo generator and the admin API. Writers run inside
// the caller's transaction and end with bump_revision(), so other instances see the change.
#include <cstdint>
#include <string>
#include <unordered_map>

#include "features/catalog/snapshot.hpp"
#include "store/database.hpp"

namespace disha::catalog {

// `second`, another read connection, lets the largest table load on two threads.
CatalogData load_catalog(store::Connection& db, store::Connection* second = nullptr);
std::vector<FactorDefinition> load_factors(store::Connection& db);
// The first column of a constant query such as "SELECT slug FROM universities".
std::vector<std::string> load_slugs(store::Connection& db, std::string_view select_slugs);
std::int64_t catalog_revision(store::Connection& db);

class CatalogWriter {
 public:
  explicit CatalogWriter(store::Connection& db) : db_(db) {}

  std::int64_t upsert_factor(const FactorDefinition& factor);
  // Adds the factor when its code is new; an existing one (perhaps edited by an admin) stays.
  void ensure_factor(const FactorDefinition& factor);
  // Inserts or updates the entity by slug; its listed factor values are inserted or replaced
  // (values not listed stay). References (university, course, careers, skills, …) are slugs
  // that must exist: an unknown one throws Error(unprocessable) naming the field.
  std::int64_t upsert_university(const University& university);
  std::int64_t upsert_programme(const Programme& programme);
  std::int64_t upsert_course(const Course& course);
  std::int64_t upsert_skill(const Skill& skill);
  std::int64_t upsert_recruiter(const Recruiter& recruiter);
  // With `replace`, salary bands and links (skills, recruiters, next careers) are replaced by
  // the given ones; with `keep` (a CSV of names and summaries) they stay as they are.
  enum class CareerLinks { replace, keep };
  std::int64_t upsert_career(const Career& career, CareerLinks links = CareerLinks::replace);

  // The catalogue's tables, as the admin API names them.
  enum class Table { universities, programmes, careers, factors };
  bool exists(Table table, std::string_view key);  // key: slug, or code for factors
  // Deletes the row and, through foreign keys, what hangs off it; false when it was not there.
  bool remove(Table table, std::string_view key);
  void set_value(EntityKind owner, std::string_view slug, const FactorValue& value);
  bool remove_value(EntityKind owner, std::string_view slug, std::string_view factor_code);

  void bump_revision();

 private:
  void put_values(std::string_view upsert_value, std::int64_t id,
                  const std::vector<FactorValue>& values);
  std::int64_t id_of(std::string_view select_id_by_slug, std::string_view slug,
                     std::string_view field, std::unordered_map<std::string, std::int64_t>& cache);
  std::int64_t factor_id(const std::string& code);

  store::Connection& db_;
  std::unordered_map<std::string, std::int64_t> factor_ids_, university_ids_, course_ids_,
      career_ids_, skill_ids_, recruiter_ids_;
};

}  // namespace disha::catalog
