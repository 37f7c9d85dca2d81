#include "features/roi/json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace disha::roi {

namespace {

namespace json = boost::json;

[[noreturn]] void fail(const std::string& field, std::string_view message) {
  throw Error(ErrorCode::unprocessable, fmt::format("{} {}", field, message), field);
}

// The one table of names for each enum, for parsing and printing alike.
template <class Enum>
struct Named {
  std::string_view name;
  Enum value;
};

constexpr std::array kMethods{
    Named<Method>{"disha", Method::disha}, Named<Method>{"cew", Method::cew},
    Named<Method>{"freopp", Method::freopp}, Named<Method>{"pep", Method::pep}};
constexpr std::array kStudyModes{Named<StudyMode>{"full_time", StudyMode::full_time},
                                 Named<StudyMode>{"while_working", StudyMode::while_working}};
constexpr std::array kBases{Named<Basis>{"real", Basis::real},
                            Named<Basis>{"nominal", Basis::nominal}};
constexpr std::array kMoratoriumModes{
    Named<MoratoriumMode>{"capitalised", MoratoriumMode::capitalised},
    Named<MoratoriumMode>{"interest_only", MoratoriumMode::interest_only},
    Named<MoratoriumMode>{"full_emi", MoratoriumMode::full_emi}};

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<Named<Enum>, N>& names, Enum value) {
  return std::find_if(names.begin(), names.end(),
                      [&](const auto& named) { return named.value == value; })
      ->name;
}

// Readers of one JSON value; `path` names it in errors.
double number(const json::value& value, const std::string& path) {
  if (value.is_double()) return value.get_double();
  if (value.is_int64()) return static_cast<double>(value.get_int64());
  if (value.is_uint64()) return static_cast<double>(value.get_uint64());
  fail(path, "must be a number");
}

int whole_number(const json::value& value, const std::string& path) {
  constexpr double lo = std::numeric_limits<int>::min();
  constexpr double hi = std::numeric_limits<int>::max();
  const double n = number(value, path);  // exact for every int
  if (n != std::floor(n) || n < lo || n > hi) fail(path, "must be a whole number");
  return static_cast<int>(n);
}

std::uint64_t unsigned_integer(const json::value& value, const std::string& path) {
  if (value.is_uint64()) return value.get_uint64();
  if (value.is_int64() && value.get_int64() >= 0) {
    return static_cast<std::uint64_t>(value.get_int64());
  }
  fail(path, "must be a whole number from 0 to 18446744073709551615");
}

bool boolean(const json::value& value, const std::string& path) {
  if (!value.is_bool()) fail(path, "must be true or false");
  return value.get_bool();
}

std::string text(const json::value& value, const std::string& path) {
  if (!value.is_string()) fail(path, "must be a string");
  return std::string(value.get_string());
}

template <class Enum, std::size_t N>
Enum one_of(const json::value& value, const std::string& path,
            const std::array<Named<Enum>, N>& names) {
  const std::string given = text(value, path);
  for (const auto& named : names) {
    if (named.name == given) return named.value;
  }
  std::string choices;
  for (const auto& named : names) {
    choices += (choices.empty() ? "" : ", ") + std::string(named.name);
  }
  fail(path, fmt::format("must be one of: {} (got \"{}\")", choices, given));
}

// A JSON array read element by element, each named path[i].
template <class Read>
auto list(const json::value& value, const std::string& path, Read read) {
  const json::array* array = value.if_array();
  if (array == nullptr) fail(path, "must be an array");
  // The engine sets the real limits; this one bounds the parsing work.
  constexpr std::size_t kMaxElements = 1000;
  if (array->size() > kMaxElements) {
    fail(path, fmt::format("must hold at most {} elements", kMaxElements));
  }
  std::vector<decltype(read(value, path))> result;
  result.reserve(array->size());
  for (std::size_t i = 0; i < array->size(); ++i) {
    result.push_back(read((*array)[i], fmt::format("{}[{}]", path, i)));
  }
  return result;
}

// The members of one JSON object, read by key; every member must be one the caller allows.
class Fields {
 public:
  Fields(const json::value& value, std::string path,
         std::initializer_list<std::string_view> allowed)
      : path_(std::move(path)) {
    object_ = value.if_object();
    if (object_ == nullptr) fail(path_.empty() ? "body" : path_, "must be a JSON object");
    for (const auto& member : *object_) {
      if (std::find(allowed.begin(), allowed.end(), member.key()) == allowed.end()) {
        const std::string field = path_of(member.key());
        throw Error(ErrorCode::unprocessable, "unknown field " + field, field);
      }
    }
  }

  std::string path_of(std::string_view key) const {
    return path_.empty() ? std::string(key) : fmt::format("{}.{}", path_, key);
  }

  // The member read by `read`, or nullopt when absent or null.
  template <class Read>
  auto optional(std::string_view key, Read read) const
      -> std::optional<decltype(read(json::value(), ""))> {
    const json::value* value = object_->if_contains(key);
    if (value == nullptr || value->is_null()) return std::nullopt;
    return read(*value, path_of(key));
  }

  template <class Read>
  auto required(std::string_view key, Read read) const {
    auto value = optional(key, read);
    if (!value) fail(path_of(key), "is required");
    return *std::move(value);
  }

 private:
  const json::object* object_ = nullptr;
  std::string path_;
};

template <class Enum, std::size_t N>
auto enum_reader(const std::array<Named<Enum>, N>& names) {
  return [&names](const json::value& value, const std::string& path) {
    return one_of(value, path, names);
  };
}

template <class Read>
auto list_reader(Read read) {
  return
      [read](const json::value& value, const std::string& path) { return list(value, path, read); };
}

SalaryBand salary_band(const json::value& value, const std::string& path) {
  const Fields fields(value, path, {"years_min", "years_max", "salary_inr"});
  return {.years_min = fields.required("years_min", whole_number),
          .years_max = fields.required("years_max", whole_number),
          .salary_inr = fields.required("salary_inr", number)};
}

struct TaxRebate {
  double max_taxable_income_inr = 0;
  double max_rebate_inr = 0;
  bool marginal_relief = false;
};

TaxRebate tax_rebate(const json::value& value, const std::string& path) {
  const Fields fields(value, path, {"max_taxable_income_inr", "max_rebate_inr", "marginal_relief"});
  return {.max_taxable_income_inr = fields.required("max_taxable_income_inr", number),
          .max_rebate_inr = fields.required("max_rebate_inr", number),
          .marginal_relief = fields.optional("marginal_relief", boolean).value_or(false)};
}

TaxTable tax_table(const json::value& value, const std::string& path) {
  const Fields fields(value, path,
                      {"id", "name", "source", "standard_deduction_inr", "slabs", "rebate",
                       "surcharge", "cess_rate"});
  TaxTable table;
  table.id = fields.required("id", text);
  table.name = fields.optional("name", text).value_or("");
  table.source = fields.optional("source", text).value_or("");
  table.standard_deduction_inr = fields.optional("standard_deduction_inr", number).value_or(0);
  table.slabs =
      fields.required("slabs", list_reader([](const json::value& slab, const std::string& at) {
                        const Fields members(slab, at, {"from_inr", "rate"});
                        return TaxSlab{.from_inr = members.required("from_inr", number),
                                       .rate = members.required("rate", number)};
                      }));
  if (const auto rebate = fields.optional("rebate", tax_rebate)) {
    table.rebate_max_taxable_income_inr = rebate->max_taxable_income_inr;
    table.rebate_max_inr = rebate->max_rebate_inr;
    table.rebate_marginal_relief = rebate->marginal_relief;
  }
  table.surcharge =
      fields
          .optional("surcharge", list_reader([](const json::value& band, const std::string& at) {
                      const Fields members(band, at, {"above_inr", "rate"});
                      return SurchargeBand{.above_inr = members.required("above_inr", number),
                                           .rate = members.required("rate", number)};
                    }))
          .value_or(std::vector<SurchargeBand>{});
  table.cess_rate = fields.optional("cess_rate", number).value_or(0);
  return table;
}

CostInput cost(const json::value& value, const std::string& path) {
  const Fields fields(value, path,
                      {"total_fee_inr", "fee_schedule_inr", "duration_months", "scholarship_inr",
                       "subsidy_inr", "other_costs_inr"});
  return {.total_fee_inr = fields.optional("total_fee_inr", number),
          .fee_schedule_inr = fields.optional("fee_schedule_inr", list_reader(number)),
          .duration_months = fields.optional("duration_months", whole_number),
          .scholarship_inr = fields.optional("scholarship_inr", number),
          .subsidy_inr = fields.optional("subsidy_inr", number),
          .other_costs_inr = fields.optional("other_costs_inr", number)};
}

FinancingInput financing(const json::value& value, const std::string& path) {
  const Fields fields(value, path,
                      {"loan_amount_inr", "interest_rate", "tenure_months", "moratorium_months",
                       "moratorium_mode"});
  return {.loan_amount_inr = fields.optional("loan_amount_inr", number),
          .interest_rate = fields.optional("interest_rate", number),
          .tenure_months = fields.optional("tenure_months", whole_number),
          .moratorium_months = fields.optional("moratorium_months", whole_number),
          .moratorium_mode = fields.optional("moratorium_mode", enum_reader(kMoratoriumModes))};
}

EarningsInput earnings(const json::value& value, const std::string& path) {
  const Fields fields(value, path,
                      {"salary_bands", "trajectory_inr", "starting_experience_years",
                       "salary_growth", "placement_probability", "months_to_first_job"});
  return {.salary_bands = fields.optional("salary_bands", list_reader(salary_band)),
          .trajectory_inr = fields.optional("trajectory_inr", list_reader(number)),
          .starting_experience_years = fields.optional("starting_experience_years", whole_number),
          .salary_growth = fields.optional("salary_growth", number),
          .placement_probability = fields.optional("placement_probability", number),
          .months_to_first_job = fields.optional("months_to_first_job", whole_number)};
}

CounterfactualInput counterfactual(const json::value& value, const std::string& path) {
  const Fields fields(value, path, {"current_salary_inr", "salary_growth"});
  return {.current_salary_inr = fields.optional("current_salary_inr", number),
          .salary_growth = fields.optional("salary_growth", number)};
}

CompletionInput completion(const json::value& value, const std::string& path) {
  const Fields fields(value, path, {"probability", "dropout_month"});
  return {.probability = fields.optional("probability", number),
          .dropout_month = fields.optional("dropout_month", whole_number)};
}

ValuationInput valuation(const json::value& value, const std::string& path) {
  const Fields fields(value, path, {"basis", "inflation", "discount_rate"});
  return {.basis = fields.optional("basis", enum_reader(kBases)),
          .inflation = fields.optional("inflation", number),
          .discount_rate = fields.optional("discount_rate", number)};
}

TaxInput tax(const json::value& value, const std::string& path) {
  const Fields fields(value, path, {"enabled", "index_to_inflation", "slab_table"});
  return {.enabled = fields.optional("enabled", boolean),
          .index_to_inflation = fields.optional("index_to_inflation", boolean),
          .slab_table = fields.optional("slab_table", tax_table)};
}

AnalysisInput analysis(const json::value& value, const std::string& path) {
  const Fields fields(value, path,
                      {"summary_horizon_years", "payback_target_years", "sensitivity_swing"});
  return {.summary_horizon_years = fields.optional("summary_horizon_years", whole_number),
          .payback_target_years = fields.optional("payback_target_years", whole_number),
          .sensitivity_swing = fields.optional("sensitivity_swing", number)};
}

MonteCarloInput monte_carlo(const json::value& value, const std::string& path) {
  const Fields fields(value, path, {"paths", "seed", "salary_growth_sd"});
  return {.paths = fields.optional("paths", whole_number),
          .seed = fields.optional("seed", unsigned_integer),
          .salary_growth_sd = fields.optional("salary_growth_sd", number)};
}

// Builds the response in one storage (a caller's monotonic_resource makes this allocation-free).
class Writer {
 public:
  explicit Writer(json::storage_ptr storage) : storage_(std::move(storage)) {}

  json::value result(const RoiResult& result) const {
    const Inputs& inputs = result.inputs;
    json::array warnings(storage_);
    for (const Warning& warning : result.warnings) {
      warnings.push_back(object(
          {{"code", warning.code}, {"message", warning.message}, {"years", array(warning.years)}}));
    }
    return object({{"method", name_of(kMethods, inputs.method)},
                   {"currency", "INR"},
                   {"basis", name_of(kBases, inputs.basis)},
                   {"assumptions", assumptions(inputs)},
                   {"scenarios", object({{"graduate", scenario(result.graduate)},
                                         {"non_completer", scenario(result.non_completer)},
                                         {"risk_adjusted", scenario(result.risk_adjusted)}})},
                   {"loan", result.loan ? loan(*result.loan) : json::value(nullptr)},
                   {"sensitivity", sensitivity(result.sensitivity)},
                   {"goal_seek", goal_seek(result.goal_seek)},
                   {"monte_carlo",
                    result.monte_carlo ? monte_carlo(*result.monte_carlo) : json::value(nullptr)},
                   {"anchor", result.anchor ? anchor(*result.anchor) : json::value(nullptr)},
                   {"warnings", std::move(warnings)}});
  }

  json::value tax_table(const TaxTable& table) const {
    json::array slabs(storage_);
    for (const TaxSlab& slab : table.slabs) {
      slabs.push_back(object({{"from_inr", slab.from_inr}, {"rate", slab.rate}}));
    }
    json::array surcharge(storage_);
    for (const SurchargeBand& band : table.surcharge) {
      surcharge.push_back(object({{"above_inr", band.above_inr}, {"rate", band.rate}}));
    }
    return object(
        {{"id", table.id},
         {"name", table.name},
         {"source", table.source},
         {"standard_deduction_inr", table.standard_deduction_inr},
         {"slabs", std::move(slabs)},
         {"rebate", object({{"max_taxable_income_inr", table.rebate_max_taxable_income_inr},
                            {"max_rebate_inr", table.rebate_max_inr},
                            {"marginal_relief", table.rebate_marginal_relief}})},
         {"surcharge", std::move(surcharge)},
         {"cess_rate", table.cess_rate}});
  }

 private:
  using Members = std::initializer_list<std::pair<json::string_view, json::value_ref>>;

  json::object object(Members members) const { return json::object(members, storage_); }

  template <class Number>
  json::array array(const std::vector<Number>& values) const {
    return json::array(values.begin(), values.end(), storage_);
  }

  static json::value number_or_null(const std::optional<double>& value) {
    return value ? json::value(*value) : json::value(nullptr);
  }

  json::value text_or_null(const std::string& text) const {
    return text.empty() ? json::value(nullptr) : json::value(text, storage_);
  }

  json::value irr(const Irr& irr) const {
    return object({{"value", number_or_null(irr.value)},
                   {"roots", array(irr.roots)},
                   {"sign_changes", irr.sign_changes},
                   {"note", text_or_null(irr.note)}});
  }

  json::value scenario(const ScenarioResult& scenario) const {
    json::array cash_flows(storage_);
    cash_flows.reserve(scenario.cash_flows.size());
    for (const YearFlow& year : scenario.cash_flows) {
      cash_flows.push_back(
          object({{"year", year.year},
                  {"fees_inr", year.fees_inr},
                  {"loan_disbursed_inr", year.loan_disbursed_inr},
                  {"loan_payments_inr", year.loan_payments_inr},
                  {"earnings_with_inr", year.earnings_with_inr},
                  {"earnings_without_inr", year.earnings_without_inr},
                  {"tax_with_inr", year.tax_with_inr},
                  {"tax_without_inr", year.tax_without_inr},
                  {"net_inr", year.net_inr},
                  {"cumulative_net_inr", year.cumulative_net_inr},
                  {"discounted_net_inr", year.discounted_net_inr},
                  {"cumulative_discounted_net_inr", year.cumulative_discounted_net_inr}}));
    }
    json::array horizons(storage_);
    for (const HorizonValue& horizon : scenario.horizons) {
      horizons.push_back(object({{"years", horizon.years},
                                 {"npv_inr", horizon.npv_inr},
                                 {"roi", number_or_null(horizon.roi)},
                                 {"benefit_cost_ratio", number_or_null(horizon.benefit_cost_ratio)},
                                 {"paid_back", horizon.paid_back}}));
    }
    const auto months = [](const std::optional<Payback>& payback) {
      return payback ? json::value(payback->months) : json::value(nullptr);
    };
    const json::value break_even_year =
        scenario.payback ? json::value(scenario.payback->year) : json::value(nullptr);
    return object({{"weights", object({{"placed", scenario.weight_placed},
                                       {"unplaced", scenario.weight_unplaced},
                                       {"non_completer", scenario.weight_non_completer}})},
                   {"horizons", std::move(horizons)},
                   {"irr", irr(scenario.irr)},
                   {"payback", object({{"months", months(scenario.payback)},
                                       {"discounted_months", months(scenario.discounted_payback)},
                                       {"break_even_year", break_even_year}})},
                   {"cash_flows", std::move(cash_flows)}});
  }

  json::value loan(const LoanSchedule& loan) const {
    json::array months(storage_);
    months.reserve(loan.months.size());
    for (const LoanMonth& month : loan.months) {
      months.push_back(object({{"month", month.month},
                               {"opening_balance_inr", month.opening_balance_inr},
                               {"interest_inr", month.interest_inr},
                               {"payment_inr", month.payment_inr},
                               {"principal_repaid_inr", month.principal_repaid_inr},
                               {"closing_balance_inr", month.closing_balance_inr}}));
    }
    return object({{"emi_inr", loan.emi_inr},
                   {"moratorium_payment_inr", loan.moratorium_payment_inr},
                   {"balance_at_repayment_inr", loan.balance_at_repayment_inr},
                   {"total_interest_inr", loan.total_interest_inr},
                   {"total_paid_inr", loan.total_paid_inr},
                   {"schedule", std::move(months)}});
  }

  json::value sensitivity(const Sensitivity& sensitivity) const {
    json::array rows(storage_);
    for (const SensitivityRow& row : sensitivity.rows) {
      rows.push_back(object({{"input", row.input},
                             {"base_value", row.base_value},
                             {"low_value", row.low_value},
                             {"high_value", row.high_value},
                             {"npv_low_inr", row.npv_low_inr},
                             {"npv_high_inr", row.npv_high_inr}}));
    }
    return object({{"horizon_years", sensitivity.horizon_years},
                   {"swing", sensitivity.swing},
                   {"base_npv_inr", sensitivity.base_npv_inr},
                   {"rows", std::move(rows)}});
  }

  json::value goal_seek(const GoalSeek& goal) const {
    return object({{"max_fee", object({{"payback_target_years", goal.payback_target_years},
                                       {"total_fee_inr", number_or_null(goal.max_fee_inr)},
                                       {"note", text_or_null(goal.max_fee_note)}})},
                   {"break_even_starting_salary",
                    object({{"npv_horizon_years", goal.npv_horizon_years},
                            {"salary_inr", number_or_null(goal.break_even_starting_salary_inr)},
                            {"note", text_or_null(goal.starting_salary_note)}})}});
  }

  json::value monte_carlo(const MonteCarloResult& simulation) const {
    json::array horizons(storage_);
    for (const MonteCarloHorizon& horizon : simulation.horizons) {
      horizons.push_back(object({{"years", horizon.years},
                                 {"npv_p10_inr", horizon.npv_p10_inr},
                                 {"npv_p50_inr", horizon.npv_p50_inr},
                                 {"npv_p90_inr", horizon.npv_p90_inr},
                                 {"npv_mean_inr", horizon.npv_mean_inr},
                                 {"payback_probability", horizon.payback_probability}}));
    }
    return object({{"paths", simulation.settings.paths},
                   {"seed", simulation.settings.seed},
                   {"salary_growth_sd", simulation.settings.salary_growth_sd},
                   {"horizons", std::move(horizons)}});
  }

  json::value anchor(const AnchorResult& anchor) const {
    json::array horizons(storage_);
    for (const AnchorHorizon& horizon : anchor.horizons) {
      horizons.push_back(object({{"years", horizon.years}, {"npv_inr", horizon.npv_inr}}));
    }
    const json::value discount_rate =
        anchor.method == Method::pep ? json::value(nullptr) : json::value(anchor.discount_rate);
    return object({{"method", name_of(kMethods, anchor.method)},
                   {"definition", anchor.definition},
                   {"discount_rate", discount_rate},
                   {"horizons", std::move(horizons)},
                   {"years_to_recoup", number_or_null(anchor.years_to_recoup)},
                   {"note", text_or_null(anchor.note)}});
  }

  // Every input by its request path: {"value": …, "defaulted": true|false}.
  json::object assumptions(const Inputs& inputs) const {
    json::object result(storage_);
    const auto add = [&](std::string_view path, json::value_ref value) {
      const bool defaulted = std::find(inputs.defaulted.begin(), inputs.defaulted.end(), path) !=
                             inputs.defaulted.end();
      result.emplace(path, object({{"value", value}, {"defaulted", defaulted}}));
    };
    add("method", name_of(kMethods, inputs.method));
    add("study_mode", name_of(kStudyModes, inputs.study_mode));
    add("cost.total_fee_inr", inputs.total_fee_inr);
    add("cost.fee_schedule_inr", array(inputs.fee_schedule_inr));
    add("cost.duration_months", inputs.duration_months);
    add("cost.scholarship_inr", inputs.scholarship_inr);
    add("cost.subsidy_inr", inputs.subsidy_inr);
    add("cost.other_costs_inr", inputs.other_costs_inr);
    add("financing.loan_amount_inr", inputs.loan.principal_inr);
    add("financing.interest_rate", inputs.loan.annual_rate);
    add("financing.tenure_months", inputs.loan.tenure_months);
    add("financing.moratorium_months", inputs.loan.moratorium_months);
    add("financing.moratorium_mode", name_of(kMoratoriumModes, inputs.loan.moratorium_mode));
    if (!inputs.salary_bands.empty()) {
      json::array bands(storage_);
      for (const SalaryBand& band : inputs.salary_bands) {
        bands.push_back(object({{"years_min", band.years_min},
                                {"years_max", band.years_max},
                                {"salary_inr", band.salary_inr}}));
      }
      add("earnings.salary_bands", std::move(bands));
    } else {
      add("earnings.trajectory_inr", array(inputs.trajectory_inr));
    }
    add("earnings.starting_experience_years", inputs.starting_experience_years);
    add("earnings.salary_growth", inputs.salary_growth);
    add("earnings.placement_probability", inputs.placement_probability);
    add("earnings.months_to_first_job", inputs.months_to_first_job);
    add("counterfactual.current_salary_inr", inputs.current_salary_inr);
    add("counterfactual.salary_growth", inputs.counterfactual_growth);
    add("completion.probability", inputs.completion_probability);
    add("completion.dropout_month", inputs.dropout_month);
    add("valuation.basis", name_of(kBases, inputs.basis));
    add("valuation.inflation", inputs.inflation);
    add("valuation.discount_rate", inputs.discount_rate);
    add("tax.enabled", inputs.tax_enabled);
    add("tax.index_to_inflation", inputs.tax_indexed);
    add("tax.slab_table", tax_table(inputs.tax_table));
    add("horizons_years", array(inputs.horizons_years));
    add("analysis.summary_horizon_years", inputs.summary_horizon_years);
    add("analysis.payback_target_years", inputs.payback_target_years);
    add("analysis.sensitivity_swing", inputs.sensitivity_swing);
    if (inputs.monte_carlo) {
      add("monte_carlo.paths", inputs.monte_carlo->paths);
      add("monte_carlo.seed", inputs.monte_carlo->seed);
      add("monte_carlo.salary_growth_sd", inputs.monte_carlo->salary_growth_sd);
    }
    return result;
  }

  json::storage_ptr storage_;
};

}  // namespace

RoiRequest parse_roi_request(const boost::json::value& body) {
  const Fields fields(
      body, "",
      {"method", "study_mode", "cost", "financing", "earnings", "counterfactual", "completion",
       "valuation", "tax", "horizons_years", "analysis", "monte_carlo"});
  return {.method = fields.optional("method", enum_reader(kMethods)),
          .study_mode = fields.optional("study_mode", enum_reader(kStudyModes)),
          .cost = fields.required("cost", cost),
          .financing = fields.optional("financing", financing).value_or(FinancingInput{}),
          .earnings = fields.required("earnings", earnings),
          .counterfactual =
              fields.optional("counterfactual", counterfactual).value_or(CounterfactualInput{}),
          .completion = fields.optional("completion", completion).value_or(CompletionInput{}),
          .valuation = fields.optional("valuation", valuation).value_or(ValuationInput{}),
          .tax = fields.optional("tax", tax).value_or(TaxInput{}),
          .horizons_years = fields.optional("horizons_years", list_reader(whole_number)),
          .analysis = fields.optional("analysis", analysis).value_or(AnalysisInput{}),
          .monte_carlo = fields.optional("monte_carlo", monte_carlo)};
}

TaxTable parse_tax_table(const boost::json::value& value, std::string_view field) {
  return tax_table(value, std::string(field));
}

boost::json::value to_json(const TaxTable& table, boost::json::storage_ptr storage) {
  return Writer(std::move(storage)).tax_table(table);
}

boost::json::value to_json(const RoiResult& result, boost::json::storage_ptr storage) {
  return Writer(std::move(storage)).result(result);
}

}  // namespace disha::roi
