#include "features/roi/tax.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/error.hpp"
#include "features/roi/json.hpp"

namespace disha::roi {

namespace {

const TaxTable& india() {
  return india_new_regime_fy2025_26();
}

// Gross salary for a taxable income: the standard deduction is ₹75,000.
double tax_on_taxable(double taxable_inr) {
  return income_tax(taxable_inr + 75'000, india());
}

}  // namespace

TEST(IndiaNewRegime, LoadsTheTableKeptAsData) {
  EXPECT_EQ(india().id, "india_new_regime_fy2025_26");
  EXPECT_EQ(india().standard_deduction_inr, 75'000);
  ASSERT_EQ(india().slabs.size(), 7u);
  EXPECT_EQ(india().slabs[1], (TaxSlab{400'000, 0.05}));
  EXPECT_EQ(india().slabs[6], (TaxSlab{2'400'000, 0.30}));
  EXPECT_EQ(india().rebate_max_taxable_income_inr, 1'200'000);
  EXPECT_EQ(india().rebate_max_inr, 60'000);
  EXPECT_TRUE(india().rebate_marginal_relief);
  EXPECT_EQ(india().cess_rate, 0.04);
}

TEST(IndiaNewRegime, NoTaxUpToTwelveLakhTaxableThanksToTheRebate) {
  EXPECT_EQ(income_tax(0, india()), 0);
  EXPECT_EQ(income_tax(75'000, india()), 0);  // all standard deduction
  EXPECT_EQ(tax_on_taxable(400'000), 0);      // the nil slab's top
  EXPECT_EQ(tax_on_taxable(800'000), 0);      // 20,000 slab tax, rebated
  EXPECT_EQ(tax_on_taxable(1'200'000), 0);    // 60,000 slab tax, rebated in full
  EXPECT_EQ(income_tax(1'275'000, india()), 0);
}

TEST(IndiaNewRegime, MarginalReliefJustAboveTheRebateLimit) {
  // Taxable 12,00,001: slab tax 60,000.15, capped at the 1 rupee above 12 lakh, plus 4% cess.
  EXPECT_NEAR(tax_on_taxable(1'200'001), 1.04, 1e-9);
  // 12,25,000: slab tax 63,750 capped at 25,000 → 26,000 with cess.
  EXPECT_NEAR(tax_on_taxable(1'225'000), 26'000, 1e-9);
  // 12,70,000: slab tax 70,500 capped at 70,000 → 72,800.
  EXPECT_NEAR(tax_on_taxable(1'270'000), 72'800, 1e-9);
  // 12,75,000: slab tax 71,250 is below the 75,000 cap, so no relief → 74,100.
  EXPECT_NEAR(tax_on_taxable(1'275'000), 74'100, 1e-9);
}

TEST(IndiaNewRegime, SlabBoundaries) {
  // 20 lakh: 20,000 + 40,000 + 60,000 + 80,000 = 2,00,000; + 4% = 2,08,000.
  EXPECT_NEAR(tax_on_taxable(2'000'000), 208'000, 1e-9);
  // 24 lakh: + 1,00,000 at 25% = 3,00,000 → 3,12,000.
  EXPECT_NEAR(tax_on_taxable(2'400'000), 312'000, 1e-9);
  // 30 lakh: + 30% of 6 lakh = 4,80,000 → 4,99,200.
  EXPECT_NEAR(tax_on_taxable(3'000'000), 499'200, 1e-9);
  // 19,25,000 (a ₹20 lakh salary): 1,20,000 + 20% of 3,25,000 = 1,85,000 → 1,92,400.
  EXPECT_NEAR(income_tax(2'000'000, india()), 192'400, 1e-9);
}

TEST(IndiaNewRegime, SurchargeWithMarginalRelief) {
  // 50 lakh exactly: 3,00,000 + 30% of 26 lakh = 10,80,000, no surcharge → 11,23,200.
  EXPECT_NEAR(tax_on_taxable(5'000'000), 1'123'200, 1e-6);
  // 50.1 lakh: 10,83,000 + 10% = 11,91,300, but relief caps it at 10,80,000 + 10,000 → 11,33,600.
  EXPECT_NEAR(tax_on_taxable(5'010'000), 1'133'600, 1e-6);
  // 60 lakh: 13,80,000 + 10% = 15,18,000, below the cap → 15,78,720.
  EXPECT_NEAR(tax_on_taxable(6'000'000), 1'578'720, 1e-6);
  // 1.005 crore: 25,95,000 + 15% = 29,84,250; cap 25,80,000 × 1.10 + 50,000 = 28,88,000 →
  // 30,03,520.
  EXPECT_NEAR(tax_on_taxable(10'050'000), 3'003'520, 1e-6);
}

TEST(IncomeTax, WorksFromAnyTableGivenAsInput) {
  const TaxTable flat{.id = "flat", .slabs = {{0, 0.1}}};
  EXPECT_DOUBLE_EQ(income_tax(500'000, flat), 50'000);
  const TaxTable stepped{.id = "stepped",
                         .standard_deduction_inr = 50'000,
                         .slabs = {{0, 0}, {250'000, 0.05}, {500'000, 0.2}},
                         .rebate_max_taxable_income_inr = 500'000,
                         .rebate_max_inr = 12'500,
                         .cess_rate = 0.04};
  EXPECT_EQ(income_tax(550'000, stepped), 0);  // taxable 5 lakh: 12,500 rebated
  // Taxable 6 lakh, no marginal relief in this table: 12,500 + 20,000 = 32,500 → 33,800.
  EXPECT_NEAR(income_tax(650'000, stepped), 33'800, 1e-9);
}

TEST(ValidateTaxTable, NamesTheFaultyMember) {
  TaxTable table = india();
  table.slabs[3].rate = 1.5;
  try {
    validate_tax_table(table, "tax.slab_table");
    FAIL() << "accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unprocessable);
    EXPECT_EQ(error.field(), "tax.slab_table.slabs[3].rate");
  }
  table = india();
  table.slabs[2].from_inr = 300'000;  // below the previous slab's
  EXPECT_THROW(validate_tax_table(table, "t"), Error);
  table = india();
  table.slabs[0].from_inr = 1;
  EXPECT_THROW(validate_tax_table(table, "t"), Error);
  EXPECT_NO_THROW(validate_tax_table(india(), "t"));
}

TEST(TaxTableJson, RoundTrips) {
  EXPECT_EQ(parse_tax_table(to_json(india()), "t"), india());
}

}  // namespace disha::roi
