#include "features/roi/engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "features/roi/montecarlo.hpp"
#include "features/roi/projection.hpp"

namespace disha::roi {

namespace {

// The "8% rule": student-loan payments above 8% of gross income are commonly judged a burden.
constexpr double kLoanBurdenShare = 0.08;

// A scenario's amounts in one year on the valuation basis: what differs between the paths is
// weighted; the rest is common to all (the weights sum to 1).
YearFlow year_flow(const ProjectionYear& at, const Weights& weights, int year) {
  YearFlow flow{.year = year,
                .loan_disbursed_inr = at.loan_disbursed * at.deflator,
                .loan_payments_inr = at.loan_payments * at.deflator,
                .earnings_without_inr = at.earnings_without * at.deflator,
                .tax_without_inr = at.tax_without * at.deflator};
  for (Path path : {placed, unplaced, non_completer}) {
    const double weight = weights[path] * at.deflator;
    if (weight == 0) continue;
    flow.fees_inr += weight * at.paths[path].fees;
    flow.earnings_with_inr += weight * at.paths[path].earnings_with;
    flow.tax_with_inr += weight * at.paths[path].tax_with;
  }
  return flow;
}

ScenarioResult analyse_scenario(const Projection& projection, const Weights& weights,
                                const std::vector<int>& horizons) {
  ScenarioResult scenario{.weight_placed = weights[placed],
                          .weight_unplaced = weights[unplaced],
                          .weight_non_completer = weights[non_completer]};
  const auto years = projection.years.size();
  std::vector<double> net(years);
  std::vector<double> discounted(years);
  scenario.cash_flows.reserve(years);
  scenario.horizons.reserve(horizons.size());
  double cumulative = 0;
  double cumulative_discounted = 0;
  double benefits = 0;  // present value of the years with a positive net flow
  double costs = 0;     // and of those with a negative one, as a positive amount
  std::size_t horizon = 0;
  for (std::size_t t = 0; t < years; ++t) {
    const int year = static_cast<int>(t);
    const ProjectionYear& at = projection.years[t];
    YearFlow flow = year_flow(at, weights, year);
    net[t] = projection.net(weights, year);
    discounted[t] = at.discount * net[t];
    cumulative += net[t];
    cumulative_discounted += discounted[t];
    (discounted[t] > 0 ? benefits : costs) += std::abs(discounted[t]);
    flow.net_inr = net[t];
    flow.cumulative_net_inr = cumulative;
    flow.discounted_net_inr = discounted[t];
    flow.cumulative_discounted_net_inr = cumulative_discounted;
    scenario.cash_flows.push_back(flow);
    if (horizon < horizons.size() && year + 1 == horizons[horizon]) {
      HorizonValue value{.years = horizons[horizon++], .npv_inr = cumulative_discounted};
      if (costs > 0) {
        value.roi = cumulative_discounted / costs;
        value.benefit_cost_ratio = benefits / costs;
      }
      scenario.horizons.push_back(value);
    }
  }
  scenario.irr = irr(net);
  scenario.payback = payback(net);
  scenario.discounted_payback = payback(discounted);
  for (HorizonValue& value : scenario.horizons) {
    value.paid_back = scenario.payback && scenario.payback->months <= 12.0 * value.years;
  }
  return scenario;
}

// Moves one input at a time by ±swing and values the risk-adjusted NPV over the summary horizon.
// Inputs at zero have nothing to move and are left out; probabilities stop at 1.
class SensitivityTable {
 public:
  SensitivityTable(const Inputs& inputs, const Projection& base)
      : inputs_(inputs), base_(base), moved_(inputs), horizon_(inputs.summary_horizon_years) {
    table_.horizon_years = horizon_;
    table_.swing = inputs.sensitivity_swing;
    table_.base_npv_inr = risk_adjusted_npv(base, Revaluation::of(inputs), horizon_);
  }

  // An input the base projection can revalue: `change(revaluation, value)`.
  template <class Change>
  void revalue(std::string_view input, double value, Change change, double upper_limit = kNoLimit) {
    add(input, value, upper_limit, [&](double moved_value) {
      Revaluation revaluation = Revaluation::of(inputs_);
      change(revaluation, moved_value);
      return risk_adjusted_npv(base_, revaluation, horizon_);
    });
  }

  // An input that changes the projection itself: `set(inputs, value)` on a working copy, which is
  // set back to the base value afterwards.
  template <class Set>
  void rebuild(std::string_view input, double value, Set set) {
    add(input, value, kNoLimit, [&](double moved_value) {
      set(moved_, moved_value);
      const Projection projection = project(moved_, horizon_);
      return risk_adjusted_npv(projection, Revaluation::of(moved_), horizon_);
    });
    set(moved_, value);
  }

  Sensitivity take() { return std::move(table_); }

 private:
  static constexpr double kNoLimit = std::numeric_limits<double>::max();

  template <class NpvAt>
  void add(std::string_view input, double value, double upper_limit, NpvAt npv_at) {
    if (value == 0) return;
    SensitivityRow row{.input = input,
                       .base_value = value,
                       .low_value = value * (1 - table_.swing),
                       .high_value = std::min(value * (1 + table_.swing), upper_limit)};
    row.npv_low_inr = npv_at(row.low_value);
    row.npv_high_inr = npv_at(row.high_value);
    table_.rows.push_back(row);
  }

  const Inputs& inputs_;
  const Projection& base_;
  Inputs moved_;
  int horizon_;
  Sensitivity table_;
};

Sensitivity sensitivity(const Inputs& inputs, const Projection& base) {
  SensitivityTable table(inputs, base);
  const double fee = net_fee(inputs, inputs.total_fee_inr);
  table.revalue("cost.total_fee_inr", inputs.total_fee_inr, [&](Revaluation& change, double value) {
    change.net_fee_change_inr = net_fee(inputs, value) - fee;
  });
  const double starting_salary = salary_at_experience(inputs, inputs.starting_experience_years);
  table.revalue(inputs.salary_bands.empty() ? "earnings.trajectory_inr" : "earnings.salary_bands",
                starting_salary, [&](Revaluation& change, double value) {
                  change.salary_scale = value / starting_salary;
                });
  table.revalue("earnings.salary_growth", inputs.salary_growth,
                [](Revaluation& change, double value) { change.salary_growth = value; });
  table.revalue(
      "earnings.placement_probability", inputs.placement_probability,
      [](Revaluation& change, double value) { change.placement_probability = value; }, 1);
  table.revalue(
      "completion.probability", inputs.completion_probability,
      [](Revaluation& change, double value) { change.completion_probability = value; }, 1);
  table.revalue("valuation.discount_rate", inputs.discount_rate,
                [](Revaluation& change, double value) { change.discount_rate = value; });

  table.rebuild("counterfactual.current_salary_inr", inputs.current_salary_inr,
                [](Inputs& moved, double value) { moved.current_salary_inr = value; });
  table.rebuild("counterfactual.salary_growth", inputs.counterfactual_growth,
                [](Inputs& moved, double value) { moved.counterfactual_growth = value; });
  if (inputs.loan.principal_inr > 0) {
    std::vector<double> payments;
    table.revalue("financing.interest_rate", inputs.loan.annual_rate,
                  [&](Revaluation& change, double value) {
                    LoanTerms loan = inputs.loan;
                    loan.annual_rate = value;
                    payments = loan_payments_by_year(loan, inputs.summary_horizon_years);
                    change.loan_payments = payments;
                  });
  }
  if (inputs.basis == Basis::real || (inputs.tax_enabled && inputs.tax_indexed)) {
    table.rebuild("valuation.inflation", inputs.inflation,
                  [](Inputs& moved, double value) { moved.inflation = value; });
  }
  return table.take();
}

// The highest total fee whose risk-adjusted flows still pay back within the target. Fees enter
// the flows linearly (each year pays a fixed share of the fee; the loan is held fixed), so the
// answer is exact: at every year-end from the target on, the running total may fall by at most
// its value before going negative.
void seek_max_fee(const Inputs& inputs, const Projection& projection,
                  const ScenarioResult& risk_adjusted, GoalSeek& goal) {
  const int target = inputs.payback_target_years;
  goal.payback_target_years = target;
  const double completion = inputs.completion_probability;
  double cumulative = 0;
  double fee_share = 0;  // of the gross fee paid so far, on the valuation basis
  double headroom = std::numeric_limits<double>::infinity();
  for (int year = 0; year < projection.size(); ++year) {
    const ProjectionYear& at = projection.year(year);
    cumulative += risk_adjusted.cash_flows[static_cast<std::size_t>(year)].net_inr;
    fee_share +=
        (completion * at.fee_share_graduate + (1 - completion) * at.fee_share_non_completer) *
        at.deflator;
    if (year + 1 < target) continue;
    if (fee_share > 0) {
      headroom = std::min(headroom, cumulative / fee_share);
    } else if (cumulative < 0) {
      headroom = -std::numeric_limits<double>::infinity();
    }
  }
  const double aid = inputs.scholarship_inr + inputs.subsidy_inr;
  const double max_fee = inputs.total_fee_inr + headroom;
  if (std::isfinite(max_fee) && max_fee >= aid) {
    goal.max_fee_inr = max_fee;
  } else if (std::isinf(headroom) && headroom > 0) {
    goal.max_fee_note = "the fee is not paid within the projection, so no fee limit applies";
  } else {
    goal.max_fee_note = fmt::format(
        "does not pay back within {} years even with a fee equal to the scholarship and subsidy "
        "({} INR)",
        target, aid);
  }
}

// The starting salary (today's rupees, at the starting experience) that makes the risk-adjusted
// NPV over the summary horizon zero. The whole salary profile is scaled; with tax the NPV is not
// linear in the scale, so Brent's method finds the root.
void seek_break_even_salary(const Inputs& inputs, const Projection& projection, GoalSeek& goal) {
  const int horizon = inputs.summary_horizon_years;
  goal.npv_horizon_years = horizon;
  const double starting_salary = salary_at_experience(inputs, inputs.starting_experience_years);
  double new_job_pay = 0;
  for (int year = 0; year < horizon; ++year) {
    new_job_pay += projection.year(year).programme_salary_base;
  }
  if (projection.risk_weights[placed] == 0) {
    goal.starting_salary_note =
        "no learner reaches the new job: completion or placement probability is 0";
    return;
  }
  if (starting_salary == 0 || new_job_pay == 0) {
    goal.starting_salary_note = fmt::format(
        "the new job pays nothing within {} years (zero starting salary, or it starts after the "
        "horizon)",
        horizon);
    return;
  }
  const Revaluation base = Revaluation::of(inputs);
  const auto npv_at = [&](double scale) {
    Revaluation change = base;
    change.salary_scale = scale;
    return risk_adjusted_npv(projection, change, horizon);
  };
  if (npv_at(0) >= 0) {
    goal.break_even_starting_salary_inr = 0;
    goal.starting_salary_note = "NPV is not negative even with no pay from the new job";
    return;
  }
  constexpr double kLargestScale = 1024;
  double high = 1;
  while (npv_at(high) < 0 && high < kLargestScale) high *= 2;
  if (npv_at(high) < 0) {
    goal.starting_salary_note = fmt::format(
        "no starting salary up to {} times the given one brings NPV to zero", kLargestScale);
    return;
  }
  const double scale = find_root(npv_at, 0, high, 0.01 / starting_salary);  // to a paisa
  goal.break_even_starting_salary_inr = scale * starting_salary;
}

AnchorResult anchor(const Inputs& inputs) {
  AnchorResult result{.method = inputs.method};
  if (inputs.method == Method::pep) {
    result.definition =
        "price-to-earnings premium: total net cost / (starting salary - current salary), in years "
        "to recoup";
    const double premium =
        salary_at_experience(inputs, inputs.starting_experience_years) - inputs.current_salary_inr;
    if (premium > 0) {
      result.years_to_recoup = net_fee(inputs, inputs.total_fee_inr) / premium;
    } else {
      result.note =
          "the starting salary does not exceed the current salary: the cost is never recouped";
    }
    return result;
  }
  // Both NPV anchors: real terms, before tax, no loan (net price paid when due).
  Inputs adjusted = inputs;
  adjusted.loan = LoanTerms{};
  adjusted.tax_enabled = false;
  adjusted.basis = Basis::real;
  if (inputs.method == Method::cew) {
    result.definition =
        "Georgetown CEW: net costs in the programme's years, graduate earnings from the next "
        "whole year, no counterfactual, no completion or placement risk, 2% real discount";
    const int programme_years = (inputs.duration_months + 11) / 12;
    adjusted.study_mode = StudyMode::full_time;
    adjusted.current_salary_inr = 0;
    adjusted.months_to_first_job = 12 * programme_years - inputs.duration_months;
    adjusted.placement_probability = 1;
    adjusted.completion_probability = 1;
    adjusted.discount_rate = 0.02;
  } else {
    result.definition =
        "FREOPP: earnings with the programme minus counterfactual earnings, weighted by "
        "completion, minus net costs, 3% real discount";
    adjusted.discount_rate = 0.03;
  }
  result.discount_rate = adjusted.discount_rate;
  const Projection projection = project(adjusted, inputs.horizons_years.back());
  for (int years : inputs.horizons_years) {
    result.horizons.push_back(
        {.years = years,
         .npv_inr = risk_adjusted_npv(projection, Revaluation::of(adjusted), years)});
  }
  return result;
}

std::vector<Warning> warnings(const Inputs& inputs, const Projection& projection,
                              const ScenarioResult& graduate) {
  std::vector<Warning> found;
  Warning burden{.code = "loan_payments_above_8_percent_of_income"};
  for (const YearFlow& year : graduate.cash_flows) {
    if (year.loan_payments_inr > kLoanBurdenShare * year.earnings_with_inr) {
      burden.years.push_back(year.year);
    }
  }
  if (!burden.years.empty()) {
    burden.message =
        fmt::format("loan payments exceed 8% of the graduate's expected gross income in {} year(s)",
                    burden.years.size());
    found.push_back(std::move(burden));
  }

  const int job_year = (inputs.duration_months + inputs.months_to_first_job) / 12;
  if (job_year < projection.size()) {
    const ProjectionYear& at = projection.year(job_year);
    const double new_pay =
        salary_at_experience(inputs, inputs.starting_experience_years) * at.salary_growth_factor;
    if (new_pay < at.earnings_without) {
      found.push_back(
          {.code = "starting_salary_below_counterfactual",
           .message =
               "the new job's starting salary is below what the learner would earn without the "
               "programme; check earnings.starting_experience_years",
           .years = {job_year}});
    }
  }
  return found;
}

}  // namespace

RoiResult compute_roi(const RoiRequest& request) {
  RoiResult result{.inputs = resolve_inputs(request)};
  const Inputs& inputs = result.inputs;
  const Projection projection = project(inputs, inputs.horizons_years.back());
  result.graduate =
      analyse_scenario(projection, projection.graduate_weights, inputs.horizons_years);
  result.non_completer = analyse_scenario(projection, Weights{0, 0, 1}, inputs.horizons_years);
  result.risk_adjusted =
      analyse_scenario(projection, projection.risk_weights, inputs.horizons_years);
  if (inputs.loan.principal_inr > 0) result.loan = amortise(inputs.loan);
  result.sensitivity = sensitivity(inputs, projection);
  seek_max_fee(inputs, projection, result.risk_adjusted, result.goal_seek);
  seek_break_even_salary(inputs, projection, result.goal_seek);
  if (inputs.monte_carlo) result.monte_carlo = simulate(projection, inputs);
  if (inputs.method != Method::disha) result.anchor = anchor(inputs);
  result.warnings = warnings(inputs, projection, result.graduate);
  return result;
}

}  // namespace disha::roi
