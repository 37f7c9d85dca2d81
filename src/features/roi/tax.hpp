#pragma once
// Income tax on a year's salary from a slab table kept as data (data/tax/*.json). Modelled: the
// standard deduction, marginal slab rates, a rebate for low taxable incomes with marginal relief
// (India's section 87A), surcharge bands with marginal relief, and a cess on the tax. Not
// modelled: other deductions and exemptions, non-salary income, professional tax.
#include <string>
#include <string_view>
#include <vector>

namespace disha::roi {

struct TaxSlab {
  double from_inr = 0;  // the rate applies to taxable income above this
  double rate = 0;
  bool operator==(const TaxSlab&) const = default;
};

struct SurchargeBand {
  double above_inr = 0;  // applies when taxable income exceeds this
  double rate = 0;       // a fraction of the tax
  bool operator==(const SurchargeBand&) const = default;
};

struct TaxTable {
  std::string id{};
  std::string name{};
  std::string source{};
  double standard_deduction_inr = 0;
  std::vector<TaxSlab> slabs{};  // ascending, the first from 0
  double rebate_max_taxable_income_inr = 0;
  double rebate_max_inr = 0;
  bool rebate_marginal_relief = false;     // above the limit, tax ≤ income in excess of the limit
  std::vector<SurchargeBand> surcharge{};  // ascending
  double cess_rate = 0;
  bool operator==(const TaxTable&) const = default;
};

// The tax on a year's gross salary, cess included.
double income_tax(double gross_salary_inr, const TaxTable& table);

// Throws Error(unprocessable) naming the offending member under `field`
// (e.g. "tax.slab_table.slabs[2].rate").
void validate_tax_table(const TaxTable& table, std::string_view field);

// India's new regime for FY 2025-26, parsed once from data/tax/india_new_regime_fy2025_26.json,
// whose text is compiled into the binary (no file I/O at run time).
const TaxTable& india_new_regime_fy2025_26();

}  // namespace disha::roi
