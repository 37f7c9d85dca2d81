#include "http/router.hpp"

#include <gtest/gtest.h>

namespace disha::http {

class RouterTest : public ::testing::Test {
 protected:
  Handler noop() {
    return [](Context&) -> net::awaitable<Response> { co_return Response{Status::ok, 11}; };
  }
  Router router;
};

TEST_F(RouterTest, MatchesLiteralPaths) {
  router.add(Method::get, "/api/v1/meta", noop());
  auto match = router.resolve(Method::get, "/api/v1/meta");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/meta");
  EXPECT_EQ(router.resolve(Method::get, "/api/v1/meta/").route, nullptr);
  EXPECT_EQ(router.resolve(Method::get, "/api/v1").route, nullptr);
  EXPECT_EQ(router.resolve(Method::get, "/api/v1/metas").route, nullptr);
}

TEST_F(RouterTest, CapturesAndDecodesParameters) {
  router.add(Method::get, "/api/v1/universities/{slug}/programmes/{id}", noop());
  auto match = router.resolve(Method::get, "/api/v1/universities/iit%20delhi/programmes/42");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.get("slug"), "iit delhi");
  EXPECT_EQ(match.params.get("id"), "42");
}

TEST_F(RouterTest, EncodedSlashStaysInsideOneSegment) {
  router.add(Method::get, "/files/{name}", noop());
  auto match = router.resolve(Method::get, "/files/a%2Fb");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.get("name"), "a/b");
}

TEST_F(RouterTest, EmptySegmentNeverMatchesAParameter) {
  router.add(Method::get, "/items/{id}", noop());
  EXPECT_EQ(router.resolve(Method::get, "/items/").route, nullptr);
}

TEST_F(RouterTest, LiteralSegmentWinsOverParameter) {
  router.add(Method::get, "/items/{id}", noop());
  router.add(Method::get, "/items/new", noop());
  EXPECT_EQ(router.resolve(Method::get, "/items/new").route->pattern, "/items/new");
  EXPECT_EQ(router.resolve(Method::get, "/items/7").route->pattern, "/items/{id}");
}

TEST_F(RouterTest, EarlierLiteralWinsOverLaterLiteral) {
  router.add(Method::get, "/{a}/x", noop());
  router.add(Method::get, "/y/{b}", noop());
  EXPECT_EQ(router.resolve(Method::get, "/y/x").route->pattern, "/y/{b}");
}

TEST_F(RouterTest, WrongMethodListsAllowedMethods) {
  router.add(Method::get, "/things", noop());
  router.add(Method::post, "/things", noop());
  auto match = router.resolve(Method::delete_, "/things");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(allow_header(match.allowed), "GET, HEAD, OPTIONS, POST");
}

TEST_F(RouterTest, UnknownPathHasNoAllowedMethods) {
  router.add(Method::get, "/things", noop());
  auto match = router.resolve(Method::get, "/other");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_TRUE(match.allowed.empty());
}

TEST_F(RouterTest, HeadIsServedByGet) {
  router.add(Method::get, "/things", noop());
  auto match = router.resolve(Method::head, "/things");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->method, Method::get);
}

TEST_F(RouterTest, RejectsMalformedAndDuplicateTemplates) {
  EXPECT_THROW(router.add(Method::get, "no-slash", noop()), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a/{b", noop()), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/a/x{b}", noop()), std::invalid_argument);
  router.add(Method::get, "/a/{b}", noop());
  EXPECT_THROW(router.add(Method::get, "/a/{c}", noop()), std::invalid_argument);
  EXPECT_NO_THROW(router.add(Method::put, "/a/{c}", noop()));
}

TEST_F(RouterTest, KeepsPerRouteBodyLimit) {
  router.add(Method::post, "/upload", noop(), {.body_limit = 10});
  auto match = router.resolve(Method::post, "/upload");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->options.body_limit, 10u);
}

}  // namespace disha::http

#include "http/target.hpp"

namespace disha::http {

TEST(ParseTarget, SplitsPathAndDecodesQuery) {
  Context context;
  parse_target(context, "/api/v1/meta/echo?msg=hello%20world&tag=a&tag=b+c", 8192);
  ASSERT_FALSE(context.protocol_error);
  EXPECT_EQ(context.path, "/api/v1/meta/echo");
  EXPECT_EQ(context.query.get("msg"), "hello world");
  EXPECT_EQ(context.query.all("tag"), (std::vector<std::string_view>{"a", "b c"}));
}

TEST(ParseTarget, RefusesLongAndMalformedTargets) {
  Context too_long;
  parse_target(too_long, "/" + std::string(9000, 'a'), 8192);
  ASSERT_TRUE(too_long.protocol_error);
  EXPECT_EQ(too_long.protocol_error->code(), ErrorCode::uri_too_long);

  for (auto target : {"http://example.com/", "*", "no-slash", "/bad%zz"}) {
    Context malformed;
    parse_target(malformed, target, 8192);
    ASSERT_TRUE(malformed.protocol_error) << target;
    EXPECT_EQ(malformed.protocol_error->code(), ErrorCode::bad_request) << target;
  }
}

}  // namespace disha::http
