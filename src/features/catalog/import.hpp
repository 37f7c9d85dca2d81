#pragma once
// CSV bulk import, planned without I/O: every row is parsed and validated (validation.hpp)
// into entities to upsert, and every problem is reported with its line, column and reason.
//
// Columns are the entity's fields (see kImportFields in import.cpp) and, for universities and
// programmes, factor codes of that scope; a factor column may come with `CODE_qualifier`,
// `CODE_source_url` and `CODE_verified_on` columns. Lists (modes, specialisations, careers)
// are separated by '|' or ';'. Booleans are true/false, yes/no or 1/0. A missing slug is made
// from the name (and, for a programme, its university). `mapping` renames CSV columns to field
// names first (`--map "Institute Name=name,Region=state"`).
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "features/catalog/model.hpp"
#include "features/catalog/validation.hpp"

namespace disha::catalog {

enum class ImportKind { universities, programmes, careers };
ImportKind parse_import_kind(std::string_view text);  // throws Error naming "kind"

struct ImportIssue {
  std::size_t line = 0;  // 1-based line of the CSV where the row starts
  std::string column;
  std::string reason;
};

struct ImportPlan {
  std::size_t rows = 0;  // data rows read
  std::vector<University> universities;
  std::vector<Programme> programmes;
  std::vector<Career> careers;
  std::vector<ImportIssue> issues;  // empty: every row is valid
};

// What already exists, for references (a programme's university, careers, course).
struct ImportReferences {
  std::function<bool(std::string_view slug)> university_exists;
  std::function<bool(std::string_view slug)> career_exists;
  std::function<bool(std::string_view slug)> course_exists;
};

// Throws disha::Error only for a file that cannot be read as CSV at all (bad quoting) or a
// header naming unknown columns; row problems go to the plan's issues.
ImportPlan plan_import(std::string_view csv, ImportKind kind,
                       const std::map<std::string, std::string>& mapping,
                       const FactorLookup& factors, const ImportReferences& references);

// "a=b,c=d" → {a: b, c: d}; throws Error naming "map".
std::map<std::string, std::string> parse_column_mapping(std::string_view text);

}  // namespace disha::catalog
