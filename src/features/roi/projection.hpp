#pragma once
// The engine's core: year-by-year amounts of the three outcome paths for one set of inputs.
//   placed:        completes and gets the new job from month duration + months_to_first_job
//   unplaced:      completes but earns the counterfactual salary from that month
//   non_completer: leaves at the dropout month and earns the counterfactual salary from then
// Amounts are nominal; each year also holds every path's net flow on the chosen basis. The placed
// path's earnings depend on the salary level and growth, so their parts are kept: Monte Carlo, the
// sensitivity table and the salary goal-seek revalue them without a new projection.
// Internal to the engine (not part of its public API).
#include <array>
#include <span>
#include <vector>

#include "features/roi/model.hpp"

namespace disha::roi {

// What differs between the paths in one year, nominal INR.
struct PathYear {
  double fees = 0;
  double earnings_with = 0;
  double tax_with = 0;
};

enum Path : std::size_t { placed = 0, unplaced = 1, non_completer = 2 };

// Path weights of a scenario, indexed by Path; they sum to 1.
using Weights = std::array<double, 3>;

struct ProjectionYear {
  double deflator = 1;               // 1/(1+inflation)^t on the real basis, else 1
  double discount = 1;               // 1/(1+discount_rate)^t
  double tax_index = 1;              // (1+inflation)^t when slabs follow inflation, else 1
  double pre_switch_earnings = 0;    // placed path, before the new job (while working)
  double programme_salary_base = 0;  // new-job pay of the year at today's pay levels
  double salary_growth_factor = 1;   // (1+salary_growth)^t
  double fee_share_graduate = 0;     // the share of the gross fee paid this year
  double fee_share_non_completer = 0;
  // The same on every path (nominal INR): the loan, and the counterfactual salary and its tax.
  double loan_disbursed = 0;
  double loan_payments = 0;
  double earnings_without = 0;
  double tax_without = 0;
  std::array<PathYear, 3> paths{};
  std::array<double, 3> net{};  // each path's net flow on the valuation basis

  // Every path's net flow but its own fees, earnings and tax.
  double shared_flow() const {
    return loan_disbursed - loan_payments - (earnings_without - tax_without);
  }
};

struct Projection {
  const TaxTable* tax = nullptr;  // the inputs' table when tax is on; must outlive the projection
  std::vector<ProjectionYear> years;
  Weights graduate_weights{};
  Weights risk_weights{};

  int size() const { return static_cast<int>(years.size()); }
  const ProjectionYear& year(int t) const { return years[static_cast<std::size_t>(t)]; }
  double tax_on(double income_inr, int year) const;
  // A path's net flow of a year on the chosen basis.
  double net(Path path, int year) const;
  // The weighted net flow of a scenario on the chosen basis.
  double net(const Weights& weights, int year) const;
  // The placed path's net flow with its salary profile scaled and grown by `growth_factor`
  // ((1+g)^year); net(placed, year) == placed_net(year, 1, salary_growth_factor).
  double placed_net(int year, double salary_scale, double growth_factor) const;
};

Projection project(const Inputs& inputs, int years);

// Today's annual salary after `experience_years` completed years, from the bands or trajectory.
double salary_at_experience(const Inputs& inputs, int experience_years);

// The fee net of scholarship and subsidy (never below zero), plus other costs.
double net_fee(const Inputs& inputs, double total_fee_inr);

Weights risk_weights(double completion_probability, double placement_probability);

// The inputs that change a valuation without a new projection: they act on the placed path's
// salary, the path weights, the discount factors, the fee or the loan payments, all of which the
// projection keeps apart. The sensitivity table and the salary goal-seek value many variations of
// one projection.
struct Revaluation {
  double salary_scale = 1;  // multiplies the whole salary profile
  double salary_growth = 0;
  double placement_probability = 0;
  double completion_probability = 0;
  double discount_rate = 0;
  double net_fee_change_inr = 0;
  std::span<const double> loan_payments{};  // by year, nominal; empty: the projection's own

  static Revaluation of(const Inputs& inputs);
};

// The risk-adjusted NPV over the first `years` years; with Revaluation::of(inputs) it equals the
// risk-adjusted scenario's NPV.
double risk_adjusted_npv(const Projection& projection, const Revaluation& change, int years);

}  // namespace disha::roi
