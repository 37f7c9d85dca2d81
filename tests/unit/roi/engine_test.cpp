#include "features/roi/engine.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "core/error.hpp"

namespace disha::roi {

namespace {

// Backend-developer salary by experience from the seed data: 4.58, 6.03, 10 and 20 LPA.
std::vector<SalaryBand> backend_developer_bands() {
  return {{0, 1, 458'000}, {1, 4, 603'000}, {5, 9, 1'000'000}, {10, 19, 2'000'000}};
}

// The worked example of docs/roi.md: an online MCA (₹1.5 lakh, 24 months) taken while working
// at ₹3 lakh a year, ₹1 lakh of it on a 10% two-year loan, 80% completion; the rest defaults.
RoiRequest worked_example() {
  RoiRequest request;
  request.study_mode = StudyMode::while_working;
  request.cost.total_fee_inr = 150'000;
  request.cost.duration_months = 24;
  request.financing.loan_amount_inr = 100'000;
  request.financing.interest_rate = 0.10;
  request.financing.tenure_months = 24;
  request.earnings.salary_bands = backend_developer_bands();
  request.counterfactual.current_salary_inr = 300'000;
  request.completion.probability = 0.8;
  return request;
}

// A fresher studying full time: no counterfactual salary, no loan.
RoiRequest full_time_fresher() {
  RoiRequest request;
  request.cost.total_fee_inr = 250'000;
  request.cost.duration_months = 24;
  request.earnings.salary_bands = backend_developer_bands();
  return request;
}

double npv_at(const ScenarioResult& scenario, int years) {
  const auto found = std::find_if(scenario.horizons.begin(), scenario.horizons.end(),
                                  [&](const HorizonValue& value) { return value.years == years; });
  return found->npv_inr;
}

void expect_rejected(const RoiRequest& request, std::string_view field) {
  try {
    compute_roi(request);
    ADD_FAILURE() << "accepted; expected an error naming " << field;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unprocessable) << error.what();
    EXPECT_EQ(error.field(), field) << error.what();
  }
}

bool has_default(const Inputs& inputs, std::string_view path) {
  return std::find(inputs.defaulted.begin(), inputs.defaulted.end(), path) !=
         inputs.defaulted.end();
}

}  // namespace

// Numbers from /tmp/roi/worked_example.py, quoted in docs/roi.md: plain Python arithmetic month
// by month, independent of this code.
TEST(WorkedExample, LoanEmiAndInterest) {
  const RoiResult result = compute_roi(worked_example());
  ASSERT_TRUE(result.loan);
  EXPECT_NEAR(result.loan->emi_inr, 4614.492634, 1e-6);
  EXPECT_NEAR(result.loan->total_interest_inr, 10747.823210, 1e-6);
  EXPECT_EQ(result.loan->months.size(), 24u);
}

TEST(WorkedExample, GraduateCashFlowsNpvIrrAndPayback) {
  const ScenarioResult& graduate = compute_roi(worked_example()).graduate;
  const std::vector<double> expected_net{-30373.911605, -124165.6301, 118500.0,
                                         266750.0,      303000.0,     303000.0};
  for (std::size_t t = 0; t < expected_net.size(); ++t) {
    EXPECT_NEAR(graduate.cash_flows[t].net_inr, expected_net[t], 1e-4) << "year " << t;
  }
  EXPECT_NEAR(npv_at(graduate, 5), 474100.161341, 1e-4);
  EXPECT_NEAR(npv_at(graduate, 10), 2566771.254885, 1e-4);
  EXPECT_NEAR(npv_at(graduate, 20), 12038984.406804, 1e-3);
  EXPECT_NEAR(npv_at(graduate, 40), 26462491.652982, 1e-3);
  ASSERT_TRUE(graduate.irr.value);
  EXPECT_NEAR(*graduate.irr.value, 1.0983846686, 1e-8);
  ASSERT_TRUE(graduate.payback);
  EXPECT_NEAR(graduate.payback->months, 37.621272728998946, 1e-8);
  EXPECT_EQ(graduate.payback->year, 3);
  ASSERT_TRUE(graduate.discounted_payback);
  EXPECT_NEAR(graduate.discounted_payback->months, 37.92821939401817, 1e-8);
}

TEST(WorkedExample, NonCompleterAndRiskAdjusted) {
  const RoiResult result = compute_roi(worked_example());
  EXPECT_NEAR(result.non_completer.cash_flows[1].net_inr, -52737.058671, 1e-4);
  EXPECT_NEAR(npv_at(result.non_completer, 40), -81574.939441, 1e-4);
  EXPECT_FALSE(result.non_completer.payback);
  EXPECT_FALSE(result.non_completer.irr.value);

  const ScenarioResult& risk = result.risk_adjusted;
  EXPECT_NEAR(risk.cash_flows[1].net_inr, -109879.915814, 1e-4);
  EXPECT_NEAR(npv_at(risk, 5), 362965.141185, 1e-4);
  EXPECT_NEAR(npv_at(risk, 10), 2037102.016019, 1e-4);
  EXPECT_NEAR(npv_at(risk, 40), 21153678.334497, 1e-3);
  ASSERT_TRUE(risk.irr.value);
  EXPECT_NEAR(*risk.irr.value, 1.0003421835, 1e-8);
  ASSERT_TRUE(risk.payback);
  EXPECT_NEAR(risk.payback->months, 38.55597904888424, 1e-8);
  EXPECT_NEAR(risk.discounted_payback->months, 38.93072142420701, 1e-8);
}

TEST(WorkedExample, GoalSeek) {
  // Python finds these by bisection on its own model (200 halvings).
  const GoalSeek& goal = compute_roi(worked_example()).goal_seek;
  EXPECT_EQ(goal.payback_target_years, 5);
  ASSERT_TRUE(goal.max_fee_inr);
  EXPECT_NEAR(*goal.max_fee_inr, 615798.3581, 1e-3);
  EXPECT_EQ(goal.npv_horizon_years, 10);
  ASSERT_TRUE(goal.break_even_starting_salary_inr);
  EXPECT_NEAR(*goal.break_even_starting_salary_inr, 209417.7851, 0.02);
}

TEST(Scenarios, RiskAdjustedIsTheCompletionWeightedMixOfGraduateAndNonCompleter) {
  const RoiResult result = compute_roi(worked_example());
  for (std::size_t h = 0; h < result.risk_adjusted.horizons.size(); ++h) {
    EXPECT_NEAR(
        result.risk_adjusted.horizons[h].npv_inr,
        0.8 * result.graduate.horizons[h].npv_inr + 0.2 * result.non_completer.horizons[h].npv_inr,
        1e-6);
  }
  EXPECT_DOUBLE_EQ(result.risk_adjusted.weight_non_completer, 0.2);
}

TEST(Scenarios, PlacementProbabilityMixesTheNewJobWithTheOldSalary) {
  RoiRequest request = worked_example();
  request.earnings.placement_probability = 1;
  const double placed = npv_at(compute_roi(request).graduate, 10);
  request.earnings.placement_probability = 0;
  const RoiResult unplaced = compute_roi(request);
  request.earnings.placement_probability = 0.25;
  const double mixed = npv_at(compute_roi(request).graduate, 10);
  EXPECT_NEAR(mixed, 0.25 * placed + 0.75 * npv_at(unplaced.graduate, 10), 1e-6);
  // Unplaced while working: the old salary continues, so only fees and the loan remain.
  EXPECT_DOUBLE_EQ(unplaced.graduate.cash_flows[5].net_inr, 0);
}

TEST(Scenarios, FullTimeStudyForgoesEarnings) {
  RoiRequest request = full_time_fresher();
  request.counterfactual.current_salary_inr = 240'000;
  request.counterfactual.salary_growth = 0;
  request.earnings.salary_growth = 0;
  request.valuation.basis = Basis::nominal;
  request.earnings.months_to_first_job = 6;
  const RoiResult result = compute_roi(request);
  const auto& flows = result.graduate.cash_flows;
  // Year 0: 2 of 4 instalments and a year without salary; year 2: 6 months' search, then 4.58 LPA.
  EXPECT_DOUBLE_EQ(flows[0].fees_inr, 125'000);
  EXPECT_DOUBLE_EQ(flows[0].earnings_with_inr, 0);
  EXPECT_DOUBLE_EQ(flows[0].net_inr, -125'000 - 240'000);
  EXPECT_DOUBLE_EQ(flows[2].earnings_with_inr, 458'000 / 2.0);
  EXPECT_DOUBLE_EQ(flows[3].earnings_with_inr, 458'000 / 2.0 + 603'000 / 2.0);
  // The last band continues past its years_max.
  EXPECT_DOUBLE_EQ(flows[35].earnings_with_inr, 2'000'000);
}

TEST(Scenarios, YearZeroIsNotDiscounted) {
  RoiRequest request = full_time_fresher();
  request.horizons_years = std::vector<int>{1, 2};
  request.valuation.discount_rate = 0.5;
  const RoiResult result = compute_roi(request);
  EXPECT_DOUBLE_EQ(npv_at(result.graduate, 1), result.graduate.cash_flows[0].net_inr);
  EXPECT_DOUBLE_EQ(npv_at(result.graduate, 2), result.graduate.cash_flows[0].net_inr +
                                                   result.graduate.cash_flows[1].net_inr / 1.5);
}

TEST(Scenarios, RealAndNominalAgreeWithoutInflation) {
  RoiRequest request = worked_example();
  request.valuation.inflation = 0;
  const double real = npv_at(compute_roi(request).risk_adjusted, 20);
  request.valuation.basis = Basis::nominal;
  EXPECT_NEAR(npv_at(compute_roi(request).risk_adjusted, 20), real, 1e-6);
}

TEST(Scenarios, RoiAndBenefitCostRatioFollowTheSignOfEachYear) {
  const ScenarioResult& graduate = compute_roi(worked_example()).graduate;
  // Over 5 years the outflows are years 0 and 1 (discounted), the rest inflows.
  const double costs = 30373.911605 + 124165.6301 / 1.03;
  const HorizonValue& five = graduate.horizons.front();
  ASSERT_TRUE(five.roi && five.benefit_cost_ratio);
  EXPECT_NEAR(*five.roi, 474100.161341 / costs, 1e-8);
  EXPECT_NEAR(*five.benefit_cost_ratio, (474100.161341 + costs) / costs, 1e-8);
  EXPECT_TRUE(five.paid_back);  // 37.6 months
}

TEST(Scenarios, TaxLowersTheGainOnceSalariesPassTheRebate) {
  RoiRequest request = worked_example();
  const RoiResult untaxed = compute_roi(request);
  request.tax.enabled = true;
  const RoiResult taxed = compute_roi(request);
  // Years 2-8 stay under ₹12.75 lakh: no tax. From experience year 10 (model year 12) the
  // ₹20 lakh band pays 1,92,400 (indexed slabs, real terms).
  EXPECT_EQ(taxed.graduate.cash_flows[8].tax_with_inr, 0);
  EXPECT_NEAR(taxed.graduate.cash_flows[14].tax_with_inr, 192'400, 1e-6);
  EXPECT_EQ(taxed.graduate.cash_flows[14].tax_without_inr, 0);
  EXPECT_LT(npv_at(taxed.graduate, 40), npv_at(untaxed.graduate, 40));
  EXPECT_DOUBLE_EQ(npv_at(taxed.graduate, 5), npv_at(untaxed.graduate, 5));
}

TEST(Scenarios, FeeScheduleSetsWhenFeesFall) {
  RoiRequest request = full_time_fresher();
  request.cost.total_fee_inr.reset();
  request.cost.fee_schedule_inr = std::vector<double>{100'000, 0, 0, 50'000};
  const RoiResult result = compute_roi(request);
  EXPECT_DOUBLE_EQ(result.graduate.cash_flows[0].fees_inr, 100'000);
  EXPECT_NEAR(result.graduate.cash_flows[1].fees_inr, 50'000 / 1.05, 1e-9);  // real terms
  EXPECT_EQ(result.inputs.duration_months, 24);
  EXPECT_EQ(result.inputs.total_fee_inr, 150'000);
  EXPECT_TRUE(has_default(result.inputs, "cost.total_fee_inr"));
}

TEST(Scenarios, ScholarshipSubsidyAndOtherCostsChangeTheNetFee) {
  RoiRequest request = full_time_fresher();
  request.cost.scholarship_inr = 50'000;
  request.cost.subsidy_inr = 25'000;
  request.cost.other_costs_inr = 15'000;
  request.valuation.basis = Basis::nominal;
  const RoiResult result = compute_roi(request);
  // 2,50,000 − 75,000 + 15,000 = 1,90,000 in four equal instalments, two a year.
  EXPECT_DOUBLE_EQ(result.graduate.cash_flows[0].fees_inr, 95'000);
  EXPECT_DOUBLE_EQ(result.graduate.cash_flows[1].fees_inr, 95'000);
}

TEST(Defaults, AreFilledInAndRecorded) {
  const RoiResult result = compute_roi(worked_example());
  const Inputs& inputs = result.inputs;
  EXPECT_EQ(inputs.horizons_years, (std::vector<int>{5, 10, 15, 20, 30, 40}));
  EXPECT_EQ(inputs.basis, Basis::real);
  EXPECT_EQ(inputs.discount_rate, 0.03);
  EXPECT_EQ(inputs.loan.moratorium_mode, MoratoriumMode::full_emi);  // while working
  EXPECT_EQ(inputs.dropout_month, 12);
  EXPECT_EQ(inputs.summary_horizon_years, 10);
  for (std::string_view path :
       {"valuation.basis", "valuation.discount_rate", "valuation.inflation",
        "earnings.salary_growth", "earnings.months_to_first_job", "completion.dropout_month",
        "financing.moratorium_mode", "tax.slab_table", "horizons_years", "method"}) {
    EXPECT_TRUE(has_default(inputs, path)) << path;
  }
  for (std::string_view path :
       {"cost.total_fee_inr", "completion.probability", "financing.interest_rate"}) {
    EXPECT_FALSE(has_default(inputs, path)) << path;
  }
}

TEST(Defaults, FullTimeLoansWaitForTheCoursePlusAYear) {
  RoiRequest request = full_time_fresher();
  request.financing.loan_amount_inr = 200'000;
  request.financing.interest_rate = 0.11;
  request.financing.tenure_months = 60;
  const Inputs inputs = resolve_inputs(request);
  EXPECT_EQ(inputs.loan.moratorium_mode, MoratoriumMode::capitalised);
  EXPECT_EQ(inputs.loan.moratorium_months, 36);
}

TEST(Validation, RejectsBadInputNamingTheField) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<std::pair<std::function<void(RoiRequest&)>, std::string_view>> cases{
      {[](RoiRequest& r) { r.cost.total_fee_inr = -1; }, "cost.total_fee_inr"},
      {[&](RoiRequest& r) { r.cost.total_fee_inr = nan; }, "cost.total_fee_inr"},
      {[&](RoiRequest& r) { r.counterfactual.current_salary_inr = inf; },
       "counterfactual.current_salary_inr"},
      {[](RoiRequest& r) { r.cost.total_fee_inr.reset(); }, "cost.total_fee_inr"},
      {[](RoiRequest& r) {
         r.cost.fee_schedule_inr = std::vector<double>{1, 2};
       },
       "cost.fee_schedule_inr"},
      {[](RoiRequest& r) {
         r.cost.total_fee_inr.reset();
         r.cost.fee_schedule_inr = std::vector<double>{1, 2, 3, 4, 5};
       },
       "cost.fee_schedule_inr"},
      {[](RoiRequest& r) {
         r.cost.total_fee_inr.reset();
         r.cost.fee_schedule_inr = std::vector<double>{1, -2};
       },
       "cost.fee_schedule_inr[1]"},
      {[](RoiRequest& r) { r.cost.duration_months = 0; }, "cost.duration_months"},
      {[](RoiRequest& r) { r.cost.scholarship_inr = 200'000; }, "cost.scholarship_inr"},
      {[](RoiRequest& r) { r.financing.interest_rate = 1.0; }, "financing.interest_rate"},
      {[](RoiRequest& r) { r.financing.interest_rate = -0.01; }, "financing.interest_rate"},
      {[](RoiRequest& r) { r.financing.tenure_months = 0; }, "financing.tenure_months"},
      {[](RoiRequest& r) { r.financing.interest_rate.reset(); }, "financing.interest_rate"},
      {[](RoiRequest& r) { r.financing.moratorium_months = 6; },
       "financing.moratorium_months"},  // with full_emi
      {[](RoiRequest& r) { r.earnings.salary_bands.reset(); }, "earnings.salary_bands"},
      {[](RoiRequest& r) { r.earnings.trajectory_inr = std::vector<double>{1}; },
       "earnings.trajectory_inr"},
      {[](RoiRequest& r) { (*r.earnings.salary_bands)[0].years_min = 1; },
       "earnings.salary_bands[0].years_min"},
      {[](RoiRequest& r) { (*r.earnings.salary_bands)[2].years_min = 3; },
       "earnings.salary_bands[2].years_min"},
      {[](RoiRequest& r) { (*r.earnings.salary_bands)[1].salary_inr = -5; },
       "earnings.salary_bands[1].salary_inr"},
      {[](RoiRequest& r) { r.earnings.placement_probability = 1.5; },
       "earnings.placement_probability"},
      {[](RoiRequest& r) { r.completion.probability = -0.1; }, "completion.probability"},
      {[](RoiRequest& r) { r.completion.dropout_month = 25; }, "completion.dropout_month"},
      {[](RoiRequest& r) { r.counterfactual.current_salary_inr.reset(); },
       "counterfactual.current_salary_inr"},
      {[](RoiRequest& r) { r.valuation.discount_rate = 1.0; }, "valuation.discount_rate"},
      {[](RoiRequest& r) {
         r.horizons_years = std::vector<int>{10, 61};
       },
       "horizons_years[1]"},
      {[](RoiRequest& r) {
         r.horizons_years = std::vector<int>{10, 10};
       },
       "horizons_years[1]"},
      {[](RoiRequest& r) { r.horizons_years = std::vector<int>{}; }, "horizons_years"},
      {[](RoiRequest& r) { r.analysis.summary_horizon_years = 41; },
       "analysis.summary_horizon_years"},
      {[](RoiRequest& r) { r.monte_carlo = MonteCarloInput{.paths = 100'001}; },
       "monte_carlo.paths"},
      {[](RoiRequest& r) { r.monte_carlo = MonteCarloInput{.paths = 0}; }, "monte_carlo.paths"},
      {[](RoiRequest& r) { r.monte_carlo = MonteCarloInput{.salary_growth_sd = 0.5}; },
       "monte_carlo.salary_growth_sd"},
      {[](RoiRequest& r) {
         TaxTable table = india_new_regime_fy2025_26();
         table.cess_rate = 2;
         r.tax.slab_table = table;
       },
       "tax.slab_table.cess_rate"},
  };
  for (const auto& [mutate, field] : cases) {
    RoiRequest request = worked_example();
    mutate(request);
    SCOPED_TRACE(field);
    expect_rejected(request, field);
  }
}

TEST(GoalSeek, MaxFeePaysBackExactlyWithinTheTarget) {
  for (int target : {3, 5, 8}) {
    RoiRequest request = worked_example();
    request.analysis.payback_target_years = target;
    const RoiResult result = compute_roi(request);
    ASSERT_TRUE(result.goal_seek.max_fee_inr) << result.goal_seek.max_fee_note;
    const double max_fee = *result.goal_seek.max_fee_inr;
    // Today's fee pays back in 38.6 months: below it for 3 years, above it for 5 and 8.
    EXPECT_EQ(max_fee > 150'000, target > 3) << max_fee;

    request.cost.total_fee_inr = max_fee;
    const auto at_max = compute_roi(request).risk_adjusted.payback;
    ASSERT_TRUE(at_max);
    EXPECT_LE(at_max->months, 12.0 * target + 1e-6);
    EXPECT_GT(at_max->months, 12.0 * target - 12);

    request.cost.total_fee_inr = max_fee + 1'000;
    const auto above = compute_roi(request).risk_adjusted.payback;
    EXPECT_TRUE(!above || above->months > 12.0 * target) << target;
  }
}

TEST(GoalSeek, MaxFeeIsNullWhenNothingPaysBack) {
  RoiRequest request = worked_example();
  request.earnings.salary_bands =
      std::vector<SalaryBand>{{0, 40, 250'000}};  // below the current salary
  const RoiResult result = compute_roi(request);
  EXPECT_FALSE(result.goal_seek.max_fee_inr);
  EXPECT_NE(result.goal_seek.max_fee_note.find("does not pay back"), std::string::npos);
}

TEST(GoalSeek, BreakEvenStartingSalaryGivesZeroNpv) {
  for (bool tax : {false, true}) {
    RoiRequest request = worked_example();
    request.tax.enabled = tax;
    request.analysis.summary_horizon_years = 15;
    const RoiResult result = compute_roi(request);
    ASSERT_TRUE(result.goal_seek.break_even_starting_salary_inr)
        << result.goal_seek.starting_salary_note;
    const double salary = *result.goal_seek.break_even_starting_salary_inr;
    EXPECT_LT(salary, 458'000);

    auto& bands = *request.earnings.salary_bands;
    const double scale = salary / bands[0].salary_inr;
    for (SalaryBand& band : bands) band.salary_inr *= scale;
    EXPECT_NEAR(npv_at(compute_roi(request).risk_adjusted, 15), 0, 1.0) << "tax " << tax;
  }
}

TEST(GoalSeek, BreakEvenSalaryNeedsSomeoneToReachTheNewJob) {
  RoiRequest request = worked_example();
  request.completion.probability = 0;
  const RoiResult result = compute_roi(request);
  EXPECT_FALSE(result.goal_seek.break_even_starting_salary_inr);
  EXPECT_FALSE(result.goal_seek.starting_salary_note.empty());
}

TEST(Sensitivity, MovesEachInputBothWays) {
  const RoiResult result = compute_roi(worked_example());
  const Sensitivity& table = result.sensitivity;
  EXPECT_EQ(table.horizon_years, 10);
  EXPECT_DOUBLE_EQ(table.swing, 0.2);
  EXPECT_NEAR(table.base_npv_inr, npv_at(result.risk_adjusted, 10), 1e-6);
  const auto row = [&](std::string_view input) {
    const auto found = std::find_if(table.rows.begin(), table.rows.end(),
                                    [&](const auto& r) { return r.input == input; });
    EXPECT_NE(found, table.rows.end()) << input;
    return *found;
  };
  // Fees and salaries (no tax) enter the flows linearly: the swings are symmetric.
  for (std::string_view input : {"cost.total_fee_inr", "earnings.salary_bands",
                                 "counterfactual.current_salary_inr", "completion.probability"}) {
    const SensitivityRow r = row(input);
    EXPECT_NEAR(r.npv_high_inr - table.base_npv_inr, table.base_npv_inr - r.npv_low_inr, 1e-4)
        << input;
    EXPECT_DOUBLE_EQ(r.low_value, r.base_value * 0.8);
  }
  EXPECT_LT(row("cost.total_fee_inr").npv_high_inr, table.base_npv_inr);
  EXPECT_GT(row("earnings.salary_bands").npv_high_inr, table.base_npv_inr);
  EXPECT_LT(row("counterfactual.current_salary_inr").npv_high_inr, table.base_npv_inr);
  EXPECT_LT(row("valuation.discount_rate").npv_high_inr, table.base_npv_inr);
  EXPECT_GT(row("valuation.discount_rate").npv_low_inr, table.base_npv_inr);
  EXPECT_LT(row("financing.interest_rate").npv_high_inr, table.base_npv_inr);
  // Placement is at 1: its high side stops at 1.
  EXPECT_EQ(row("earnings.placement_probability").high_value, 1);
  EXPECT_DOUBLE_EQ(row("earnings.placement_probability").npv_high_inr, table.base_npv_inr);
}

TEST(Sensitivity, LeavesOutInputsAtZero) {
  const RoiResult result = compute_roi(full_time_fresher());  // no loan, no current salary
  for (const SensitivityRow& row : result.sensitivity.rows) {
    EXPECT_NE(row.input, "counterfactual.current_salary_inr");
    EXPECT_NE(row.input, "financing.interest_rate");
  }
}

// Small cases checked by hand (arithmetic in docs/roi.md, "Anchor methods").
TEST(Anchors, CewCountsCostsInTheProgrammeYearsAndEarningsFromTheNext) {
  RoiRequest request;
  request.method = Method::cew;
  request.cost.total_fee_inr = 100'000;
  request.cost.duration_months = 12;
  request.earnings.trajectory_inr = std::vector<double>{300'000};
  request.counterfactual.current_salary_inr = 200'000;  // ignored by CEW
  request.financing = {
      .loan_amount_inr = 100'000, .interest_rate = 0.12, .tenure_months = 12};  // ignored
  request.tax.enabled = true;  // ignored: CEW is pre-tax
  request.horizons_years = std::vector<int>{3};
  const RoiResult result = compute_roi(request);
  ASSERT_TRUE(result.anchor);
  EXPECT_EQ(result.anchor->discount_rate, 0.02);
  // −1,00,000 + 3,00,000/1.02 + 3,00,000/1.02² (real salary flat: growth = inflation = 5%).
  EXPECT_NEAR(result.anchor->horizons[0].npv_inr, 482468.2814302192, 1e-6);
}

TEST(Anchors, FreoppSubtractsTheCounterfactualAndWeighsCompletion) {
  RoiRequest request;
  request.method = Method::freopp;
  request.cost.total_fee_inr = 100'000;
  request.cost.duration_months = 12;
  request.earnings.trajectory_inr = std::vector<double>{300'000};
  request.earnings.months_to_first_job = 0;
  request.counterfactual.current_salary_inr = 200'000;
  request.completion.probability = 0.5;  // dropout at month 6: pays the first instalment only
  request.financing = {
      .loan_amount_inr = 100'000, .interest_rate = 0.12, .tenure_months = 12};  // ignored
  request.horizons_years = std::vector<int>{3};
  const RoiResult result = compute_roi(request);
  ASSERT_TRUE(result.anchor);
  // Graduate: −1,00,000 − 2,00,000 in year 0, +1,00,000 after; non-completer: −50,000 − 1,00,000
  // in year 0. Half each: −2,25,000, then +50,000 a year, at 3%.
  EXPECT_NEAR(result.anchor->horizons[0].npv_inr, -129326.51522292395, 1e-6);
}

TEST(Anchors, PepIsYearsToRecoupTheNetCost) {
  RoiRequest request = worked_example();
  request.method = Method::pep;
  request.cost.scholarship_inr = 10'000;
  request.cost.other_costs_inr = 20'000;
  const RoiResult result = compute_roi(request);
  ASSERT_TRUE(result.anchor && result.anchor->years_to_recoup);
  // (1,50,000 − 10,000 + 20,000) / (4,58,000 − 3,00,000)
  EXPECT_NEAR(*result.anchor->years_to_recoup, 160'000.0 / 158'000.0, 1e-12);

  request.counterfactual.current_salary_inr = 500'000;
  const RoiResult never = compute_roi(request);
  EXPECT_FALSE(never.anchor->years_to_recoup);
  EXPECT_FALSE(never.anchor->note.empty());
}

TEST(Anchors, AbsentForTheEnginesOwnMethod) {
  EXPECT_FALSE(compute_roi(worked_example()).anchor);
}

TEST(Warnings, LoanPaymentsAboveEightPercentOfIncome) {
  RoiRequest request = full_time_fresher();
  request.financing = {.loan_amount_inr = 250'000,
                       .interest_rate = 0.1,
                       .tenure_months = 36,
                       .moratorium_mode = MoratoriumMode::full_emi};
  const RoiResult result = compute_roi(request);
  const auto found =
      std::find_if(result.warnings.begin(), result.warnings.end(), [](const Warning& warning) {
        return warning.code == "loan_payments_above_8_percent_of_income";
      });
  ASSERT_NE(found, result.warnings.end());
  // EMIs while studying full time with no income (years 0, 1); in year 2, 12 × 8,066.9 ≈ 96,800
  // against 3.4 lakh of pay is 28%.
  EXPECT_EQ(found->years, (std::vector<int>{0, 1, 2}));

  EXPECT_TRUE(compute_roi(full_time_fresher()).warnings.empty());
}

TEST(Warnings, StartingSalaryBelowTheCounterfactual) {
  RoiRequest request = worked_example();
  request.counterfactual.current_salary_inr = 600'000;
  const RoiResult result = compute_roi(request);
  const auto found =
      std::find_if(result.warnings.begin(), result.warnings.end(), [](const Warning& warning) {
        return warning.code == "starting_salary_below_counterfactual";
      });
  ASSERT_NE(found, result.warnings.end());
  EXPECT_EQ(found->years, (std::vector<int>{2}));  // the new job starts in month 27
  // The worked example's only warning: ₹55,374 of EMIs a year against a ₹3 lakh salary.
  const RoiResult example = compute_roi(worked_example());
  ASSERT_EQ(example.warnings.size(), 1u);
  EXPECT_EQ(example.warnings[0].code, "loan_payments_above_8_percent_of_income");
  EXPECT_EQ(example.warnings[0].years, (std::vector<int>{0, 1}));
}

}  // namespace disha::roi
