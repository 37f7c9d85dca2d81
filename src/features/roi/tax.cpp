#include "features/roi/tax.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace disha::roi {

namespace {

double slab_tax(double taxable_inr, const std::vector<TaxSlab>& slabs) {
  double tax = 0;
  for (std::size_t i = 0; i < slabs.size() && taxable_inr > slabs[i].from_inr; ++i) {
    const double upper = i + 1 < slabs.size() ? slabs[i + 1].from_inr : taxable_inr;
    tax += (std::min(taxable_inr, upper) - slabs[i].from_inr) * slabs[i].rate;
  }
  return tax;
}

// Slab tax after the rebate. Just above the rebate limit, marginal relief caps the tax at the
// income in excess of the limit, so earning a rupee more never costs more than that rupee.
double tax_after_rebate(double taxable_inr, const TaxTable& table) {
  const double tax = slab_tax(taxable_inr, table.slabs);
  if (taxable_inr <= table.rebate_max_taxable_income_inr) {
    return std::max(0.0, tax - table.rebate_max_inr);
  }
  if (table.rebate_marginal_relief && table.rebate_max_inr > 0) {
    return std::min(tax, taxable_inr - table.rebate_max_taxable_income_inr);
  }
  return tax;
}

// Marginal relief on surcharge: tax plus surcharge may exceed that at the band's threshold by
// no more than the income above the threshold.
double tax_with_surcharge(double taxable_inr, const TaxTable& table) {
  const double tax = tax_after_rebate(taxable_inr, table);
  const auto above =
      std::find_if(table.surcharge.rbegin(), table.surcharge.rend(),
                   [&](const SurchargeBand& band) { return taxable_inr > band.above_inr; });
  if (above == table.surcharge.rend()) return tax;
  const double previous_rate =
      std::next(above) == table.surcharge.rend() ? 0 : std::next(above)->rate;
  const double at_threshold = tax_after_rebate(above->above_inr, table) * (1 + previous_rate);
  return std::min(tax * (1 + above->rate), at_threshold + (taxable_inr - above->above_inr));
}

[[noreturn]] void reject(const std::string& field, const std::string& message) {
  throw Error(ErrorCode::unprocessable, field + " " + message, field);
}

void require_in(double value, double lo, double hi, const std::string& field) {
  if (!std::isfinite(value) || value < lo || value > hi) {
    reject(field, fmt::format("must be between {} and {}, got {}", lo, hi, value));
  }
}

}  // namespace

double income_tax(double gross_salary_inr, const TaxTable& table) {
  const double taxable = std::max(0.0, gross_salary_inr - table.standard_deduction_inr);
  return tax_with_surcharge(taxable, table) * (1 + table.cess_rate);
}

void validate_tax_table(const TaxTable& table, std::string_view field) {
  const std::string prefix(field);
  constexpr double kMaxThresholdInr = 1e11;
  for (const auto& [text, name] :
       {std::pair{&table.id, "id"}, {&table.name, "name"}, {&table.source, "source"}}) {
    if (text->size() > 500) reject(prefix + "." + name, "must be at most 500 characters");
  }
  require_in(table.standard_deduction_inr, 0, kMaxThresholdInr, prefix + ".standard_deduction_inr");
  if (table.slabs.empty() || table.slabs.size() > 50) {
    reject(prefix + ".slabs", "must hold 1 to 50 slabs");
  }
  for (std::size_t i = 0; i < table.slabs.size(); ++i) {
    const std::string at = fmt::format("{}.slabs[{}]", prefix, i);
    require_in(table.slabs[i].from_inr, 0, kMaxThresholdInr, at + ".from_inr");
    require_in(table.slabs[i].rate, 0, 1, at + ".rate");
    if (i == 0 && table.slabs[i].from_inr != 0) {
      reject(at + ".from_inr", "must be 0 for the first slab");
    }
    if (i > 0 && table.slabs[i].from_inr <= table.slabs[i - 1].from_inr) {
      reject(at + ".from_inr", "must be above the previous slab's");
    }
  }
  require_in(table.rebate_max_taxable_income_inr, 0, kMaxThresholdInr,
             prefix + ".rebate.max_taxable_income_inr");
  require_in(table.rebate_max_inr, 0, kMaxThresholdInr, prefix + ".rebate.max_rebate_inr");
  if (table.surcharge.size() > 20) reject(prefix + ".surcharge", "must hold at most 20 bands");
  for (std::size_t i = 0; i < table.surcharge.size(); ++i) {
    const std::string at = fmt::format("{}.surcharge[{}]", prefix, i);
    require_in(table.surcharge[i].above_inr, 0, kMaxThresholdInr, at + ".above_inr");
    require_in(table.surcharge[i].rate, 0, 1, at + ".rate");
    if (i > 0 && table.surcharge[i].above_inr <= table.surcharge[i - 1].above_inr) {
      reject(at + ".above_inr", "must be above the previous band's");
    }
  }
  require_in(table.cess_rate, 0, 1, prefix + ".cess_rate");
}

}  // namespace disha::roi
