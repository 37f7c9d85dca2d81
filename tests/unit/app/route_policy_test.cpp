// Walks the real application's route table: every route, and above all every write route,
// declares who may call it (issue 5's default-deny rule), and the OpenAPI document describes
// every route the server answers.
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <filesystem>

#include "app/application.hpp"
#include "app/embedded_files.hpp"

namespace disha::app {
namespace {

// An application on a throwaway SQLite file, for walking its routes.
class WiredApplication {
 public:
  WiredApplication()
      : directory_(std::filesystem::temp_directory_path() /
                   ("disha-routes-" + std::to_string(::getpid()))) {
    std::filesystem::create_directories(directory_);
    ServeConfig config;
    config.db = "sqlite:" + (directory_ / "routes.db").string();
    config.access_log = "off";
    application_ = std::make_unique<Application>(config);
  }
  ~WiredApplication() {
    application_.reset();
    std::filesystem::remove_all(directory_);
  }
  const std::vector<http::Route>& routes() const { return application_->router().routes(); }

 private:
  std::filesystem::path directory_;
  std::unique_ptr<Application> application_;
};

TEST(Application, EveryRouteIsInTheOpenApiDocument) {
  WiredApplication application;
  auto document = boost::json::parse(embedded_file("docs/openapi.json")).as_object();
  const auto& paths = document.at("paths").as_object();
  for (const auto& route : application.routes()) {
    std::string method(to_string(route.method));
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    const auto* path = paths.if_contains(route.pattern);
    EXPECT_TRUE(path && path->as_object().contains(method))
        << method << " " << route.pattern << " is not in docs/openapi.json";
  }
}

TEST(Application, EveryRouteDeclaresAnAccessPolicy) {
  {
    WiredApplication application;
    const auto& routes = application.routes();
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
}

}  // namespace
}  // namespace disha::app
