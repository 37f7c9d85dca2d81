#pragma once
// Types of the ROI engine. A RoiRequest is what a caller states (an empty optional means "use the
// default"); Inputs is the same after validation with every default filled in; RoiResult is the
// analysis. Money is INR (`_inr`, double), rates are fractions (0.1 = 10%), durations are whole
// months or years as named. docs/roi.md documents every field and formula.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/roi/finance.hpp"
#include "features/roi/loan.hpp"
#include "features/roi/tax.hpp"

namespace disha::roi {

enum class Method {
  disha,   // this engine's own analysis only
  cew,     // also Georgetown CEW's definition, side by side
  freopp,  // also FREOPP's
  pep,     // also the price-to-earnings premium (years to recoup)
};
enum class StudyMode { full_time, while_working };
enum class Basis { real, nominal };

// Today's annual salary for completed years of experience from years_min; the band with the
// largest years_min not above the experience applies, and the last band continues past its
// years_max.
struct SalaryBand {
  int years_min = 0;
  int years_max = 0;
  double salary_inr = 0;
  bool operator==(const SalaryBand&) const = default;
};

struct CostInput {
  std::optional<double> total_fee_inr{};
  std::optional<std::vector<double>> fee_schedule_inr{};  // per semester, due at months 0, 6, 12, …
  std::optional<int> duration_months{};
  std::optional<double> scholarship_inr{};
  std::optional<double> subsidy_inr{};
  std::optional<double> other_costs_inr{};
};

struct FinancingInput {
  std::optional<double> loan_amount_inr{};
  std::optional<double> interest_rate{};
  std::optional<int> tenure_months{};
  std::optional<int> moratorium_months{};
  std::optional<MoratoriumMode> moratorium_mode{};
};

struct EarningsInput {
  std::optional<std::vector<SalaryBand>> salary_bands{};
  std::optional<std::vector<double>>
      trajectory_inr{};  // today's salary by completed years of experience
  std::optional<int> starting_experience_years{};
  std::optional<double> salary_growth{};  // nominal, a year, of the whole pay scale
  std::optional<double> placement_probability{};
  std::optional<int> months_to_first_job{};
};

struct CounterfactualInput {
  std::optional<double> current_salary_inr{};
  std::optional<double> salary_growth{};  // nominal, a year
};

struct CompletionInput {
  std::optional<double> probability{};
  std::optional<int> dropout_month{};  // when a non-completer leaves, in months from enrolment
};

struct ValuationInput {
  std::optional<Basis> basis{};
  std::optional<double> inflation{};
  std::optional<double> discount_rate{};  // real on the real basis, nominal on the nominal one
};

struct TaxInput {
  std::optional<bool> enabled{};
  std::optional<bool> index_to_inflation{};
  std::optional<TaxTable> slab_table{};
};

struct AnalysisInput {
  std::optional<int> summary_horizon_years{};  // for sensitivity and the salary goal-seek
  std::optional<int> payback_target_years{};   // for the fee goal-seek
  std::optional<double> sensitivity_swing{};
};

struct MonteCarloInput {
  std::optional<int> paths{};
  std::optional<std::uint64_t> seed{};
  std::optional<double> salary_growth_sd{};
};

struct RoiRequest {
  std::optional<Method> method{};
  std::optional<StudyMode> study_mode{};
  CostInput cost{};
  FinancingInput financing{};
  EarningsInput earnings{};
  CounterfactualInput counterfactual{};
  CompletionInput completion{};
  ValuationInput valuation{};
  TaxInput tax{};
  std::optional<std::vector<int>> horizons_years{};
  AnalysisInput analysis{};
  std::optional<MonteCarloInput> monte_carlo{};  // absent: no simulation
};

struct MonteCarloSettings {
  int paths = 0;
  std::uint64_t seed = 0;
  double salary_growth_sd = 0;
};

// A RoiRequest validated, with every default filled in.
struct Inputs {
  Method method = Method::disha;
  StudyMode study_mode = StudyMode::full_time;
  double total_fee_inr = 0;
  std::vector<double> fee_schedule_inr{};  // gross instalments, one a semester
  int duration_months = 0;
  double scholarship_inr = 0;
  double subsidy_inr = 0;
  double other_costs_inr = 0;
  LoanTerms loan{};
  std::vector<SalaryBand> salary_bands{};  // exactly one of these two is non-empty
  std::vector<double> trajectory_inr{};
  int starting_experience_years = 0;
  double salary_growth = 0;
  double placement_probability = 0;
  int months_to_first_job = 0;
  double current_salary_inr = 0;
  double counterfactual_growth = 0;
  double completion_probability = 0;
  int dropout_month = 0;
  Basis basis = Basis::real;
  double inflation = 0;
  double discount_rate = 0;
  bool tax_enabled = false;
  bool tax_indexed = false;
  TaxTable tax_table{};
  std::vector<int> horizons_years{};  // ascending
  int summary_horizon_years = 0;
  int payback_target_years = 0;
  double sensitivity_swing = 0;
  std::optional<MonteCarloSettings> monte_carlo{};
  std::vector<std::string_view>
      defaulted{};  // request paths the engine filled in (string literals)
};

// One year of a scenario, valued on the chosen basis (today's rupees on the real basis).
struct YearFlow {
  int year = 0;  // 0 = the first twelve months from enrolment
  double fees_inr = 0;
  double loan_disbursed_inr = 0;
  double loan_payments_inr = 0;
  double earnings_with_inr = 0;
  double earnings_without_inr = 0;
  double tax_with_inr = 0;
  double tax_without_inr = 0;
  double net_inr = 0;
  double cumulative_net_inr = 0;
  double discounted_net_inr = 0;
  double cumulative_discounted_net_inr = 0;
};

struct HorizonValue {
  int years = 0;
  double npv_inr = 0;
  std::optional<double> roi{};  // NPV ÷ present value of the net outflows; null when there are none
  std::optional<double> benefit_cost_ratio{};
  bool paid_back = false;  // payback within these years
};

struct ScenarioResult {
  double weight_placed = 0;  // how the three outcome paths are mixed
  double weight_unplaced = 0;
  double weight_non_completer = 0;
  std::vector<YearFlow> cash_flows{};
  std::vector<HorizonValue> horizons{};
  Irr irr{};
  std::optional<Payback> payback{};  // nullopt: never within the longest horizon
  std::optional<Payback> discounted_payback{};
};

struct SensitivityRow {
  std::string_view input{};  // the request path of the input moved
  double base_value = 0;
  double low_value = 0;
  double high_value = 0;
  double npv_low_inr = 0;
  double npv_high_inr = 0;
};

struct Sensitivity {
  int horizon_years = 0;
  double swing = 0;
  double base_npv_inr = 0;
  std::vector<SensitivityRow> rows{};
};

struct GoalSeek {
  int payback_target_years = 0;
  std::optional<double> max_fee_inr{};  // the highest total fee still paying back within the target
  std::string max_fee_note{};
  int npv_horizon_years = 0;
  std::optional<double> break_even_starting_salary_inr{};  // today's rupees, for NPV = 0
  std::string starting_salary_note{};
};

struct MonteCarloHorizon {
  int years = 0;
  double npv_p10_inr = 0;
  double npv_p50_inr = 0;
  double npv_p90_inr = 0;
  double npv_mean_inr = 0;
  double payback_probability = 0;
};

struct MonteCarloResult {
  MonteCarloSettings settings{};
  std::vector<MonteCarloHorizon> horizons{};
};

struct AnchorHorizon {
  int years = 0;
  double npv_inr = 0;
};

// One published method's own definition, computed on the same inputs.
struct AnchorResult {
  Method method = Method::cew;
  std::string definition{};
  double discount_rate = 0;                 // real
  std::vector<AnchorHorizon> horizons{};    // empty for pep
  std::optional<double> years_to_recoup{};  // pep only; nullopt: never
  std::string note{};
};

struct Warning {
  std::string code{};
  std::string message{};
  std::vector<int> years{};  // 0-based model years concerned, if any
};

struct RoiResult {
  Inputs inputs{};
  std::optional<LoanSchedule> loan{};
  ScenarioResult graduate{};       // completes; placed with the placement probability
  ScenarioResult non_completer{};  // drops out at completion.dropout_month
  ScenarioResult risk_adjusted{};  // the two weighted by the completion probability
  Sensitivity sensitivity{};
  GoalSeek goal_seek{};
  std::optional<MonteCarloResult> monte_carlo{};
  std::optional<AnchorResult> anchor{};
  std::vector<Warning> warnings{};
};

}  // namespace disha::roi
