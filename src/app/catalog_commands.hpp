#pragma once
// Catalogue administration from the command line: the built-in seed, the demo generator and
// the CSV import.
#include <string>

#include "features/catalog/generate.hpp"
#include "features/catalog/import.hpp"
#include "features/catalog/seed.hpp"
#include "store/database.hpp"

namespace disha::app {

// The built-in seed, parsed from the files compiled into the binary.
catalog::CatalogData builtin_seed();
// Loads it in one transaction (idempotent); logs what was loaded.
void seed_database(store::Database& database);

// `disha seed`: migrates, then seeds; returns the exit code.
int seed(const std::string& db_url);

struct GenerateRequest {
  std::string db_url = "sqlite:disha.db";
  catalog::GenerateOptions options;
};
// `disha generate`: migrates, seeds, then adds a deterministic demo catalogue.
int generate(const GenerateRequest& request);

struct ImportRequest {
  std::string db_url = "sqlite:disha.db";
  std::string file;
  std::string kind;
  std::string mapping;        // "csvcol=field,…"
  bool skip_invalid = false;  // default: any bad row imports nothing
};
// `disha import`: validates every row, reports problems (line, column, reason) on stderr,
// then upserts by slug in one transaction. Exit 0 when rows were written, 1 when nothing was.
int import_csv(const ImportRequest& request);

}  // namespace disha::app
