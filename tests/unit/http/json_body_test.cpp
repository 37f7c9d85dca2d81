#include "http/json_body.hpp"

#include <gtest/gtest.h>

namespace disha::http {
namespace {

Context with_body(std::string body, std::string content_type = "application/json") {
  Context context;
  context.request.set(beast::http::field::content_type, content_type);
  context.request.body() = std::move(body);
  return context;
}

ErrorCode code_of(const std::function<void()>& action, std::string* field = nullptr) {
  try {
    action();
  } catch (const Error& error) {
    if (field) *field = error.field();
    return error.code();
  }
  ADD_FAILURE() << "no error";
  return ErrorCode::internal;
}

TEST(ReadJson, AcceptsJsonMediaTypesWithParameters) {
  EXPECT_EQ(read_json_object(with_body(R"({"a":1})", "application/json; charset=utf-8")).size(),
            1u);
  EXPECT_EQ(read_json_object(with_body(R"({"a":1})", "Application/JSON")).size(), 1u);
  EXPECT_EQ(read_json_object(with_body(R"({})", "application/merge-patch+json")).size(), 0u);
}

TEST(ReadJson, RefusesOtherMediaTypesWith415) {
  std::string field;
  EXPECT_EQ(code_of([] { read_json(with_body("{}", "text/plain")); }, &field),
            ErrorCode::unsupported_media_type);
  EXPECT_EQ(field, "Content-Type");
  EXPECT_EQ(code_of([] { read_json(with_body("{}", "")); }), ErrorCode::unsupported_media_type);
}

TEST(ReadJson, RefusesMalformedJsonWith400NamingTheBody) {
  std::string field;
  EXPECT_EQ(code_of([] { read_json(with_body("{\"a\":")); }, &field), ErrorCode::bad_request);
  EXPECT_EQ(field, "body");
  EXPECT_EQ(code_of([] { read_json(with_body("")); }), ErrorCode::bad_request);
  EXPECT_EQ(code_of([] { read_json(with_body("{} trailing")); }), ErrorCode::bad_request);
}

TEST(ReadJson, CapsNestingDepth) {
  std::string deep = std::string(40, '[') + std::string(40, ']');
  EXPECT_EQ(code_of([&] { read_json(with_body(deep)); }), ErrorCode::bad_request);
  std::string shallow = std::string(10, '[') + std::string(10, ']');
  EXPECT_NO_THROW(read_json(with_body(shallow)));
}

TEST(ReadJsonObject, RefusesNonObjects) {
  EXPECT_EQ(code_of([] { read_json_object(with_body("[1]")); }), ErrorCode::unprocessable);
}

TEST(RejectUnknownFields, NamesTheFirstUnknownField) {
  auto object = read_json_object(with_body(R"({"msg":"x","extra":1})"));
  std::string field;
  EXPECT_EQ(code_of([&] { reject_unknown_fields(object, {"msg"}, "ping"); }, &field),
            ErrorCode::unprocessable);
  EXPECT_EQ(field, "ping.extra");
  EXPECT_NO_THROW(reject_unknown_fields(object, {"msg", "extra"}));
}

TEST(OptionalString, ChecksTheType) {
  auto object = read_json_object(with_body(R"({"msg":"hi","n":3})"));
  EXPECT_EQ(optional_string(object, "msg"), "hi");
  EXPECT_EQ(optional_string(object, "missing"), std::nullopt);
  std::string field;
  EXPECT_EQ(code_of([&] { optional_string(object, "n"); }, &field), ErrorCode::unprocessable);
  EXPECT_EQ(field, "n");
}

}  // namespace
}  // namespace disha::http
