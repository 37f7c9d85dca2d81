#include "app/cli.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>

#include "app/application.hpp"
#include "app/catalog_commands.hpp"
#include "app/logging.hpp"
#include "app/user_command.hpp"
#include "core/error.hpp"
#include "core/random.hpp"
#include "graphql/sdl.hpp"

namespace disha::app {

void add_serve_flags(CLI::App& command, ServeFlags& flags) {
  command.add_option("--listen", flags.listen, "HOST:PORT to listen on (port 0: any free port)")
      ->envname("DISHA_LISTEN")
      ->capture_default_str();
  command.add_option("--db", flags.db, "database URL: sqlite:PATH or postgres://…")
      ->envname("DISHA_DB")
      ->capture_default_str();
  command.add_option("--threads", flags.threads, "I/O threads (0: one per core)")
      ->envname("DISHA_THREADS")
      ->check(CLI::Range(0, 256));
  command
      .add_option("--db-connections", flags.db_connections,
                  "SQLite reader connections / PostgreSQL pool size")
      ->envname("DISHA_DB_CONNECTIONS")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  command.add_option("--workers", flags.workers, "threads for blocking work (0: connections + 1)")
      ->envname("DISHA_WORKERS")
      ->check(CLI::Range(0, 512));
  command.add_option("--worker-queue", flags.worker_queue, "blocking jobs accepted before 503")
      ->envname("DISHA_WORKER_QUEUE")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  command.add_option("--max-header", flags.max_header, "request header limit (431 above)")
      ->envname("DISHA_MAX_HEADER")
      ->capture_default_str();
  command.add_option("--max-body", flags.max_body, "default request body limit (413 above)")
      ->envname("DISHA_MAX_BODY")
      ->capture_default_str();
  command.add_option("--max-url", flags.max_url, "request target limit (414 above)")
      ->envname("DISHA_MAX_URL")
      ->capture_default_str();
  command.add_option("--max-connections", flags.max_connections, "open connections cap")
      ->envname("DISHA_MAX_CONNECTIONS")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  command.add_option("--header-timeout", flags.header_timeout, "time to send the headers")
      ->envname("DISHA_HEADER_TIMEOUT")
      ->capture_default_str();
  command.add_option("--body-timeout", flags.body_timeout, "time to send the body")
      ->envname("DISHA_BODY_TIMEOUT")
      ->capture_default_str();
  command.add_option("--idle-timeout", flags.idle_timeout, "keep-alive idle time")
      ->envname("DISHA_IDLE_TIMEOUT")
      ->capture_default_str();
  command.add_option("--write-timeout", flags.write_timeout, "time to write a response")
      ->envname("DISHA_WRITE_TIMEOUT")
      ->capture_default_str();
  command
      .add_option("--shutdown-timeout", flags.shutdown_timeout,
                  "grace for in-flight requests on SIGTERM")
      ->envname("DISHA_SHUTDOWN_TIMEOUT")
      ->capture_default_str();
  command.add_option("--cors-origin", flags.cors_origins, "an allowed CORS origin (repeatable)")
      ->envname("DISHA_CORS_ORIGINS")
      ->delimiter(',');
  command.add_option("--access-log", flags.access_log, "stdout, off, or a file path")
      ->envname("DISHA_ACCESS_LOG")
      ->capture_default_str();
  command.add_option("--log-level", flags.log_level, "trace, debug, info, warn, error")
      ->envname("DISHA_LOG_LEVEL")
      ->capture_default_str();
  command
      .add_option("--session-idle-timeout", flags.session_idle_timeout,
                  "a session unused this long ends")
      ->envname("DISHA_SESSION_IDLE_TIMEOUT")
      ->capture_default_str();
  command
      .add_option("--session-lifetime", flags.session_lifetime,
                  "a session ends this long after login")
      ->envname("DISHA_SESSION_LIFETIME")
      ->capture_default_str();
  command
      .add_option("--rate-limit-anonymous", flags.rate_limit_anonymous,
                  "requests per client address without a session (REQUESTS/PERIOD)")
      ->envname("DISHA_RATE_LIMIT_ANONYMOUS")
      ->capture_default_str();
  command.add_option("--rate-limit-user", flags.rate_limit_user, "requests per signed-in user")
      ->envname("DISHA_RATE_LIMIT_USER")
      ->capture_default_str();
  command
      .add_option("--rate-limit-credentials", flags.rate_limit_credentials,
                  "login and register attempts per client address")
      ->envname("DISHA_RATE_LIMIT_CREDENTIALS")
      ->capture_default_str();
  command
      .add_option("--trusted-proxy", flags.trusted_proxies,
                  "a proxy (address or CIDR) whose X-Forwarded-For is believed (repeatable)")
      ->envname("DISHA_TRUSTED_PROXIES")
      ->delimiter(',');
  command.add_flag("--seed", flags.seed, "load the built-in seed data first (idempotent)")
      ->envname("DISHA_SEED");
  command
      .add_option("--catalog-poll", flags.catalog_poll,
                  "how often to look for catalogue changes made by other instances")
      ->envname("DISHA_CATALOG_POLL")
      ->capture_default_str();
  command.add_option("--graphql-max-depth", flags.graphql_limits.max_depth, "deepest GraphQL field nesting")
      ->envname("DISHA_GRAPHQL_MAX_DEPTH")
      ->capture_default_str();
  command
      .add_option("--graphql-max-cost", flags.graphql_limits.max_cost,
                  "most a GraphQL operation may cost (fields times list sizes)")
      ->envname("DISHA_GRAPHQL_MAX_COST")
      ->capture_default_str();
  command.add_option("--graphql-max-aliases", flags.graphql_limits.max_aliases, "most aliases in one operation")
      ->envname("DISHA_GRAPHQL_MAX_ALIASES")
      ->capture_default_str();
  command
      .add_option("--graphql-introspection", flags.graphql_limits.introspection,
                  "answer __schema and __type queries (true/false)")
      ->envname("DISHA_GRAPHQL_INTROSPECTION")
      ->capture_default_str();
  command.add_option("--graphiql-assets", flags.graphiql_assets, "GraphiQL's files; empty: no GraphiQL page")
      ->envname("DISHA_GRAPHIQL_ASSETS")
      ->capture_default_str();
}

// The schema is built by the application that serves it, here over a throwaway database, so
// the printed SDL cannot drift from what /graphql answers.
int print_graphql_schema(const std::string& output) {
  auto directory = std::filesystem::temp_directory_path() / ("disha-schema-" + random_hex(8));
  std::filesystem::create_directories(directory);
  std::string sdl;
  {
    ServeConfig config;
    config.db = "sqlite:" + (directory / "schema.db").string();
    config.graphiql_assets.clear();
    Application application(config);
    sdl = graphql::print_schema(application.graphql_schema());
  }
  std::filesystem::remove_all(directory);
  if (output.empty()) {
    fmt::print("{}", sdl);
    return 0;
  }
  std::ofstream file(output, std::ios::binary);
  file << sdl;
  if (!file.flush()) throw Error(ErrorCode::internal, "cannot write " + output);
  return 0;
}

ServeConfig to_config(const ServeFlags& flags) {
  ServeConfig config;
  parse_listen(flags.listen);  // fail early, with the flag named
  config.listen = flags.listen;
  config.db = flags.db;
  config.threads = flags.threads;
  config.db_connections = flags.db_connections;
  config.workers = flags.workers;
  config.worker_queue = flags.worker_queue;
  config.limits.header_bytes = parse_size(flags.max_header, "max-header");
  config.limits.body_bytes = parse_size(flags.max_body, "max-body");
  config.limits.url_bytes = parse_size(flags.max_url, "max-url");
  config.limits.max_connections = flags.max_connections;
  if (config.limits.header_bytes < 1024 || config.limits.header_bytes > 1024 * 1024) {
    throw Error(ErrorCode::bad_request, "must be between 1KiB and 1MiB", "max-header");
  }
  if (config.limits.url_bytes < 256 || config.limits.url_bytes > config.limits.header_bytes) {
    throw Error(ErrorCode::bad_request, "must be between 256B and --max-header", "max-url");
  }
  config.timeouts.header = parse_duration(flags.header_timeout, "header-timeout");
  config.timeouts.body = parse_duration(flags.body_timeout, "body-timeout");
  config.timeouts.idle = parse_duration(flags.idle_timeout, "idle-timeout");
  config.timeouts.write = parse_duration(flags.write_timeout, "write-timeout");
  config.timeouts.shutdown = parse_duration(flags.shutdown_timeout, "shutdown-timeout");
  for (auto [value, name] : {std::pair{config.timeouts.header, "header-timeout"},
                             {config.timeouts.body, "body-timeout"},
                             {config.timeouts.idle, "idle-timeout"},
                             {config.timeouts.write, "write-timeout"}}) {
    if (value.count() <= 0) throw Error(ErrorCode::bad_request, "must be positive", name);
  }
  config.cors_origins = flags.cors_origins;
  config.access_log = flags.access_log;
  config.log_level = flags.log_level;
  config.session_idle_timeout = parse_duration(flags.session_idle_timeout, "session-idle-timeout");
  config.session_lifetime = parse_duration(flags.session_lifetime, "session-lifetime");
  for (auto [value, name] : {std::pair{config.session_idle_timeout, "session-idle-timeout"},
                             {config.session_lifetime, "session-lifetime"}}) {
    if (value.count() <= 0) throw Error(ErrorCode::bad_request, "must be positive", name);
  }
  config.rate_limits.anonymous = parse_rate(flags.rate_limit_anonymous, "rate-limit-anonymous");
  config.rate_limits.user = parse_rate(flags.rate_limit_user, "rate-limit-user");
  config.rate_limits.credentials =
      parse_rate(flags.rate_limit_credentials, "rate-limit-credentials");
  http::TrustedProxies{flags.trusted_proxies};  // fail early, with the flag named
  config.trusted_proxies = flags.trusted_proxies;
  config.seed = flags.seed;
  config.catalog_poll = parse_duration(flags.catalog_poll, "catalog-poll");
  if (config.catalog_poll.count() <= 0) {
    throw Error(ErrorCode::bad_request, "must be positive", "catalog-poll");
  }
  config.graphql_limits = flags.graphql_limits;
  config.graphiql_assets = flags.graphiql_assets;
  return config;
}

int run_cli(int argc, char** argv) {
  CLI::App cli{"Disha: career guidance and online-education comparison backend"};
  cli.require_subcommand(1);

  ServeFlags serve_flags;
  auto* serve_command = cli.add_subcommand("serve", "run the HTTP server (migrates on start)");
  add_serve_flags(*serve_command, serve_flags);

  std::string migrate_db = "sqlite:disha.db";
  bool status_only = false;
  auto* migrate_command = cli.add_subcommand("migrate", "apply pending schema migrations");
  migrate_command->add_option("--db", migrate_db, "database URL")
      ->envname("DISHA_DB")
      ->capture_default_str();
  migrate_command->add_flag("--status", status_only,
                            "only report; exit 1 when migrations are pending");

  std::string seed_db = "sqlite:disha.db";
  auto* seed_command =
      cli.add_subcommand("seed", "load the built-in seed data (idempotent; migrates first)");
  seed_command->add_option("--db", seed_db, "database URL")
      ->envname("DISHA_DB")
      ->capture_default_str();

  GenerateRequest generate_request;
  auto* generate_command = cli.add_subcommand(
      "generate", "add a deterministic demo catalogue (flagged as demo) after the seed");
  generate_command->add_option("--db", generate_request.db_url, "database URL")
      ->envname("DISHA_DB")
      ->capture_default_str();
  generate_command
      ->add_option("--universities", generate_request.options.universities, "demo universities")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  generate_command
      ->add_option("--programmes-per-university,--programs-per-university",
                   generate_request.options.programmes_per_university, "programmes each")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  generate_command->add_option("--seed", generate_request.options.seed, "random seed")
      ->capture_default_str();

  ImportRequest import_request;
  auto* import_command =
      cli.add_subcommand("import", "bulk-load universities, programmes or careers from CSV");
  import_command->add_option("FILE", import_request.file, "the CSV file")->required();
  import_command->add_option("--kind", import_request.kind, "universities, programmes or careers")
      ->required()
      ->check(CLI::IsMember({"universities", "programmes", "programs", "careers"}));
  import_command->add_option("--map", import_request.mapping,
                             "rename columns: csvcolumn=field,… (a field or factor code)");
  import_command->add_flag("--skip-invalid", import_request.skip_invalid,
                           "import the valid rows even when some are not");
  import_command->add_option("--db", import_request.db_url, "database URL")
      ->envname("DISHA_DB")
      ->capture_default_str();

  AddUserRequest new_user;
  auto* user_command = cli.add_subcommand("user", "account administration");
  user_command->require_subcommand(1);
  auto* user_add_command =
      user_command->add_subcommand("add", "create a user; the password is read from stdin");
  user_add_command->add_option("--db", new_user.db_url, "database URL")
      ->envname("DISHA_DB")
      ->default_val("sqlite:disha.db");
  user_add_command->add_option("--email", new_user.email, "the user's email")->required();
  user_add_command->add_option("--role", new_user.role, "learner, expert, advisor or admin")
      ->required()
      ->check(CLI::IsMember({"learner", "expert", "advisor", "admin"}));
  user_add_command->add_option("--name", new_user.name,
                               "display name (default: the email's "
                               "local part)");

  std::string schema_output;
  auto* schema_command = cli.add_subcommand(
      "graphql-schema", "print the GraphQL schema as SDL (docs/schema.graphql is this output)");
  schema_command->add_option("--output", schema_output, "write to this file instead of stdout");

  cli.add_subcommand("version", "print the version")->callback([] {
    fmt::print("disha {}\n", DISHA_VERSION);
  });

  CLI11_PARSE(cli, argc, argv);
  try {
    if (serve_command->parsed()) {
      auto config = to_config(serve_flags);
      setup_logging(config.log_level);
      return serve(config);
    }
    if (migrate_command->parsed()) {
      setup_logging("info");
      return migrate(migrate_db, status_only);
    }
    if (seed_command->parsed()) {
      setup_logging("info");
      return seed(seed_db);
    }
    if (generate_command->parsed()) {
      setup_logging("warn");
      return generate(generate_request);
    }
    if (import_command->parsed()) {
      setup_logging("warn");
      return import_csv(import_request);
    }
    if (schema_command->parsed()) {
      setup_logging("warn");
      return print_graphql_schema(schema_output);
    }
    if (user_add_command->parsed()) {
      setup_logging("warn");
      return add_user(new_user);
    }
  } catch (const Error& error) {
    std::string field = error.field().empty() ? "" : " (" + error.field() + ")";
    fmt::print(stderr, "disha: {}{}\n", error.what(), field);
    return 2;
  } catch (const std::exception& error) {
    fmt::print(stderr, "disha: {}\n", error.what());
    return 1;
  }
  return 0;
}

}  // namespace disha::app
