#include "app/catalog_commands.hpp"

#include <fmt/core.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "app/application.hpp"
#include "app/embedded_files.hpp"
#include "app/progress.hpp"
#include "core/error.hpp"
#include "features/catalog/repository.hpp"
#include "store/migrations.hpp"

namespace disha::app {

catalog::CatalogData builtin_seed() {
  return catalog::parse_seed({embedded_file("data/seed/factors.tsv"),
                              embedded_file("data/seed/article-facts.json"),
                              embedded_file("data/finder/careers.tsv"),
                              embedded_file("data/seed/nirf_2025_top_institutes_placement.csv")});
}

void seed_database(store::Database& database) {
  auto seed = builtin_seed();
  auto counts =
      database.transact([&](store::Connection& db) { return catalog::write_seed(db, seed); });
  spdlog::info("seed loaded: {} factors, {} careers, {} courses, {} universities, {} programmes",
               counts.factors, counts.careers, counts.courses, counts.universities,
               counts.programmes);
}

int seed(const std::string& db_url) {
  auto database = store::Database::open(db_url);
  store::Migrator(*database, embedded_migrations(database->dialect())).migrate();
  seed_database(*database);
  return 0;
}

int generate(const GenerateRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  auto database = store::Database::open(request.db_url);
  store::Migrator(*database, embedded_migrations(database->dialect())).migrate();
  auto seed = builtin_seed();
  auto demo = catalog::generate_demo_catalogue(request.options, seed.courses, seed.careers);
  database->transact([&](store::Connection& db) {
    catalog::write_seed(db, seed);
    catalog::CatalogWriter writer(db);
    Progress progress("generating", demo.universities.size() + demo.programmes.size());
    for (const auto& university : demo.universities) {
      writer.upsert_university(university);
      progress.advance();
    }
    for (const auto& programme : demo.programmes) {
      writer.upsert_programme(programme);
      progress.advance();
    }
    writer.bump_revision();
  });
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  fmt::print("generated {} demo universities and {} demo programmes in {:.1f} s\n",
             demo.universities.size(), demo.programmes.size(), seconds.count());
  return 0;
}

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::unprocessable, "cannot read " + path, "file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::function<bool(std::string_view)> membership(std::vector<std::string> slugs) {
  auto set = std::make_shared<std::unordered_set<std::string>>(slugs.begin(), slugs.end());
  return [set](std::string_view slug) { return set->contains(std::string(slug)); };
}

}  // namespace

int import_csv(const ImportRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  const auto kind = catalog::parse_import_kind(request.kind);
  const auto mapping = request.mapping.empty() ? std::map<std::string, std::string>()
                                               : catalog::parse_column_mapping(request.mapping);
  const auto csv = read_file(request.file);
  auto database = store::Database::open(request.db_url);
  store::Migrator(*database, embedded_migrations(database->dialect())).migrate();
  // Factor columns need the factor catalogue, even in a database never seeded.
  database->transact([](store::Connection& db) {
    catalog::CatalogWriter writer(db);
    for (const auto& factor : catalog::parse_factors(embedded_file("data/seed/factors.tsv"))) {
      writer.ensure_factor(factor);
    }
  });

  std::vector<catalog::FactorDefinition> factors;
  catalog::ImportReferences references;
  {
    auto lease = database->acquire(store::Access::read);
    factors = catalog::load_factors(*lease);
    references.university_exists =
        membership(catalog::load_slugs(*lease, "SELECT slug FROM universities"));
    references.career_exists = membership(catalog::load_slugs(*lease, "SELECT slug FROM careers"));
    references.course_exists = membership(catalog::load_slugs(*lease, "SELECT slug FROM courses"));
  }
  auto lookup = [&factors](std::string_view code) -> const catalog::FactorDefinition* {
    for (const auto& factor : factors) {
      if (factor.code == code) return &factor;
    }
    return nullptr;
  };
  auto plan = catalog::plan_import(csv, kind, mapping, lookup, references);
  for (const auto& issue : plan.issues) {
    fmt::print(stderr, "line {}, column {}: {}\n", issue.line,
               issue.column.empty() ? "-" : issue.column, issue.reason);
  }
  if (!plan.issues.empty() && !request.skip_invalid) {
    fmt::print(stderr,
               "{} of {} rows are invalid; nothing imported (--skip-invalid imports the rest)\n",
               plan.issues.size(), plan.rows);
    return 1;
  }
  const auto valid = plan.universities.size() + plan.programmes.size() + plan.careers.size();
  if (valid == 0) {
    fmt::print(stderr, "no valid rows; nothing imported\n");
    return 1;
  }
  database->transact([&](store::Connection& db) {
    catalog::CatalogWriter writer(db);
    Progress progress("importing", valid);
    for (const auto& university : plan.universities) {
      writer.upsert_university(university);
      progress.advance();
    }
    for (const auto& programme : plan.programmes) {
      writer.upsert_programme(programme);
      progress.advance();
    }
    for (const auto& career : plan.careers) {
      writer.upsert_career(career, catalog::CatalogWriter::CareerLinks::keep);
      progress.advance();
    }
    writer.bump_revision();
  });
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  fmt::print("imported {} of {} rows ({} skipped) in {:.1f} s\n", valid, plan.rows,
             plan.rows - valid, seconds.count());
  return 0;
}

}  // namespace disha::app
