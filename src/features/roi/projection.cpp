#include "features/roi/projection.hpp"

#include <algorithm>

namespace disha::roi {

namespace {

// Months of model year `year` (months 12·year … 12·year + 11) at or after month `start`.
int months_from(int year, int start) {
  return std::clamp(12 * year + 12 - start, 0, 12);
}

// The new job's pay in model year `year` at today's pay levels: months from `job_start` on, each
// at a twelfth of the salary for the experience reached by then. A model year spans at most two
// job years.
double programme_salary_base(const Inputs& inputs, int year, int job_start) {
  const int year_end = 12 * year + 12;
  double pay = 0;
  for (int month = std::max(12 * year, job_start); month < year_end;) {
    const int job_year = (month - job_start) / 12;
    const int segment_end = std::min(year_end, job_start + 12 * (job_year + 1));
    pay += (segment_end - month) *
           salary_at_experience(inputs, inputs.starting_experience_years + job_year) / 12;
    month = segment_end;
  }
  return pay;
}

}  // namespace

double Projection::tax_on(double income_inr, int t) const {
  if (tax == nullptr) return 0;
  const double index = year(t).tax_index;
  return income_tax(income_inr / index, *tax) * index;
}

double Projection::net(Path path, int t) const {
  return year(t).net[path];
}

double Projection::net(const Weights& weights, int t) const {
  const std::array<double, 3>& net = year(t).net;
  return weights[placed] * net[placed] + weights[unplaced] * net[unplaced] +
         weights[non_completer] * net[non_completer];
}

double Projection::placed_net(int t, double salary_scale, double growth_factor) const {
  const ProjectionYear& at = year(t);
  const double earnings =
      at.pre_switch_earnings + salary_scale * at.programme_salary_base * growth_factor;
  return (earnings - tax_on(earnings, t) - at.paths[placed].fees + at.shared_flow()) * at.deflator;
}

double salary_at_experience(const Inputs& inputs, int experience_years) {
  if (!inputs.trajectory_inr.empty()) {
    const auto last = inputs.trajectory_inr.size() - 1;
    return inputs.trajectory_inr[std::min(static_cast<std::size_t>(experience_years), last)];
  }
  const auto band =
      std::find_if(inputs.salary_bands.rbegin(), inputs.salary_bands.rend(),
                   [&](const SalaryBand& b) { return b.years_min <= experience_years; });
  return band->salary_inr;  // validation makes the first band start at 0 years
}

Projection project(const Inputs& inputs, int years) {
  Projection projection;
  projection.years.reserve(static_cast<std::size_t>(years));
  if (inputs.tax_enabled) projection.tax = &inputs.tax_table;
  const double placement = inputs.placement_probability;
  projection.graduate_weights = {placement, 1 - placement, 0};
  projection.risk_weights = risk_weights(inputs.completion_probability, placement);

  const auto& schedule = inputs.fee_schedule_inr;
  const double fee = net_fee(inputs, inputs.total_fee_inr);
  const bool working = inputs.study_mode == StudyMode::while_working;
  const bool real_basis = inputs.basis == Basis::real;
  const int job_start = inputs.duration_months + inputs.months_to_first_job;
  const auto loan_payments = loan_payments_by_year(inputs.loan, years);
  double price_level = 1;  // (1+inflation)^t, built by multiplication for bitwise reproducibility
  double discount_level = 1;
  double salary_growth = 1;
  double counterfactual = inputs.current_salary_inr;
  for (int t = 0; t < years; ++t) {
    ProjectionYear& year = projection.years.emplace_back();
    year.deflator = real_basis ? 1 / price_level : 1;
    year.discount = 1 / discount_level;
    year.tax_index = inputs.tax_indexed ? price_level : 1;
    year.salary_growth_factor = salary_growth;
    year.pre_switch_earnings = working ? counterfactual * (12 - months_from(t, job_start)) / 12 : 0;
    year.programme_salary_base = programme_salary_base(inputs, t, job_start);

    // Fees: semesters 2t and 2t + 1 fall due in year t (months 12t and 12t + 6). Scholarship and
    // subsidy reduce, and other costs add to, each instalment in proportion to its share of the
    // gross fee; non-completers pay the instalments due before they leave.
    for (std::size_t semester = 2 * static_cast<std::size_t>(t);
         semester < std::min(schedule.size(), 2 * static_cast<std::size_t>(t) + 2); ++semester) {
      const double share = inputs.total_fee_inr > 0 ? schedule[semester] / inputs.total_fee_inr
                                                    : 1.0 / static_cast<double>(schedule.size());
      year.fee_share_graduate += share;
      if (6 * static_cast<int>(semester) < inputs.dropout_month)
        year.fee_share_non_completer += share;
    }

    year.loan_disbursed = t == 0 ? inputs.loan.principal_inr : 0;
    year.loan_payments = loan_payments[static_cast<std::size_t>(t)];
    year.earnings_without = counterfactual;
    year.tax_without = projection.tax_on(counterfactual, t);

    const std::array<double, 3> earnings{
        year.pre_switch_earnings + year.programme_salary_base * salary_growth,
        working ? counterfactual : counterfactual * months_from(t, job_start) / 12,
        working ? counterfactual : counterfactual * months_from(t, inputs.dropout_month) / 12};
    for (Path path : {placed, unplaced, non_completer}) {
      PathYear& amounts = year.paths[path];
      amounts.fees =
          fee * (path == non_completer ? year.fee_share_non_completer : year.fee_share_graduate);
      amounts.earnings_with = earnings[path];
      // Paths back on the old salary owe its tax: no second slab computation.
      amounts.tax_with = earnings[path] == counterfactual ? year.tax_without
                                                          : projection.tax_on(earnings[path], t);
      year.net[path] =
          (amounts.earnings_with - amounts.tax_with - amounts.fees + year.shared_flow()) *
          year.deflator;
    }

    price_level *= 1 + inputs.inflation;
    discount_level *= 1 + inputs.discount_rate;
    salary_growth *= 1 + inputs.salary_growth;
    counterfactual *= 1 + inputs.counterfactual_growth;
  }
  return projection;
}

double net_fee(const Inputs& inputs, double total_fee_inr) {
  return std::max(total_fee_inr - inputs.scholarship_inr - inputs.subsidy_inr, 0.0) +
         inputs.other_costs_inr;
}

Weights risk_weights(double completion_probability, double placement_probability) {
  const double c = completion_probability;
  return {c * placement_probability, c * (1 - placement_probability), 1 - c};
}

Revaluation Revaluation::of(const Inputs& inputs) {
  return {.salary_growth = inputs.salary_growth,
          .placement_probability = inputs.placement_probability,
          .completion_probability = inputs.completion_probability,
          .discount_rate = inputs.discount_rate};
}

double risk_adjusted_npv(const Projection& projection, const Revaluation& change, int years) {
  const Weights weights = risk_weights(change.completion_probability, change.placement_probability);
  const double completion = change.completion_probability;
  double discount_level = 1;  // built as in project(), so an unchanged input gives the same bits
  double growth_factor = 1;
  double sum = 0;
  for (int t = 0; t < years; ++t) {
    const ProjectionYear& at = projection.year(t);
    const double fee_share =
        completion * at.fee_share_graduate + (1 - completion) * at.fee_share_non_completer;
    // The placed path's tax is in the projection already unless its salary moved.
    const bool same_salary = change.salary_scale == 1 && growth_factor == at.salary_growth_factor;
    const double placed_flow = same_salary
                                   ? projection.net(placed, t)
                                   : projection.placed_net(t, change.salary_scale, growth_factor);
    // Every path repays the same loan and the weights sum to 1: a new loan shifts the whole flow.
    const double loan_change =
        change.loan_payments.empty() ? 0 : change.loan_payments[t] - at.loan_payments;
    const double net = weights[placed] * placed_flow +
                       projection.net(Weights{0, weights[unplaced], weights[non_completer]}, t) -
                       (change.net_fee_change_inr * fee_share + loan_change) * at.deflator;
    sum += (1 / discount_level) * net;
    discount_level *= 1 + change.discount_rate;
    growth_factor *= 1 + change.salary_growth;
  }
  return sum;
}

}  // namespace disha::roi
