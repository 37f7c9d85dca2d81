// The Career Finder over HTTP on the backend under test: questionnaire, scoring with saved
// results, and input validation.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>

#include "server_fixture.hpp"

namespace disha::test {
namespace {

class FinderApi : public WithServer<FinderApi> {
 protected:
  static HttpResponse submit(const boost::json::value& body) {
    return request(port(), "POST", "/api/v1/career-test/responses", boost::json::serialize(body),
                   {{"Content-Type", "application/json"}});
  }
  // Answers that like Investigative and Conventional work and dislike the rest (long form:
  // areas run R R I I A A S S E E C C, five times).
  static boost::json::array analytical_answers() {
    boost::json::array answers;
    const int per_area[] = {2, 5, 1, 1, 2, 5};  // R I A S E C
    for (int cycle = 0; cycle < 5; ++cycle) {
      for (int area = 0; area < 6; ++area) {
        answers.push_back(per_area[area]);
        answers.push_back(per_area[area]);
      }
    }
    return answers;
  }
};

TEST_F(FinderApi, ServesBothFormsInTheDocumentedOrder) {
  auto long_form = request(port(), "GET", "/api/v1/career-test");
  ASSERT_EQ(long_form.status, 200);
  auto items = long_form.json().at("items").as_array();
  ASSERT_EQ(items.size(), 60u);
  const std::string order = "RRIIAASSEECC";
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].at("area").as_string(), std::string(1, order[i % 12])) << i;
  }
  EXPECT_NE(long_form.json().at("credit").as_string().find("O*NET 29.3"), std::string::npos);

  auto short_form = request(port(), "GET", "/api/v1/career-test?form=short");
  ASSERT_EQ(short_form.status, 200);
  auto short_items = short_form.json().at("items").as_array();
  ASSERT_EQ(short_items.size(), 30u);
  for (std::size_t i = 0; i < short_items.size(); ++i) {
    EXPECT_EQ(short_items[i].at("area").as_string(), std::string(1, "RIASEC"[i % 6])) << i;
  }
  expect_problem(request(port(), "GET", "/api/v1/career-test?form=medium"), 422, "form");
}

TEST_F(FinderApi, ScoresRanksAndSavesAResult) {
  auto created = submit({{"answers", analytical_answers()}, {"scope", "onet"}, {"limit", 5}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto result = created.json().as_object();
  // Sum of (answer - 1) over ten items: I and C 40, R and E 10, A and S 0.
  EXPECT_EQ(result.at("scores").at("I").as_int64(), 40);
  EXPECT_EQ(result.at("scores").at("C").as_int64(), 40);
  EXPECT_EQ(result.at("scores").at("R").as_int64(), 10);
  EXPECT_EQ(result.at("scores").at("A").as_int64(), 0);
  EXPECT_EQ(result.at("holland_code").as_string(), "ICR");  // ties broken R, I, A, S, E, C
  auto matches = result.at("matches").as_array();
  ASSERT_EQ(matches.size(), 5u);
  double previous = 2;
  for (const auto& match : matches) {
    double r = match.at("r").to_number<double>();
    EXPECT_LE(r, previous);
    EXPECT_GE(r, 0.4);
    previous = r;
  }
  EXPECT_NE(result.at("credit").as_string().find("CC BY 4.0"), std::string::npos);

  auto id = std::string(result.at("id").as_string());
  EXPECT_EQ(id.size(), 32u);
  EXPECT_EQ(created.header("location"), "/api/v1/career-test/results/" + id);
  auto saved = request(port(), "GET", created.header("location"));
  ASSERT_EQ(saved.status, 200);
  EXPECT_EQ(saved.body, created.body);
}

TEST_F(FinderApi, FlatAnswersGiveNoRanking) {
  boost::json::array flat(60, boost::json::value(3));
  auto created = submit({{"answers", flat}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_FALSE(created.json().at("clear_pattern").as_bool());
  EXPECT_TRUE(created.json().at("matches").as_array().empty());
  EXPECT_FALSE(created.json().at("message").as_string().empty());
}

TEST_F(FinderApi, RejectsBadAnswersNamingTheField) {
  expect_problem(submit({{"answers", boost::json::array{1, 2, 3}}}), 422, "answers");
  auto out_of_range = analytical_answers();
  out_of_range[7] = 6;
  expect_problem(submit({{"answers", out_of_range}}), 422, "answers[7]");
  auto fractional = analytical_answers();
  fractional[0] = 2.5;
  expect_problem(submit({{"answers", fractional}}), 422, "answers[0]");
  expect_problem(submit({{"answers", analytical_answers()}, {"job_zone", 6}}), 422, "job_zone");
  expect_problem(submit({{"answers", analytical_answers()}, {"scope", "all"}}), 422, "scope");
  expect_problem(submit({{"answers", analytical_answers()}, {"hack", true}}), 422, "hack");
  auto not_json = request(port(), "POST", "/api/v1/career-test/responses", "answers=1",
                          {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(not_json.status, 415);
}

TEST_F(FinderApi, UnknownResultIdsAre404) {
  for (auto target :
       {"/api/v1/career-test/results/0123456789abcdef0123456789abcdef",
        "/api/v1/career-test/results/not-an-id", "/api/v1/career-test/results/%27%20OR%201=1"}) {
    auto response = request(port(), "GET", target);
    EXPECT_EQ(response.status, 404) << target;
  }
}

}  // namespace
}  // namespace disha::test
