#include "features/roi/json.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "features/roi/engine.hpp"

namespace disha::roi {

namespace {

namespace json = boost::json;

// The worked example of docs/roi.md as a client sends it (shared with the integration test).
json::value worked_example() {
  std::ifstream file(std::string(DISHA_SOURCE_DIR) + "/tests/fixtures/roi_worked_example.json");
  std::stringstream text;
  text << file.rdbuf();
  return json::parse(text.str());
}

// Sets body[path…] = value, creating objects on the way.
json::value with(json::value body, std::initializer_list<std::string_view> path,
                 json::value value) {
  json::value* at = &body;
  for (std::string_view key : path) {
    if (!at->is_object()) at->emplace_object();
    at = &at->as_object()[key];
  }
  *at = std::move(value);
  return body;
}

void expect_rejected(const json::value& body, std::string_view field, std::string_view fragment) {
  try {
    compute_roi(parse_roi_request(body));
    ADD_FAILURE() << "accepted; expected an error naming " << field;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unprocessable) << error.what();
    EXPECT_EQ(error.field(), field) << error.what();
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
  }
}

}  // namespace

TEST(ParseRoiRequest, ReadsEveryPart) {
  const RoiRequest request = parse_roi_request(worked_example());
  EXPECT_EQ(request.study_mode, StudyMode::while_working);
  EXPECT_EQ(request.cost.total_fee_inr, 150'000);
  EXPECT_EQ(request.cost.duration_months, 24);
  EXPECT_EQ(request.financing.interest_rate, 0.10);
  ASSERT_TRUE(request.earnings.salary_bands);
  EXPECT_EQ((*request.earnings.salary_bands)[3], (SalaryBand{10, 19, 2'000'000}));
  EXPECT_EQ(request.completion.probability, 0.8);
  EXPECT_FALSE(request.method);
  EXPECT_FALSE(request.monte_carlo);

  const RoiRequest full = parse_roi_request(json::parse(R"({
    "method": "freopp", "study_mode": "full_time",
    "cost": {"fee_schedule_inr": [50000, 50000], "duration_months": 12, "scholarship_inr": 1,
             "subsidy_inr": 2, "other_costs_inr": 3},
    "financing": {"loan_amount_inr": 1, "interest_rate": 0.1, "tenure_months": 12,
                  "moratorium_months": 3, "moratorium_mode": "interest_only"},
    "earnings": {"trajectory_inr": [1, 2.5], "starting_experience_years": 2, "salary_growth": 0.04,
                 "placement_probability": 0.9, "months_to_first_job": 4},
    "counterfactual": {"current_salary_inr": 5, "salary_growth": 0.06},
    "completion": {"probability": 0.7, "dropout_month": 3},
    "valuation": {"basis": "nominal", "inflation": 0.04, "discount_rate": 0.08},
    "tax": {"enabled": true, "index_to_inflation": false,
            "slab_table": {"id": "flat", "slabs": [{"from_inr": 0, "rate": 0.1}]}},
    "horizons_years": [1, 2],
    "analysis": {"summary_horizon_years": 2, "payback_target_years": 1, "sensitivity_swing": 0.1},
    "monte_carlo": {"paths": 10, "seed": 18446744073709551615, "salary_growth_sd": 0.01}
  })"));
  EXPECT_EQ(full.method, Method::freopp);
  EXPECT_EQ(full.cost.fee_schedule_inr, (std::vector<double>{50'000, 50'000}));
  EXPECT_EQ(full.financing.moratorium_mode, MoratoriumMode::interest_only);
  EXPECT_EQ(full.earnings.trajectory_inr, (std::vector<double>{1, 2.5}));
  EXPECT_EQ(full.valuation.basis, Basis::nominal);
  EXPECT_EQ(full.tax.slab_table->slabs.size(), 1u);
  EXPECT_EQ(full.horizons_years, (std::vector<int>{1, 2}));
  EXPECT_EQ(full.analysis.sensitivity_swing, 0.1);
  EXPECT_EQ(full.monte_carlo->seed, 18446744073709551615ULL);
  EXPECT_NO_THROW(compute_roi(full));
}

TEST(ParseRoiRequest, TreatsNullAsAbsent) {
  const RoiRequest request = parse_roi_request(
      with(with(worked_example(), {"valuation"}, nullptr), {"cost", "scholarship_inr"}, nullptr));
  EXPECT_FALSE(request.cost.scholarship_inr);
  EXPECT_FALSE(request.valuation.basis);
}

TEST(ParseRoiRequest, RejectsUnknownFieldsByPath) {
  expect_rejected(with(worked_example(), {"colour"}, "blue"), "colour", "unknown field");
  expect_rejected(with(worked_example(), {"cost", "fee_inr"}, 1), "cost.fee_inr", "unknown field");
  expect_rejected(with(worked_example(), {"tax", "regime"}, "old"), "tax.regime", "unknown field");
  json::value body = worked_example();
  body.at("earnings").at("salary_bands").as_array()[2].as_object()["salary_lpa"] = 10;
  expect_rejected(body, "earnings.salary_bands[2].salary_lpa", "unknown field");
}

TEST(ParseRoiRequest, RejectsWrongTypesByPath) {
  expect_rejected(json::parse("[]"), "body", "JSON object");
  expect_rejected(with(worked_example(), {"cost"}, "cheap"), "cost", "JSON object");
  expect_rejected(with(worked_example(), {"cost", "total_fee_inr"}, "150000"), "cost.total_fee_inr",
                  "must be a number");
  expect_rejected(with(worked_example(), {"cost", "duration_months"}, 24.5), "cost.duration_months",
                  "whole number");
  expect_rejected(with(worked_example(), {"financing", "moratorium_mode"}, "deferred"),
                  "financing.moratorium_mode", "one of: capitalised, interest_only, full_emi");
  expect_rejected(with(worked_example(), {"method"}, "roi"), "method",
                  "one of: disha, cew, freopp, pep");
  expect_rejected(with(worked_example(), {"study_mode"}, 1), "study_mode", "must be a string");
  expect_rejected(with(worked_example(), {"horizons_years"}, 10), "horizons_years",
                  "must be an array");
  expect_rejected(with(worked_example(), {"horizons_years"}, json::array{10, "20"}),
                  "horizons_years[1]", "number");
  expect_rejected(with(worked_example(), {"tax", "enabled"}, "yes"), "tax.enabled",
                  "true or false");
  expect_rejected(with(worked_example(), {"monte_carlo", "seed"}, -1), "monte_carlo.seed",
                  "whole number");
  expect_rejected(with(worked_example(), {"monte_carlo", "seed"}, 1.5), "monte_carlo.seed",
                  "whole number");
  expect_rejected(
      with(worked_example(), {"tax", "slab_table"}, json::object{{"slabs", json::array{}}}),
      "tax.slab_table.id", "required");
  expect_rejected(with(worked_example(), {"cost"}, json::object{{"duration_months", 24}}),
                  "cost.total_fee_inr", "required");
  json::value no_earnings = worked_example();
  no_earnings.as_object().erase("earnings");
  expect_rejected(no_earnings, "earnings", "required");
}

TEST(ParseRoiRequest, EngineRangeErrorsNameTheSameFields) {
  expect_rejected(with(worked_example(), {"cost", "total_fee_inr"}, -5), "cost.total_fee_inr",
                  "between 0 and");
  expect_rejected(with(worked_example(), {"financing", "interest_rate"}, 10.5),
                  "financing.interest_rate", "fraction");
  expect_rejected(with(worked_example(), {"horizons_years"}, json::array{5, 70}),
                  "horizons_years[1]", "between 1 and 60");
  expect_rejected(with(worked_example(), {"monte_carlo"}, json::object{{"paths", 200000}}),
                  "monte_carlo.paths", "between 1 and 100000");
  expect_rejected(with(worked_example(), {"completion", "probability"}, 80),
                  "completion.probability", "between 0 and 1");
  // Boost.JSON reads numbers beyond double's range as infinity.
  expect_rejected(with(worked_example(), {"cost", "total_fee_inr"}, json::parse("1e400")),
                  "cost.total_fee_inr", "finite");
}

TEST(ToJson, StatesEveryAssumptionAndWhetherItWasDefaulted) {
  const RoiResult result = compute_roi(parse_roi_request(worked_example()));
  const json::value body = to_json(result);
  const json::object& assumptions = body.at("assumptions").as_object();
  EXPECT_EQ(assumptions.at("cost.total_fee_inr").at("value"), 150000.0);
  EXPECT_EQ(assumptions.at("cost.total_fee_inr").at("defaulted"), false);
  EXPECT_EQ(assumptions.at("valuation.discount_rate").at("value"), 0.03);
  EXPECT_EQ(assumptions.at("valuation.discount_rate").at("defaulted"), true);
  EXPECT_EQ(assumptions.at("financing.moratorium_mode").at("value"), "full_emi");
  EXPECT_EQ(assumptions.at("tax.slab_table").at("value").at("id"), "india_new_regime_fy2025_26");
  EXPECT_EQ(assumptions.at("cost.fee_schedule_inr").at("value"),
            (json::array{37500.0, 37500.0, 37500.0, 37500.0}));
  // Every default the engine filled in is listed.
  for (std::string_view path : result.inputs.defaulted) {
    ASSERT_TRUE(assumptions.contains(path)) << path;
    EXPECT_EQ(assumptions.at(path).at("defaulted"), true) << path;
  }
}

TEST(ToJson, CarriesTheWorkedExampleResults) {
  const json::value body = to_json(compute_roi(parse_roi_request(worked_example())));
  EXPECT_EQ(body.at("method"), "disha");
  EXPECT_EQ(body.at("basis"), "real");
  const json::value& risk = body.at("scenarios").at("risk_adjusted");
  EXPECT_NEAR(risk.at("irr").at("value").as_double(), 1.0003421835, 1e-8);
  EXPECT_NEAR(risk.at("payback").at("months").as_double(), 38.55597904888424, 1e-8);
  EXPECT_EQ(risk.at("payback").at("break_even_year"), 3);
  EXPECT_NEAR(risk.at("horizons").at(1).at("npv_inr").as_double(), 2037102.016019, 1e-4);
  EXPECT_EQ(risk.at("cash_flows").as_array().size(), 40u);
  EXPECT_TRUE(body.at("scenarios").at("non_completer").at("payback").at("months").is_null());
  EXPECT_TRUE(body.at("scenarios").at("non_completer").at("irr").at("value").is_null());
  EXPECT_NEAR(body.at("loan").at("emi_inr").as_double(), 4614.492634, 1e-6);
  EXPECT_EQ(body.at("loan").at("schedule").as_array().size(), 24u);
  EXPECT_TRUE(body.at("monte_carlo").is_null());
  EXPECT_TRUE(body.at("anchor").is_null());
  EXPECT_EQ(body.at("warnings").at(0).at("code"), "loan_payments_above_8_percent_of_income");
  EXPECT_GT(body.at("goal_seek").at("max_fee").at("total_fee_inr").as_double(), 150000);
  EXPECT_FALSE(body.at("sensitivity").at("rows").as_array().empty());
}

TEST(ToJson, IncludesMonteCarloAndAnchorWhenAsked) {
  json::value body =
      with(worked_example(), {"monte_carlo"}, json::object{{"paths", 500}, {"seed", 7}});
  body = with(std::move(body), {"method"}, "cew");
  const json::value result = to_json(compute_roi(parse_roi_request(body)));
  EXPECT_EQ(result.at("monte_carlo").at("paths"), 500);
  EXPECT_EQ(result.at("monte_carlo").at("horizons").as_array().size(), 6u);
  EXPECT_EQ(result.at("anchor").at("method"), "cew");
  EXPECT_EQ(result.at("anchor").at("discount_rate"), 0.02);
  EXPECT_EQ(result.at("assumptions").at("monte_carlo.salary_growth_sd").at("defaulted"), true);
}

}  // namespace disha::roi
