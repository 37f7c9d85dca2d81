#pragma once
// Files compiled into the binary at build time (migrations/*.sql, data/onet/*.tsv,
// data/finder/*.tsv, docs/openapi.json).
#include <string_view>
#include <vector>

namespace disha {

struct EmbeddedFile {
  std::string_view path;  // relative to the repository root, e.g. "migrations/0001_pings.sql"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();
// The content of one embedded file; throws std::out_of_range naming a path that is not embedded.
std::string_view embedded_file(std::string_view path);

}  // namespace disha
