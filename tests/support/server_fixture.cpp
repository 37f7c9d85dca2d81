#include "server_fixture.hpp"

namespace disha::test {

boost::json::object expect_problem(const HttpResponse& response, int status,
                                   std::string_view field) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.header("content-type"), "application/problem+json");
  auto problem = response.json().as_object();
  EXPECT_EQ(problem.at("status"), status);
  EXPECT_FALSE(problem.at("detail").as_string().empty());
  EXPECT_FALSE(problem.at("request_id").as_string().empty());
  if (!field.empty()) {
    EXPECT_EQ(problem.at("field").as_string(), field) << response.body;
  }
  return problem;
}

}  // namespace disha::test
