#pragma once
// The built-in seed: the factor catalogue (data/seed/factors.tsv), the article's facts
// (data/seed/article-facts.json: careers, salary bands, skills, courses, recruiters, career
// paths; O*NET codes from data/finder/careers.tsv) and the NIRF 2025 catalogue of real
// institutions (data/seed/nirf_2025_top_institutes_placement.csv). Sources and derivation
// rules: data/seed/SOURCES.md. Parsing is pure; writing upserts by slug, so seeding twice
// changes nothing.
#include <cstddef>
#include <string_view>
#include <vector>

#include "features/catalog/snapshot.hpp"
#include "store/database.hpp"

namespace disha::catalog {

struct SeedFiles {
  std::string_view factors_tsv;
  std::string_view article_json;
  std::string_view career_codes_tsv;
  std::string_view nirf_csv;
};

// Throws disha::Error naming the file and line for a malformed table.
std::vector<FactorDefinition> parse_factors(std::string_view tsv);
// The catalogue the seed describes (ids and revision unset: the database assigns them).
CatalogData parse_seed(const SeedFiles& files);

struct SeedCounts {
  std::size_t factors = 0, careers = 0, courses = 0, universities = 0, programmes = 0;
};
// In the caller's transaction.
SeedCounts write_seed(store::Connection& db, const CatalogData& seed);

}  // namespace disha::catalog
