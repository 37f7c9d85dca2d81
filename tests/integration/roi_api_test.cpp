// The ROI calculator over HTTP: the worked example of docs/roi.md end to end, a reproducible
// Monte Carlo run, and input errors naming the field.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "server_fixture.hpp"

namespace disha::test {
namespace {

class RoiApi : public WithServer<RoiApi> {
 protected:
  static HttpResponse post(const boost::json::value& body) {
    return request(port(), "POST", "/api/v1/roi", boost::json::serialize(body),
                   {{"Content-Type", "application/json"}});
  }
  // The docs/roi.md worked example: an online MCA taken while working (shared fixture).
  static boost::json::object worked_example() {
    std::ifstream file(std::string(DISHA_SOURCE_DIR) + "/tests/fixtures/roi_worked_example.json");
    std::stringstream text;
    text << file.rdbuf();
    return boost::json::parse(text.str()).as_object();
  }
};

double number(const boost::json::value& value) {
  return value.to_number<double>();
}

TEST_F(RoiApi, ComputesTheWorkedExample) {
  auto response = post(worked_example());
  ASSERT_EQ(response.status, 200) << response.body;
  auto result = response.json().as_object();
  // Figures computed independently in docs/roi.md.
  EXPECT_NEAR(number(result.at("loan").at("emi_inr")), 4614.49, 0.01);
  EXPECT_NEAR(number(result.at("loan").at("total_interest_inr")), 10747.82, 0.01);
  auto graduate = result.at("scenarios").at("graduate").as_object();
  EXPECT_NEAR(number(graduate.at("payback").at("months")), 37.62, 0.01);
  auto five_years = graduate.at("horizons").as_array().at(0).as_object();
  EXPECT_EQ(five_years.at("years").as_int64(), 5);
  EXPECT_NEAR(number(five_years.at("npv_inr")), 474100.16, 0.5);
  auto risk_adjusted = result.at("scenarios").at("risk_adjusted").as_object();
  EXPECT_NEAR(number(risk_adjusted.at("horizons").as_array().at(1).at("npv_inr")), 2037102.02, 0.5);
  // Defaults are reported back, flagged.
  EXPECT_TRUE(result.at("assumptions").at("valuation.discount_rate").at("defaulted").as_bool());
  EXPECT_FALSE(result.at("assumptions").at("cost.total_fee_inr").at("defaulted").as_bool());
}

TEST_F(RoiApi, MonteCarloIsReproducibleForASeed) {
  auto body = worked_example();
  body["monte_carlo"] = {{"paths", 2000}, {"seed", 7}};
  auto first = post(body);
  auto second = post(body);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json().at("monte_carlo"), second.json().at("monte_carlo"));
  body["monte_carlo"].as_object()["seed"] = 8;
  EXPECT_NE(post(body).json().at("monte_carlo"), first.json().at("monte_carlo"));
}

TEST_F(RoiApi, RejectsBadInputNamingTheField) {
  auto negative_fee = worked_example();
  negative_fee["cost"].as_object()["total_fee_inr"] = -1;
  expect_problem(post(negative_fee), 422, "cost.total_fee_inr");

  auto usurious = worked_example();
  usurious["financing"].as_object()["interest_rate"] = 1.0;
  expect_problem(post(usurious), 422, "financing.interest_rate");

  auto no_tenure = worked_example();
  no_tenure["financing"].as_object()["tenure_months"] = 0;
  expect_problem(post(no_tenure), 422, "financing.tenure_months");

  auto far = worked_example();
  far["horizons_years"] = boost::json::array{5, 61};
  expect_problem(post(far), 422, "horizons_years[1]");

  auto too_many_paths = worked_example();
  too_many_paths["monte_carlo"] = {{"paths", 100001}};
  expect_problem(post(too_many_paths), 422, "monte_carlo.paths");

  auto unknown = worked_example();
  unknown["cost"].as_object()["discount_code"] = "FREE";
  expect_problem(post(unknown), 422, "cost.discount_code");

  expect_problem(
      request(port(), "POST", "/api/v1/roi", "{", {{"Content-Type", "application/json"}}), 400,
      "body");
}

}  // namespace
}  // namespace disha::test
