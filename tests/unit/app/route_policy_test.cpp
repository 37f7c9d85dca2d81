// Walks the real application's route table: every route, and above all every write route,
// declares who may call it (issue 5's default-deny rule).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/application.hpp"

namespace disha::app {
namespace {

TEST(Application, EveryRouteDeclaresAnAccessPolicy) {
  auto directory =
      std::filesystem::temp_directory_path() / ("disha-routes-" + std::to_string(::getpid()));
  std::filesystem::create_directories(directory);
  ServeConfig config;
  config.db = "sqlite:" + (directory / "routes.db").string();
  config.access_log = "off";
  {
    Application application(config);
    const auto& routes = application.router().routes();
    ASSERT_GT(routes.size(), 10u);
    int writes = 0;
    for (const auto& route : routes) {
      EXPECT_TRUE(route.options.policy.declared())
          << to_string(route.method) << " " << route.pattern << " declares no policy";
      const auto method = route.method;
      if (method == http::Method::post || method == http::Method::put ||
          method == http::Method::patch || method == http::Method::delete_) {
        ++writes;
      }
    }
    EXPECT_GT(writes, 0);  // the walk saw the write routes it exists to check
  }
  std::filesystem::remove_all(directory);
}

}  // namespace
}  // namespace disha::app
