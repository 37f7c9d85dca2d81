#pragma once
// The one place where the layers and features are wired together.
#include <string>

#include "app/config.hpp"
#include "store/migrations.hpp"

namespace disha::app {

// Serves until SIGTERM/SIGINT; returns the process exit code.
int serve(const ServeConfig& config);
// The migrations compiled into the binary for this dialect, in order.
std::vector<store::Migration> embedded_migrations(store::Dialect dialect);
// Applies pending migrations (or only reports them); returns the process exit code.
int migrate(const std::string& db_url, bool status_only);

}  // namespace disha::app
