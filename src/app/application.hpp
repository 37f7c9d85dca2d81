#pragma once
// The one place where the layers and features are wired together.
#include <string>

#include "app/config.hpp"

namespace disha::app {

// Serves until SIGTERM/SIGINT; returns the process exit code.
int serve(const ServeConfig& config);
// Applies pending migrations (or only reports them); returns the process exit code.
int migrate(const std::string& db_url, bool status_only);

}  // namespace disha::app
