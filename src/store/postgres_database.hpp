#pragma once
#include <memory>
#include <string_view>

#include "store/database.hpp"

namespace disha::store {

// `url` is a libpq connection URI (postgres://… or postgresql://…).
std::unique_ptr<Database> open_postgres(std::string_view url, const DatabaseOptions& options);

}  // namespace disha::store
