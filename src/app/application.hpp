#pragma once
// The one place where the layers and features are wired together.
#include <memory>
#include <string>

#include "app/config.hpp"
#include "graphql/schema.hpp"
#include "http/router.hpp"
#include "store/migrations.hpp"

namespace disha::app {

// A server with every feature wired in. Constructing it opens the database, applies pending
// migrations and builds the router and the pipeline; nothing listens until run().
class Application {
 public:
  explicit Application(const ServeConfig& config);
  ~Application();
  Application(const Application&) = delete;
  Application& operator=(const Application&) = delete;

  // Every route the server answers, with its options (policies, body limits).
  const http::Router& router() const noexcept;
  const graphql::Schema& graphql_schema() const noexcept;
  // Serves until SIGTERM/SIGINT, then shuts down gracefully; returns the process exit code.
  int run();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// Serves until SIGTERM/SIGINT; returns the process exit code.
int serve(const ServeConfig& config);
// The migrations compiled into the binary for this dialect, in order.
std::vector<store::Migration> embedded_migrations(store::Dialect dialect);
// Applies pending migrations (or only reports them); returns the process exit code.
int migrate(const std::string& db_url, bool status_only);

}  // namespace disha::app
