#include "core/error.hpp"

#include <gtest/gtest.h>

#include <set>

namespace disha {

TEST(ErrorCodes, MapToTheirHttpStatusOnce) {
  EXPECT_EQ(http_status(ErrorCode::bad_request), 400);
  EXPECT_EQ(http_status(ErrorCode::unauthenticated), 401);
  EXPECT_EQ(http_status(ErrorCode::forbidden), 403);
  EXPECT_EQ(http_status(ErrorCode::not_found), 404);
  EXPECT_EQ(http_status(ErrorCode::method_not_allowed), 405);
  EXPECT_EQ(http_status(ErrorCode::conflict), 409);
  EXPECT_EQ(http_status(ErrorCode::payload_too_large), 413);
  EXPECT_EQ(http_status(ErrorCode::uri_too_long), 414);
  EXPECT_EQ(http_status(ErrorCode::unsupported_media_type), 415);
  EXPECT_EQ(http_status(ErrorCode::unprocessable), 422);
  EXPECT_EQ(http_status(ErrorCode::too_many_requests), 429);
  EXPECT_EQ(http_status(ErrorCode::header_too_large), 431);
  EXPECT_EQ(http_status(ErrorCode::internal), 500);
  EXPECT_EQ(http_status(ErrorCode::unavailable), 503);
}

TEST(ErrorCodes, HaveDistinctSlugs) {
  std::set<std::string_view> slugs;
  for (int code = 0; code <= static_cast<int>(ErrorCode::unavailable); ++code) {
    auto name = slug(static_cast<ErrorCode>(code));
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(slugs.insert(name).second) << name;
  }
}

TEST(Error, CarriesFieldAndRetryAfter) {
  auto error = Error(ErrorCode::too_many_requests, "slow down", "email")
                   .with_retry_after(std::chrono::seconds(7));
  EXPECT_STREQ(error.what(), "slow down");
  EXPECT_EQ(error.field(), "email");
  ASSERT_TRUE(error.retry_after());
  EXPECT_EQ(error.retry_after()->count(), 7);
}

}  // namespace disha
