// The ROI of a catalogue programme over HTTP on the backend under test: fee, duration and
// placement from the programme and salary bands from the career, the rest from the query, and
// the same answer as POST /api/v1/roi with the request it echoes (one engine, no second copy).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "command.hpp"
#include "server_fixture.hpp"

namespace disha::test {
namespace {

namespace json = boost::json;

class ProgrammeRoi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto url = fresh_database_url();
    int exit_code = -1;
    auto output = run_command(std::string(disha_binary()) + " generate --db " + shell_quote(url) +
                                  " --universities 5 --programmes-per-university 3 --seed 3 2>&1",
                              exit_code);
    ASSERT_EQ(exit_code, 0) << output;
    server = std::make_unique<DishaProcess>(url);
    auto page = request(port(), "GET", "/api/v1/programmes?demo=true&mode=online&limit=1");
    ASSERT_EQ(page.status, 200) << page.body;
    online = std::string(page.json().at("items").at(0).at("slug").as_string());
  }
  static void TearDownTestSuite() { server.reset(); }
  static unsigned short port() { return server->port(); }
  static HttpResponse roi(const std::string& slug, const std::string& query) {
    return request(port(), "GET", "/api/v1/programmes/" + slug + "/roi?" + query);
  }

  static inline std::unique_ptr<DishaProcess> server;
  static inline std::string online;
};

TEST_F(ProgrammeRoi, FillsTheProgrammeAndCareerFromTheCatalogue) {
  auto programme = request(port(), "GET", "/api/v1/programmes/" + online).json();
  auto answer = roi(online, "career=backend-developer&current_salary_inr=300000");
  ASSERT_EQ(answer.status, 200) << answer.body;
  auto body = answer.json().as_object();
  const auto& request_json = body.at("request").as_object();
  EXPECT_EQ(request_json.at("cost").at("total_fee_inr"), programme.at("fee_total_inr"));
  EXPECT_EQ(request_json.at("cost").at("duration_months"), programme.at("duration_months"));
  EXPECT_EQ(request_json.at("study_mode"), "while_working");  // an online programme
  EXPECT_EQ(request_json.at("earnings").at("salary_bands").as_array().size(), 4u);
  EXPECT_EQ(request_json.at("earnings").at("salary_bands").at(0).at("salary_inr"), 458000);
  EXPECT_EQ(body.at("career").at("slug"), "backend-developer");
  std::set<std::string> from_catalogue;
  for (const auto& path : body.at("inputs_from_catalogue").as_array()) {
    from_catalogue.insert(std::string(path.as_string()));
  }
  EXPECT_TRUE(from_catalogue.contains("cost.total_fee_inr"));
  EXPECT_TRUE(from_catalogue.contains("earnings.salary_bands"));

  // The same request through POST /api/v1/roi gives the same analysis.
  auto posted = request(port(), "POST", "/api/v1/roi", json::serialize(request_json),
                        {{"Content-Type", "application/json"}});
  ASSERT_EQ(posted.status, 200) << posted.body;
  EXPECT_EQ(posted.json(), body.at("roi"));
}

TEST_F(ProgrammeRoi, TakesTheLearnersInputsFromTheQuery) {
  auto answer = roi(online,
                    "career=data-engineer&current_salary_inr=300000&study_mode=full_time"
                    "&loan_amount_inr=100000&interest_rate=0.1&tenure_months=36&tax=true");
  ASSERT_EQ(answer.status, 200) << answer.body;
  auto request_json = answer.json().at("request").as_object();
  EXPECT_EQ(request_json.at("study_mode"), "full_time");
  EXPECT_EQ(request_json.at("financing").at("tenure_months"), 36);
  EXPECT_EQ(request_json.at("tax").at("enabled"), true);
  // Data engineers have one average salary in the seed (9.9 LPA).
  EXPECT_EQ(request_json.at("earnings").at("salary_bands").at(0).at("salary_inr"), 990000);
}

TEST_F(ProgrammeRoi, RefusesBadInputNamingTheParameter) {
  expect_problem(roi(online, "career=astronaut&current_salary_inr=1"), 400, "career");
  expect_problem(roi(online, "career=backend-developer"), 422, "current_salary_inr");
  expect_problem(roi(online,
                     "career=backend-developer&current_salary_inr=1&interest_rate=2"
                     "&loan_amount_inr=1000&tenure_months=12"),
                 422, "interest_rate");
  expect_problem(roi(online, "career=backend-developer&current_salary_inr=lots"), 400,
                 "current_salary_inr");
  expect_problem(roi(online, "career=backend-developer&colour=red"), 400, "colour");
  expect_problem(roi("no-such-programme", "career=backend-developer"), 404);
  // NIRF programmes disclose no fee: the learner must give one.
  auto page = request(port(), "GET", "/api/v1/programmes?demo=false&level=PG&limit=1").json();
  auto nirf = std::string(page.at("items").at(0).at("slug").as_string());
  expect_problem(roi(nirf, "career=backend-developer"), 400, "fee_total_inr");
  EXPECT_EQ(roi(nirf, "career=backend-developer&fee_total_inr=200000").status, 200);
}

}  // namespace
}  // namespace disha::test
