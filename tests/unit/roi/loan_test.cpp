#include "features/roi/loan.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace disha::roi {

namespace {

double sum_payments(const LoanSchedule& schedule, int first_month, int last_month) {
  double sum = 0;
  for (const LoanMonth& row : schedule.months) {
    if (row.month >= first_month && row.month <= last_month) sum += row.payment_inr;
  }
  return sum;
}

}  // namespace

TEST(Emi, MatchesPublishedValues) {
  // The figures every Indian bank's EMI calculator shows: ₹10 lakh at 10% for 5 years, and
  // ₹1 lakh at 12% for a year (Python: P·i·(1+i)^n / ((1+i)^n − 1)).
  EXPECT_NEAR(emi(1'000'000, 0.10, 60), 21247.044711268332, 1e-7);
  EXPECT_NEAR(emi(100'000, 0.12, 12), 8884.878867834166, 1e-8);
}

TEST(Emi, DividesEvenlyWithoutInterest) {
  EXPECT_DOUBLE_EQ(emi(120'000, 0, 24), 5000);
  EXPECT_EQ(emi(0, 0.1, 12), 0);
  EXPECT_EQ(emi(1000, 0.1, 0), 0);
}

TEST(Amortise, ZeroInterestLoanPaysBackThePrincipalOnly) {
  const LoanSchedule schedule =
      amortise({.principal_inr = 120'000, .annual_rate = 0, .tenure_months = 24});
  ASSERT_EQ(schedule.months.size(), 24u);
  for (const LoanMonth& row : schedule.months) {
    EXPECT_DOUBLE_EQ(row.payment_inr, 5000);
    EXPECT_EQ(row.interest_inr, 0);
  }
  EXPECT_NEAR(schedule.total_interest_inr, 0, 1e-9);
  EXPECT_EQ(schedule.months.back().closing_balance_inr, 0);
}

TEST(Amortise, FullEmiStartsAtOnceAndEndsAtZero) {
  const LoanSchedule schedule = amortise({.principal_inr = 100'000,
                                          .annual_rate = 0.12,
                                          .tenure_months = 12,
                                          .moratorium_mode = MoratoriumMode::full_emi});
  ASSERT_EQ(schedule.months.size(), 12u);
  EXPECT_EQ(schedule.months.front().month, 1);
  EXPECT_DOUBLE_EQ(schedule.months.front().interest_inr, 1000);  // 1% of 1 lakh in month 1
  EXPECT_NEAR(schedule.months.front().principal_repaid_inr, 8884.878867834166 - 1000, 1e-8);
  EXPECT_EQ(schedule.months.back().closing_balance_inr, 0);
  EXPECT_NEAR(schedule.total_paid_inr, 12 * 8884.878867834166, 1e-6);
  EXPECT_NEAR(schedule.total_interest_inr, 12 * 8884.878867834166 - 100'000, 1e-6);
  double principal = 0;
  for (const LoanMonth& row : schedule.months) principal += row.principal_repaid_inr;
  EXPECT_NEAR(principal, 100'000, 1e-6);
}

TEST(Amortise, CapitalisedMoratoriumAddsSimpleInterestToThePrincipal) {
  // 1% a month simple for 6 months: 1,06,000 to amortise; EMI 9417.971599904216 (Python).
  const LoanSchedule schedule = amortise({.principal_inr = 100'000,
                                          .annual_rate = 0.12,
                                          .tenure_months = 12,
                                          .moratorium_months = 6,
                                          .moratorium_mode = MoratoriumMode::capitalised});
  ASSERT_EQ(schedule.months.size(), 18u);
  EXPECT_DOUBLE_EQ(schedule.balance_at_repayment_inr, 106'000);
  EXPECT_NEAR(schedule.emi_inr, 9417.971599904216, 1e-8);
  EXPECT_EQ(sum_payments(schedule, 1, 6), 0);
  EXPECT_DOUBLE_EQ(schedule.months[5].closing_balance_inr, 106'000);
  EXPECT_DOUBLE_EQ(schedule.months[6].opening_balance_inr, 106'000);
  EXPECT_NEAR(schedule.total_interest_inr, 12 * 9417.971599904216 - 100'000, 1e-6);
}

TEST(Amortise, InterestOnlyMoratoriumPaysTheInterestThenTheEmi) {
  const LoanSchedule schedule = amortise({.principal_inr = 100'000,
                                          .annual_rate = 0.12,
                                          .tenure_months = 12,
                                          .moratorium_months = 6,
                                          .moratorium_mode = MoratoriumMode::interest_only});
  EXPECT_DOUBLE_EQ(schedule.moratorium_payment_inr, 1000);
  EXPECT_DOUBLE_EQ(sum_payments(schedule, 1, 6), 6000);
  EXPECT_NEAR(schedule.emi_inr, 8884.878867834166, 1e-8);
  EXPECT_NEAR(schedule.total_interest_inr, 6000 + 12 * 8884.878867834166 - 100'000, 1e-6);
}

TEST(LoanPaymentsByYear, AgreeWithTheMonthlySchedule) {
  for (MoratoriumMode mode : {MoratoriumMode::capitalised, MoratoriumMode::interest_only}) {
    const LoanTerms terms{.principal_inr = 500'000,
                          .annual_rate = 0.095,
                          .tenure_months = 61,
                          .moratorium_months = 30,
                          .moratorium_mode = mode};
    const LoanSchedule schedule = amortise(terms);
    const auto by_year = loan_payments_by_year(terms, 10);
    ASSERT_EQ(by_year.size(), 10u);
    for (int year = 0; year < 10; ++year) {
      EXPECT_NEAR(by_year[static_cast<std::size_t>(year)],
                  sum_payments(schedule, 12 * year + 1, 12 * year + 12), 1e-6)
          << "year " << year;
    }
    EXPECT_NEAR(std::accumulate(by_year.begin(), by_year.end(), 0.0), schedule.total_paid_inr,
                1e-6);
  }
}

TEST(LoanPaymentsByYear, AreZeroWithoutALoan) {
  const auto by_year = loan_payments_by_year({}, 3);
  EXPECT_EQ(by_year, (std::vector<double>{0, 0, 0}));
  EXPECT_TRUE(amortise({}).months.empty());
}

}  // namespace disha::roi
