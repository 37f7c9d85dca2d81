#include "app/config.hpp"

#include <gtest/gtest.h>

#include "app/cli.hpp"
#include "core/error.hpp"

namespace disha::app {
namespace {

using namespace std::chrono_literals;

TEST(ParseDuration, UnderstandsUnits) {
  EXPECT_EQ(parse_duration("250ms", "t"), 250ms);
  EXPECT_EQ(parse_duration("10s", "t"), 10s);
  EXPECT_EQ(parse_duration("1.5s", "t"), 1500ms);
  EXPECT_EQ(parse_duration("2m", "t"), 120s);
  EXPECT_EQ(parse_duration("1h", "t"), 3600s);
  EXPECT_EQ(parse_duration("7", "t"), 7s);
}

TEST(ParseDuration, RejectsNonsenseNamingTheFlag) {
  for (auto text : {"", "s", "-1s", "10 parsecs", "1e300s", "nan"}) {
    try {
      parse_duration(text, "header-timeout");
      ADD_FAILURE() << "accepted " << text;
    } catch (const Error& error) {
      EXPECT_EQ(error.field(), "header-timeout") << text;
    }
  }
}

TEST(ParseSize, UnderstandsBinaryAndDecimalUnits) {
  EXPECT_EQ(parse_size("16KiB", "s"), 16384u);
  EXPECT_EQ(parse_size("1MiB", "s"), 1048576u);
  EXPECT_EQ(parse_size("1mb", "s"), 1000000u);
  EXPECT_EQ(parse_size("2kb", "s"), 2000u);
  EXPECT_EQ(parse_size("512", "s"), 512u);
  EXPECT_THROW(parse_size("12 apples", "s"), Error);
  EXPECT_THROW(parse_size("-5", "s"), Error);
}

TEST(ParseListen, SplitsHostAndPort) {
  auto v4 = parse_listen("127.0.0.1:8080");
  EXPECT_EQ(v4.host, "127.0.0.1");
  EXPECT_EQ(v4.port, 8080);
  auto v6 = parse_listen("[::1]:0");
  EXPECT_EQ(v6.host, "::1");
  EXPECT_EQ(v6.port, 0);
  EXPECT_THROW(parse_listen("8080"), Error);
  EXPECT_THROW(parse_listen("host:99999"), Error);
  EXPECT_THROW(parse_listen("host:80x"), Error);
  EXPECT_THROW(parse_listen("[::1:80"), Error);
}

ServeConfig parse_serve(std::vector<std::string> args) {
  CLI::App command;
  ServeFlags flags;
  add_serve_flags(command, flags);
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments last to first
  command.parse(args);
  return to_config(flags);
}

TEST(ServeFlags, DefaultsMatchTheDocumentedLimits) {
  auto config = parse_serve({});
  EXPECT_EQ(config.listen, "127.0.0.1:8080");
  EXPECT_EQ(config.db, "sqlite:disha.db");
  EXPECT_EQ(config.limits.header_bytes, 16u * 1024);
  EXPECT_EQ(config.limits.body_bytes, 1024u * 1024);
  EXPECT_EQ(config.limits.url_bytes, 8u * 1024);
  EXPECT_EQ(config.limits.max_connections, 10'000u);
  EXPECT_EQ(config.timeouts.header, 10s);
  EXPECT_EQ(config.timeouts.body, 30s);
  EXPECT_EQ(config.timeouts.idle, 60s);
  EXPECT_EQ(config.timeouts.write, 30s);
  EXPECT_EQ(config.timeouts.shutdown, 10s);
}

TEST(ServeFlags, ParsesEveryFlag) {
  auto config = parse_serve({"--listen", "0.0.0.0:9000", "--db", "postgres://u@h/db", "--max-body",
                             "2MiB", "--header-timeout", "500ms", "--cors-origin",
                             "https://a.example,https://b.example", "--max-connections", "50"});
  EXPECT_EQ(config.listen, "0.0.0.0:9000");
  EXPECT_EQ(config.db, "postgres://u@h/db");
  EXPECT_EQ(config.limits.body_bytes, 2u * 1024 * 1024);
  EXPECT_EQ(config.timeouts.header, 500ms);
  EXPECT_EQ(config.limits.max_connections, 50u);
  EXPECT_EQ(config.cors_origins,
            (std::vector<std::string>{"https://a.example", "https://b.example"}));
}

TEST(ServeFlags, ReadsEnvironmentVariables) {
  setenv("DISHA_DB", "sqlite:/tmp/from-env.db", 1);
  auto config = parse_serve({});
  unsetenv("DISHA_DB");
  EXPECT_EQ(config.db, "sqlite:/tmp/from-env.db");
}

TEST(ServeFlags, RejectsOutOfRangeLimits) {
  EXPECT_THROW(parse_serve({"--max-header", "100"}), Error);
  EXPECT_THROW(parse_serve({"--max-url", "64KiB"}), Error);  // above the header limit
  EXPECT_THROW(parse_serve({"--idle-timeout", "0s"}), Error);
  EXPECT_THROW(parse_serve({"--listen", "nowhere"}), Error);
  EXPECT_THROW(parse_serve({"--threads", "-1"}), CLI::ValidationError);
}

}  // namespace
}  // namespace disha::app
