#pragma once
// The `disha` command line: subcommands and their flags, each flag also read from a DISHA_*
// environment variable.
#include <CLI/CLI.hpp>
#include <string>

#include "graphql/limits.hpp"

#include "app/config.hpp"

namespace disha::app {

// Flags as typed on the command line, before units are parsed.
struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  std::string db = "sqlite:disha.db";
  int threads = 0;
  int db_connections = 4;
  int workers = 0;
  std::size_t worker_queue = 1024;
  std::string max_header = "16KiB";
  std::string max_body = "1MiB";
  std::string max_url = "8KiB";
  std::size_t max_connections = 10'000;
  std::string header_timeout = "10s";
  std::string body_timeout = "30s";
  std::string idle_timeout = "60s";
  std::string write_timeout = "30s";
  std::string shutdown_timeout = "10s";
  std::vector<std::string> cors_origins;
  std::string access_log = "stdout";
  std::string log_level = "info";
  std::string session_idle_timeout = "2h";
  std::string session_lifetime = "168h";
  std::string rate_limit_anonymous = "300/m";
  std::string rate_limit_user = "600/m";
  std::string rate_limit_credentials = "20/m";
  std::vector<std::string> trusted_proxies;
  bool seed = false;
  std::string catalog_poll = "2s";
  graphql::Limits graphql_limits;
  std::string graphiql_assets = DISHA_GRAPHIQL_DIR;
};

void add_serve_flags(CLI::App& command, ServeFlags& flags);
// Throws disha::Error(bad_request) naming the flag when a value is out of range.
ServeConfig to_config(const ServeFlags& flags);

int run_cli(int argc, char** argv);

}  // namespace disha::app
