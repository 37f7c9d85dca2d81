#include "http/policy.hpp"

#include <gtest/gtest.h>

#include "http/router.hpp"

namespace disha::http {
namespace {

using Decision = Policy::Decision;

TEST(Policy, UndeclaredRefusesEveryone) {
  Policy undeclared;
  Principal admin{1, "admin", "s", "c"};
  EXPECT_FALSE(undeclared.declared());
  EXPECT_EQ(undeclared.decide(nullptr), Decision::forbidden);
  EXPECT_EQ(undeclared.decide(&admin), Decision::forbidden);
  EXPECT_EQ(undeclared.describe(), "undeclared");
}

TEST(Policy, PublicAuthenticatedAndRoles) {
  Principal learner{1, "learner", "s", "c"};
  Principal admin{2, "admin", "s", "c"};
  EXPECT_EQ(Policy::public_access().decide(nullptr), Decision::allow);
  EXPECT_EQ(Policy::authenticated().decide(nullptr), Decision::unauthenticated);
  EXPECT_EQ(Policy::authenticated().decide(&learner), Decision::allow);
  auto staff = Policy::roles({"admin", "expert"});
  EXPECT_EQ(staff.decide(nullptr), Decision::unauthenticated);
  EXPECT_EQ(staff.decide(&learner), Decision::forbidden);
  EXPECT_EQ(staff.decide(&admin), Decision::allow);
  EXPECT_EQ(staff.describe(), "roles:admin,expert");
}

TEST(Policy, RouterListsRoutesWithoutOne) {
  Router router;
  auto noop = [](Context&) -> net::awaitable<Response> { co_return Response{Status::ok, 11}; };
  router.add(Method::get, "/open", noop, {.policy = Policy::public_access()});
  router.add(Method::post, "/forgotten", noop, {.body_limit = 10});
  EXPECT_EQ(routes_without_policy(router), std::vector<std::string>{"POST /forgotten"});
}

}  // namespace
}  // namespace disha::http
