#include "app/application.hpp"

#include "app/graphql_schema.hpp"
#include "graphql/http/endpoint.hpp"

#include <spdlog/spdlog.h>

#include <thread>

#include "app/catalog_commands.hpp"
#include "app/embedded_files.hpp"
#include "app/logging.hpp"
#include "app/ops_routes.hpp"
#include "features/accounts/rest.hpp"
#include "features/catalog/admin_rest.hpp"
#include "features/catalog/json.hpp"
#include "features/catalog/rest.hpp"
#include "features/compare/rest.hpp"
#include "features/finder/rest.hpp"
#include "features/meta/rest.hpp"
#include "features/roi/programme_rest.hpp"
#include "features/roi/rest.hpp"
#include "http/auth.hpp"
#include "http/middleware.hpp"
#include "http/rate_limit.hpp"
#include "http/server.hpp"
#include "store/async_database.hpp"
#include "store/migrations.hpp"

namespace disha::app {

std::vector<store::Migration> embedded_migrations(store::Dialect dialect) {
  std::vector<store::MigrationFile> files;
  for (const auto& file : embedded_files()) {
    if (file.path.starts_with("migrations/")) files.push_back({file.path, file.content});
  }
  return store::select_migrations(files, dialect);
}

namespace {

void add_pool_metrics(http::Metrics& metrics, const store::Database& database,
                      const store::WorkerPool& workers) {
  metrics.add_collector([&database, &workers](std::string& out) {
    auto stats = database.stats();
    http::append_gauge(out, "db_pool_connections", "Database connections open.", stats.size);
    http::append_gauge(out, "db_pool_in_use", "Database connections leased now.", stats.in_use);
    http::append_gauge(out, "db_pool_waiting", "Callers waiting for a database connection.",
                       stats.waiting);
    http::append_gauge(out, "worker_queue_pending",
                       "Blocking jobs queued or running on the worker pool.",
                       static_cast<double>(workers.pending()));
    http::append_gauge(out, "worker_queue_capacity", "Blocking jobs accepted before answering 503.",
                       static_cast<double>(workers.max_pending()));
  });
}

std::unique_ptr<store::Database> open_database(const ServeConfig& config) {
  store::DatabaseOptions options;
  options.connections = config.db_connections;
  return store::Database::open(config.db, options);
}

}  // namespace

// Everything a running server owns, in construction order; members are destroyed in reverse,
// so the database closes last.
struct Application::Parts {
  explicit Parts(const ServeConfig& config)
      : config(config),
        database(open_database(config)),
        // Pure engines and their tables are built before anything listens: a broken table
        // fails here.
        finder(finder::Finder::from_tables(embedded_file("data/finder/items.tsv"),
                                           embedded_file("data/onet/occupations.tsv"),
                                           embedded_file("data/finder/careers.tsv"))),
        migrations(embedded_migrations(database->dialect())),
        io_threads(config.threads > 0
                       ? config.threads
                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
        worker_threads(config.workers > 0 ? config.workers : config.db_connections + 1),
        workers(static_cast<std::size_t>(worker_threads), config.worker_queue),
        async_database(*database, workers),
        meta_repository(async_database),
        meta_service(meta_repository, DISHA_VERSION, std::string(store::name(database->dialect()))),
        finder_repository(async_database),
        finder_service(finder, finder_repository,
                       [this](boost::json::object& career) {
                         catalog::add_career_outlook(*catalog_service->snapshot(), career);
                       }),
        account_repository(async_database),
        account_service(
            account_repository, workers,
            accounts::PasswordRules(embedded_file("data/security/common-passwords.txt")),
            {config.session_idle_timeout, config.session_lifetime}),
        audit_log(async_database),
        rate_limiter(config.rate_limits) {
    store::Migrator(*database, migrations).migrate();
    if (config.seed) seed_database(*database);
    catalog_service = std::make_unique<catalog::CatalogService>(async_database);
    catalog_service->watch(config.catalog_poll);
    add_pool_metrics(metrics, *database, workers);

    add_ops_routes(router, {async_database, migrations, metrics});
    meta::add_routes(router, meta_service);
    finder::add_routes(router, finder_service);
    roi::add_routes(router, workers);
    accounts::add_routes(router, account_service, audit_log);
    catalog::add_routes(router, *catalog_service);
    catalog::add_admin_routes(router, *catalog_service);
    compare::add_routes(router, *catalog_service, distributions);
    roi::add_programme_routes(router, workers, *catalog_service);
    graphql_schema = build_graphql_schema(
        {*catalog_service, distributions, workers, finder_service, account_service});
    graphql::add_routes(router, graphql_schema,
                        {.limits = config.graphql_limits,
                         .graphiql_assets = config.graphiql_assets,
                         .prepare =
                             [](const http::Context& context, graphql::RequestState& state) {
                               if (context.principal) {
                                 state.put(std::make_shared<http::Principal>(*context.principal));
                               }
                             },
                         .report_internal =
                             [](const std::exception& error) {
                               spdlog::error("GraphQL resolver failed: {}", error.what());
                             }});
    // Such routes refuse every request (default deny); say so loudly at start.
    for (const auto& route : http::routes_without_policy(router)) {
      spdlog::warn("route {} declares no access policy: every request to it is refused", route);
    }

    pipeline = http::compose(
        {http::request_id(), http::access_log(make_access_logger(config.access_log)),
         http::metrics(metrics), http::security_headers(), http::cors(config.cors_origins),
         http::error_mapper(), http::authenticate(account_service),
         http::rate_limit(rate_limiter, http::TrustedProxies(config.trusted_proxies))},
        http::dispatch());
  }

  ServeConfig config;
  std::unique_ptr<store::Database> database;
  finder::Finder finder;
  std::vector<store::Migration> migrations;
  int io_threads;
  int worker_threads;
  store::WorkerPool workers;
  store::AsyncDatabase async_database;
  http::Metrics metrics;
  meta::MetaRepository meta_repository;
  meta::MetaService meta_service;
  finder::FinderRepository finder_repository;
  finder::FinderService finder_service;
  accounts::AccountRepository account_repository;
  accounts::AccountService account_service;
  accounts::AuditLog audit_log;
  // Built once migrations (and the seed) are in: it loads the catalogue's first snapshot.
  std::unique_ptr<catalog::CatalogService> catalog_service;
  compare::DistributionCache distributions;
  http::RateLimiter rate_limiter;
  std::shared_ptr<const graphql::Schema> graphql_schema;
  http::Router router;
  http::Handler pipeline;
};

Application::Application(const ServeConfig& config) : parts_(std::make_unique<Parts>(config)) {}
Application::~Application() = default;

const graphql::Schema& Application::graphql_schema() const noexcept { return *parts_->graphql_schema; }

const http::Router& Application::router() const noexcept {
  return parts_->router;
}

int Application::run() {
  auto& parts = *parts_;
  auto listen = parse_listen(parts.config.listen);
  {
    http::ServerOptions options{listen.host, listen.port, parts.io_threads, parts.config.limits,
                                parts.config.timeouts};
    http::Server server(options, parts.router, parts.pipeline, parts.metrics);
    auto endpoint = server.bind();
    spdlog::info("listening on {}:{} with {} I/O threads, {} workers, database {}",
                 endpoint.address().to_string(), endpoint.port(), parts.io_threads,
                 parts.worker_threads, store::name(parts.database->dialect()));
    server.run();
    // Finish queued database jobs while the server's io_context, where they post their
    // completions, still exists.
    parts.workers.stop();
  }
  parts_.reset();  // the database closes last
  spdlog::info("shut down cleanly");
  return 0;
}

int serve(const ServeConfig& config) {
  return Application(config).run();
}

int migrate(const std::string& db_url, bool status_only) {
  auto database = store::Database::open(db_url);
  store::Migrator migrator(*database, embedded_migrations(database->dialect()));
  if (status_only) {
    auto status = migrator.status();
    fmt::print("schema version {} of {}; {} pending\n", status.current_version,
               status.latest_version, status.pending.size());
    return status.pending.empty() ? 0 : 1;
  }
  auto applied = migrator.migrate();
  fmt::print("applied {} migration(s); schema version {}\n", applied.size(),
             migrator.status().current_version);
  return 0;
}

}  // namespace disha::app
