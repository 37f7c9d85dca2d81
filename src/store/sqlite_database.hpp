#pragma once
#include <memory>
#include <string_view>

#include "store/database.hpp"

namespace disha::store {

// `path` is the part after "sqlite:".
std::unique_ptr<Database> open_sqlite(std::string_view path, const DatabaseOptions& options);

}  // namespace disha::store
