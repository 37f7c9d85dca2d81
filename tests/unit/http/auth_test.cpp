#include "http/auth.hpp"

#include <gtest/gtest.h>

namespace disha::http {
namespace {

Request with(std::initializer_list<std::pair<beast::http::field, std::string>> headers) {
  Request request{Method::get, "/", 11};
  for (const auto& [name, value] : headers) request.insert(name, value);
  return request;
}

TEST(SessionTokenSource, BearerWinsOverTheCookie) {
  auto request = with({{beast::http::field::authorization, "bearer abc"},
                       {beast::http::field::cookie, std::string(kSessionCookie) + "=xyz"}});
  auto token = session_token(request);
  ASSERT_TRUE(token);
  EXPECT_EQ(token->value, "abc");
  EXPECT_FALSE(token->from_cookie);
}

TEST(SessionTokenSource, CookieAmongOthers) {
  auto request =
      with({{beast::http::field::cookie, "theme=dark"},
            {beast::http::field::cookie, "a=1; " + std::string(kSessionCookie) + "=xyz; b=2"}});
  auto token = session_token(request);
  ASSERT_TRUE(token);
  EXPECT_EQ(token->value, "xyz");
  EXPECT_TRUE(token->from_cookie);
  EXPECT_EQ(cookie_value(request, "b"), "2");
  EXPECT_FALSE(cookie_value(request, "missing"));
}

TEST(SessionTokenSource, NoneOrOtherSchemes) {
  EXPECT_FALSE(session_token(with({})));
  EXPECT_FALSE(session_token(with({{beast::http::field::authorization, "Basic dXNlcjpwYXNz"}})));
  EXPECT_FALSE(
      session_token(with({{beast::http::field::cookie, std::string(kSessionCookie) + "="}})));
}

}  // namespace
}  // namespace disha::http
