// resolve_inputs: validation of a RoiRequest and its defaults. Every default is recorded by its
// request path so the response can state it.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <type_traits>

#include "core/error.hpp"
#include "features/roi/engine.hpp"

namespace disha::roi {

namespace {

// ₹10,000 crore: far above any fee or salary, far inside double precision.
constexpr double kMaxMoneyInr = 1e11;
constexpr int kMaxHorizonYears = 60;
constexpr int kMaxPaths = 100'000;

[[noreturn]] void reject(std::string_view field, std::string_view message) {
  throw Error(ErrorCode::unprocessable, fmt::format("{} {}", field, message), std::string(field));
}

// A field's name, or a function making it: names of array elements ("horizons_years[3]") are
// only formatted when there is an error to report.
template <class Field>
std::string name_of(const Field& field) {
  if constexpr (std::is_invocable_v<Field>) {
    return field();
  } else {
    return std::string(field);
  }
}

template <class Number, class Field>
Number require_in(Number value, Number lo, Number hi, const Field& field) {
  if constexpr (std::is_floating_point_v<Number>) {
    if (!std::isfinite(value)) reject(name_of(field), "must be a finite number");
  }
  if (value < lo || value > hi) {
    reject(name_of(field), fmt::format("must be between {} and {}, got {}", lo, hi, value));
  }
  return value;
}

template <class Field>
double require_money(double value, const Field& field) {
  return require_in(value, 0.0, kMaxMoneyInr, field);
}

// The name of element `index` of the array at `path`, with an optional member.
auto element(std::string_view path, std::size_t index, std::string_view member = {}) {
  return [=] {
    return member.empty() ? fmt::format("{}[{}]", path, index)
                          : fmt::format("{}[{}].{}", path, index, member);
  };
}

// Reads each input or its default, records the defaults, and checks the range of either.
class Resolver {
 public:
  explicit Resolver(std::vector<std::string_view>& defaulted) : defaulted_(defaulted) {}

  template <class T>
  T value(const std::optional<T>& given, T fallback, std::string_view path) {
    if (given) return *given;
    defaulted_.push_back(path);
    return fallback;
  }

  double number(const std::optional<double>& given, double fallback, double lo, double hi,
                std::string_view path) {
    return require_in(value(given, fallback, path), lo, hi, path);
  }

  int whole(const std::optional<int>& given, int fallback, int lo, int hi, std::string_view path) {
    return require_in(value(given, fallback, path), lo, hi, path);
  }

  double money(const std::optional<double>& given, double fallback, std::string_view path) {
    return require_money(value(given, fallback, path), path);
  }

  double probability(const std::optional<double>& given, double fallback, std::string_view path) {
    return number(given, fallback, 0, 1, path);
  }

  // A rate of 100% or more is refused: no real loan or discount rate is that high, and such
  // input is almost always a percentage typed where a fraction belongs.
  double rate(const std::optional<double>& given, double fallback, double lo,
              std::string_view path) {
    const double rate = value(given, fallback, path);
    if (!std::isfinite(rate)) reject(path, "must be a finite number");
    if (rate < lo || rate >= 1) {
      reject(path, fmt::format("must be at least {} and below 1 (a fraction: 0.1 = 10%), got {}",
                               lo, rate));
    }
    return rate;
  }

 private:
  std::vector<std::string_view>& defaulted_;
};

void resolve_cost(const CostInput& cost, Inputs& inputs, Resolver& read) {
  if (cost.total_fee_inr && cost.fee_schedule_inr) {
    reject("cost.fee_schedule_inr", "cannot be given together with cost.total_fee_inr");
  }
  if (!cost.total_fee_inr && !cost.fee_schedule_inr) {
    reject("cost.total_fee_inr", "is required (or cost.fee_schedule_inr)");
  }

  if (cost.fee_schedule_inr) {
    const auto& schedule = *cost.fee_schedule_inr;
    if (schedule.empty() || schedule.size() > 40) {
      reject("cost.fee_schedule_inr", "must hold 1 to 40 semesters");
    }
    for (std::size_t i = 0; i < schedule.size(); ++i) {
      require_money(schedule[i], element("cost.fee_schedule_inr", i));
    }
    inputs.fee_schedule_inr = schedule;
    inputs.duration_months = read.whole(cost.duration_months, static_cast<int>(6 * schedule.size()),
                                        1, 120, "cost.duration_months");
    inputs.total_fee_inr = require_money(std::accumulate(schedule.begin(), schedule.end(), 0.0),
                                         "cost.fee_schedule_inr");
    inputs.defaulted.push_back("cost.total_fee_inr");  // derived from the schedule
  } else {
    inputs.total_fee_inr = require_money(*cost.total_fee_inr, "cost.total_fee_inr");
    if (!cost.duration_months) {
      reject("cost.duration_months", "is required with cost.total_fee_inr");
    }
    inputs.duration_months = require_in(*cost.duration_months, 1, 120, "cost.duration_months");
  }

  const auto semesters = static_cast<std::size_t>((inputs.duration_months + 5) / 6);
  if (cost.fee_schedule_inr && cost.fee_schedule_inr->size() > semesters) {
    reject("cost.fee_schedule_inr",
           fmt::format("has {} semesters but a {}-month programme has {}",
                       cost.fee_schedule_inr->size(), inputs.duration_months, semesters));
  }
  if (!cost.fee_schedule_inr) {
    // The total fee in equal instalments at the start of each semester.
    inputs.fee_schedule_inr.assign(semesters,
                                   inputs.total_fee_inr / static_cast<double>(semesters));
    inputs.defaulted.push_back("cost.fee_schedule_inr");
  }

  inputs.scholarship_inr = read.money(cost.scholarship_inr, 0, "cost.scholarship_inr");
  inputs.subsidy_inr = read.money(cost.subsidy_inr, 0, "cost.subsidy_inr");
  inputs.other_costs_inr = read.money(cost.other_costs_inr, 0, "cost.other_costs_inr");
  if (inputs.scholarship_inr + inputs.subsidy_inr > inputs.total_fee_inr) {
    reject("cost.scholarship_inr", "plus cost.subsidy_inr must not exceed the total fee");
  }
}

void resolve_financing(const FinancingInput& financing, Inputs& inputs, Resolver& read) {
  LoanTerms& loan = inputs.loan;
  loan.principal_inr = read.money(financing.loan_amount_inr, 0, "financing.loan_amount_inr");
  const bool has_loan = loan.principal_inr > 0;
  if (has_loan && !financing.interest_rate) {
    reject("financing.interest_rate", "is required with a loan");
  }
  if (has_loan && !financing.tenure_months) {
    reject("financing.tenure_months", "is required with a loan");
  }
  loan.annual_rate = read.rate(financing.interest_rate, 0, 0, "financing.interest_rate");
  loan.tenure_months =
      read.whole(financing.tenure_months, 0, has_loan ? 1 : 0, 360, "financing.tenure_months");

  // Study full time: repay after the course (IBA model scheme: course + 12 months); study while
  // working: repay from the start.
  const MoratoriumMode default_mode = inputs.study_mode == StudyMode::full_time
                                          ? MoratoriumMode::capitalised
                                          : MoratoriumMode::full_emi;
  loan.moratorium_mode =
      read.value(financing.moratorium_mode, default_mode, "financing.moratorium_mode");
  const int default_months =
      loan.moratorium_mode == MoratoriumMode::full_emi ? 0 : inputs.duration_months + 12;
  loan.moratorium_months = read.whole(financing.moratorium_months, default_months, 0, 132,
                                      "financing.moratorium_months");
  if (loan.moratorium_mode == MoratoriumMode::full_emi && loan.moratorium_months > 0) {
    reject("financing.moratorium_months", "must be 0 when financing.moratorium_mode is full_emi");
  }
}

void resolve_salary_profile(const EarningsInput& earnings, Inputs& inputs) {
  if (earnings.salary_bands && earnings.trajectory_inr) {
    reject("earnings.trajectory_inr", "cannot be given together with earnings.salary_bands");
  }
  if (earnings.salary_bands) {
    const auto& bands = *earnings.salary_bands;
    if (bands.empty() || bands.size() > 50) {
      reject("earnings.salary_bands", "must hold 1 to 50 bands");
    }
    for (std::size_t i = 0; i < bands.size(); ++i) {
      const auto years_min = element("earnings.salary_bands", i, "years_min");
      require_in(bands[i].years_min, 0, kMaxHorizonYears, years_min);
      require_in(bands[i].years_max, bands[i].years_min, 100,
                 element("earnings.salary_bands", i, "years_max"));
      require_money(bands[i].salary_inr, element("earnings.salary_bands", i, "salary_inr"));
      if (i == 0 && bands[i].years_min != 0) reject(years_min(), "must be 0 for the first band");
      if (i > 0 && bands[i].years_min < bands[i - 1].years_max) {
        reject(years_min(),
               "must not be below the previous band's years_max (bands ascend without overlap)");
      }
      if (i > 0 && bands[i].years_min <= bands[i - 1].years_min) {
        reject(years_min(), "must be above the previous band's years_min");
      }
    }
    inputs.salary_bands = bands;
  } else if (earnings.trajectory_inr) {
    const auto& trajectory = *earnings.trajectory_inr;
    if (trajectory.empty() || trajectory.size() > 100) {
      reject("earnings.trajectory_inr", "must hold 1 to 100 years");
    }
    for (std::size_t i = 0; i < trajectory.size(); ++i) {
      require_money(trajectory[i], element("earnings.trajectory_inr", i));
    }
    inputs.trajectory_inr = trajectory;
  } else {
    reject("earnings.salary_bands", "is required (or earnings.trajectory_inr)");
  }
}

void resolve_earnings(const RoiRequest& request, Inputs& inputs, Resolver& read) {
  const EarningsInput& earnings = request.earnings;
  resolve_salary_profile(earnings, inputs);
  inputs.starting_experience_years =
      read.whole(earnings.starting_experience_years, 0, 0, kMaxHorizonYears,
                 "earnings.starting_experience_years");
  // Growth is bounded so that a Monte Carlo draw (at most 6 standard deviations of at most 0.1
  // from the mean) keeps 1 + growth positive.
  inputs.salary_growth =
      read.number(earnings.salary_growth, 0.05, -0.3, 0.5, "earnings.salary_growth");
  inputs.placement_probability =
      read.probability(earnings.placement_probability, 1, "earnings.placement_probability");
  inputs.months_to_first_job =
      read.whole(earnings.months_to_first_job, 3, 0, 60, "earnings.months_to_first_job");

  const CounterfactualInput& counterfactual = request.counterfactual;
  if (inputs.study_mode == StudyMode::while_working && !counterfactual.current_salary_inr) {
    reject("counterfactual.current_salary_inr", "is required when study_mode is while_working");
  }
  inputs.current_salary_inr =
      read.money(counterfactual.current_salary_inr, 0, "counterfactual.current_salary_inr");
  inputs.counterfactual_growth =
      read.number(counterfactual.salary_growth, 0.05, -0.3, 0.5, "counterfactual.salary_growth");
}

void resolve_horizons(const RoiRequest& request, Inputs& inputs, Resolver& read) {
  inputs.horizons_years =
      read.value(request.horizons_years, std::vector<int>{5, 10, 15, 20, 30, 40}, "horizons_years");
  const auto& horizons = inputs.horizons_years;
  if (horizons.empty() || horizons.size() > 20) {
    reject("horizons_years", "must hold 1 to 20 horizons");
  }
  for (std::size_t i = 0; i < horizons.size(); ++i) {
    require_in(horizons[i], 1, kMaxHorizonYears, element("horizons_years", i));
    if (i > 0 && horizons[i] <= horizons[i - 1]) {
      reject(element("horizons_years", i)(), "must be above the previous horizon (ascending)");
    }
  }
  const int longest = horizons.back();
  const AnalysisInput& analysis = request.analysis;
  inputs.summary_horizon_years = read.whole(analysis.summary_horizon_years, std::min(10, longest),
                                            1, longest, "analysis.summary_horizon_years");
  inputs.payback_target_years = read.whole(analysis.payback_target_years, std::min(5, longest), 1,
                                           longest, "analysis.payback_target_years");
  inputs.sensitivity_swing =
      read.number(analysis.sensitivity_swing, 0.2, 0.01, 0.9, "analysis.sensitivity_swing");
}

}  // namespace

Inputs resolve_inputs(const RoiRequest& request) {
  Inputs inputs;
  Resolver read(inputs.defaulted);
  inputs.method = read.value(request.method, Method::disha, "method");
  inputs.study_mode = read.value(request.study_mode, StudyMode::full_time, "study_mode");
  resolve_cost(request.cost, inputs, read);
  resolve_financing(request.financing, inputs, read);
  resolve_earnings(request, inputs, read);

  const CompletionInput& completion = request.completion;
  inputs.completion_probability =
      read.probability(completion.probability, 1, "completion.probability");
  inputs.dropout_month =
      read.whole(completion.dropout_month, std::max(1, inputs.duration_months / 2), 1,
                 inputs.duration_months, "completion.dropout_month");

  const ValuationInput& valuation = request.valuation;
  inputs.basis = read.value(valuation.basis, Basis::real, "valuation.basis");
  inputs.inflation = read.number(valuation.inflation, 0.05, -0.1, 0.5, "valuation.inflation");
  inputs.discount_rate = read.rate(valuation.discount_rate, 0.03, -0.2, "valuation.discount_rate");

  inputs.tax_enabled = read.value(request.tax.enabled, false, "tax.enabled");
  inputs.tax_indexed = read.value(request.tax.index_to_inflation, true, "tax.index_to_inflation");
  if (request.tax.slab_table) {
    validate_tax_table(*request.tax.slab_table, "tax.slab_table");
    inputs.tax_table = *request.tax.slab_table;
  } else {
    inputs.tax_table = india_new_regime_fy2025_26();
    inputs.defaulted.push_back("tax.slab_table");
  }

  resolve_horizons(request, inputs, read);

  if (request.monte_carlo) {
    const MonteCarloInput& simulation = *request.monte_carlo;
    inputs.monte_carlo = MonteCarloSettings{
        .paths = read.whole(simulation.paths, 10'000, 1, kMaxPaths, "monte_carlo.paths"),
        .seed = read.value(simulation.seed, std::uint64_t{1}, "monte_carlo.seed"),
        .salary_growth_sd =
            read.number(simulation.salary_growth_sd, 0.02, 0, 0.1, "monte_carlo.salary_growth_sd")};
  }
  return inputs;
}

}  // namespace disha::roi
