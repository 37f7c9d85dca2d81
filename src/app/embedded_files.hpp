#pragma once
// Files compiled into the binary at build time (migrations/*.sql, docs/openapi.json).
#include <string_view>
#include <vector>

namespace disha {

struct EmbeddedFile {
  std::string_view path;  // relative to the repository root, e.g. "migrations/0001_pings.sql"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_files();

}  // namespace disha
