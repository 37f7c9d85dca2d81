#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <fstream>
#include <functional>
#include <optional>
#include <stdexcept>
#include <utility>

namespace disha::http {
namespace {

using field = beast::http::field;

// A fresh directory under the system temp dir, removed with the fixture.
class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("disha-static-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "lib");
    write("lib/app.js", "console.log('hi');\n");
    write("style.css", "body { margin: 0 }\n");
    write("secret.txt", "not listed");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void write(const std::string& relative, const std::string& content) {
    std::ofstream(dir_ / relative, std::ios::binary) << content;
  }

  StaticFiles files() const {
    return StaticFiles(dir_, {{"app.js", "lib/app.js", "text/javascript; charset=utf-8"},
                              {"style.css", "style.css", "text/css; charset=utf-8"}});
  }

  static Request get(std::string target) { return Request{Method::get, target, 11}; }

  static ErrorCode error_code_of(const std::function<void()>& action) {
    try {
      action();
    } catch (const Error& error) {
      return error.code();
    }
    ADD_FAILURE() << "no disha::Error was thrown";
    return ErrorCode::internal;
  }

  std::filesystem::path dir_;
};

TEST_F(StaticFilesTest, ServesListedFileWithTypeValidatorsAndCaching) {
  auto response = files().serve("app.js", get("/assets/app.js"));
  EXPECT_EQ(response.result(), Status::ok);
  EXPECT_EQ(response.body(), "console.log('hi');\n");
  EXPECT_EQ(response[field::content_type], "text/javascript; charset=utf-8");
  EXPECT_EQ(response[field::cache_control], "public, max-age=86400");
  const auto etag = std::string(response[field::etag]);
  ASSERT_GE(etag.size(), 2u);
  EXPECT_EQ(etag.front(), '"') << "strong, not W/";
  EXPECT_EQ(etag.back(), '"');
}

TEST_F(StaticFilesTest, AnswersNotModifiedWhenIfNoneMatchHoldsTheETag) {
  const auto static_files = files();
  const auto etag = std::string(static_files.serve("style.css", get("/s.css"))[field::etag]);
  auto request = get("/s.css");
  request.set(field::if_none_match, "\"other\", " + etag);
  auto response = static_files.serve("style.css", request);
  EXPECT_EQ(response.result(), Status::not_modified);
  EXPECT_TRUE(response.body().empty());
  EXPECT_EQ(response[field::etag], etag);
  EXPECT_EQ(response[field::cache_control], "public, max-age=86400");

  request.set(field::if_none_match, "\"stale\"");
  EXPECT_EQ(static_files.serve("style.css", request).result(), Status::ok);
}

TEST_F(StaticFilesTest, ETagFollowsTheContent) {
  const auto before = std::string(files().serve("app.js", get("/a.js"))[field::etag]);
  EXPECT_EQ(files().serve("app.js", get("/a.js"))[field::etag], before) << "stable across loads";
  write("lib/app.js", "console.log('changed');\n");
  EXPECT_NE(files().serve("app.js", get("/a.js"))[field::etag], before);
}

TEST_F(StaticFilesTest, KeepsTheContentReadAtConstruction) {
  const auto static_files = files();
  write("lib/app.js", "replaced on disk");
  EXPECT_EQ(static_files.serve("app.js", get("/a.js")).body(), "console.log('hi');\n");
}

TEST_F(StaticFilesTest, UnlistedNamesAreNotFoundEvenWhenTheFileExists) {
  const auto static_files = files();
  for (const char* name : {"secret.txt", "lib/app.js", "../style.css", "", "APP.JS"}) {
    EXPECT_EQ(error_code_of([&] { static_files.serve(name, get("/x")); }), ErrorCode::not_found)
        << name;
  }
}

TEST_F(StaticFilesTest, MissingOrUnreadableFileFailsConstruction) {
  const auto load = [&](Asset asset) {
    return error_code_of([&] { StaticFiles(dir_, {std::move(asset)}); });
  };
  EXPECT_EQ(load({"a", "missing.js", "text/plain"}), ErrorCode::internal);
  EXPECT_EQ(load({"a", "lib", "text/plain"}), ErrorCode::internal) << "a directory is not a file";
}

TEST_F(StaticFilesTest, DuplicateNamesAreRejected) {
  EXPECT_THROW(StaticFiles(dir_, {{"a", "style.css", "text/css"}, {"a", "lib/app.js", "text/css"}}),
               std::invalid_argument);
}

TEST_F(StaticFilesTest, HandlerServesTheRouteParameterAndOutlivesItsOwner) {
  const auto handler = files().handler("name");  // the StaticFiles is gone after this line
  Context context;
  context.request = get("/assets/style.css");
  context.params.add("name", "style.css");
  net::io_context io;
  std::optional<Response> response;
  net::co_spawn(io, handler(context), [&](std::exception_ptr failure, Response r) {
    if (failure) std::rethrow_exception(failure);
    response = std::move(r);
  });
  io.run();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->body(), "body { margin: 0 }\n");
  EXPECT_EQ((*response)[field::content_type], "text/css; charset=utf-8");
}

}  // namespace
}  // namespace disha::http
