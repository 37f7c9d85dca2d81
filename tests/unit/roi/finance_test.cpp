#include "features/roi/finance.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace disha::roi {

TEST(Power, MultipliesExactlyForIntegerExponents) {
  EXPECT_EQ(power(2, 10), 1024);
  EXPECT_EQ(power(1.5, 0), 1);
  EXPECT_EQ(power(-3, 3), -27);
  EXPECT_NEAR(power(1.01, 360), std::pow(1.01, 360), 1e-12 * std::pow(1.01, 360));
}

TEST(Npv, DoesNotDiscountYearZero) {
  EXPECT_DOUBLE_EQ(npv(std::vector<double>{-100}, 0.1), -100);
  // -100 + 110/1.1 = 0; and by hand: -1000 + 600/1.05 + 600/1.05² = 115.6462585…
  EXPECT_NEAR(npv(std::vector<double>{-100, 110}, 0.1), 0, 1e-12);
  EXPECT_NEAR(npv(std::vector<double>{-1000, 600, 600}, 0.05),
              -1000 + 600 / 1.05 + 600 / (1.05 * 1.05), 1e-9);
  EXPECT_DOUBLE_EQ(npv(std::vector<double>{10, 20, 30}, 0), 60);
  EXPECT_DOUBLE_EQ(npv(std::vector<double>{}, 0.1), 0);
}

TEST(Npv, MatchesTheTermByTermSumForEveryLength) {
  // The evaluation runs four interleaved chains plus a tail; every length exercises another mix.
  for (std::size_t length = 0; length <= 13; ++length) {
    std::vector<double> flows;
    double expected = 0;
    for (std::size_t t = 0; t < length; ++t) {
      flows.push_back(t % 3 == 0 ? -1000.0 * (t + 1) : 700.0 + 13 * t);
      expected += flows.back() / std::pow(1.07, static_cast<double>(t));
    }
    EXPECT_NEAR(npv(flows, 0.07), expected, 1e-9) << length << " flows";
  }
}

TEST(Irr, IsNullWithAReasonWhenFlowsNeverChangeSign) {
  for (const auto& flows :
       {std::vector<double>{-100, -50}, std::vector<double>{5, 5, 0}, std::vector<double>{0, 0}}) {
    const Irr result = irr(flows);
    EXPECT_FALSE(result.value);
    EXPECT_TRUE(result.roots.empty());
    EXPECT_EQ(result.sign_changes, 0);
    EXPECT_NE(result.note.find("never change sign"), std::string::npos);
  }
}

TEST(Irr, FindsTheSingleRootOfConventionalFlows) {
  const Irr simple = irr(std::vector<double>{-100, 110});
  ASSERT_TRUE(simple.value);
  EXPECT_NEAR(*simple.value, 0.10, 1e-10);
  EXPECT_EQ(simple.sign_changes, 1);
  EXPECT_TRUE(simple.note.empty());

  // Bisection in Python (plain arithmetic, 200 halvings): 0.23375192852825866.
  const Irr annuity = irr(std::vector<double>{-1000, 500, 500, 500});
  ASSERT_TRUE(annuity.value);
  EXPECT_NEAR(*annuity.value, 0.23375192852825866, 1e-9);

  // Zeros inside the flows do not count as sign changes; negative IRR when the money is lost.
  const Irr loss = irr(std::vector<double>{-100, 0, 0, 81});
  ASSERT_TRUE(loss.value);
  EXPECT_NEAR(*loss.value, std::cbrt(0.81) - 1, 1e-10);
}

TEST(Irr, ReportsEveryRootAndFlagsThemWhenFlowsChangeSignTwice) {
  // -100 + 230x - 132x² = 0 with x = 1/(1+r): x = 240/264 or 220/264, so r = 10% and 20%.
  const Irr result = irr(std::vector<double>{-100, 230, -132});
  EXPECT_EQ(result.sign_changes, 2);
  ASSERT_EQ(result.roots.size(), 2u);
  EXPECT_NEAR(result.roots[0], 0.10, 1e-10);
  EXPECT_NEAR(result.roots[1], 0.20, 1e-10);
  EXPECT_FALSE(result.value);
  EXPECT_NE(result.note.find("ambiguous"), std::string::npos);
}

TEST(Irr, SaysSoWhenSignChangesGiveNoRoot) {
  // 250x² - 300x + 100 has a negative discriminant: no real rate makes NPV zero.
  const Irr result = irr(std::vector<double>{-100, 300, -250});
  EXPECT_EQ(result.sign_changes, 2);
  EXPECT_TRUE(result.roots.empty());
  EXPECT_FALSE(result.value);
  EXPECT_NE(result.note.find("no discount rate"), std::string::npos);
}

TEST(Payback, InterpolatesWithinTheYear) {
  // Running total -100, -20, +20: the last 20 of year 2's 40 is recovered halfway through it.
  const auto half = payback(std::vector<double>{-100, 80, 40});
  ASSERT_TRUE(half);
  EXPECT_DOUBLE_EQ(half->months, 30);
  EXPECT_EQ(half->year, 2);

  const auto exact = payback(std::vector<double>{-100, 50, 50, 50});
  ASSERT_TRUE(exact);
  EXPECT_DOUBLE_EQ(exact->months, 36);  // zero exactly at the end of year 2
  EXPECT_EQ(exact->year, 2);
}

TEST(Payback, IsNeverWhenTheTotalEndsNegative) {
  EXPECT_FALSE(payback(std::vector<double>{-100, 50, 20}));
  EXPECT_FALSE(payback(std::vector<double>{}));
}

TEST(Payback, IsImmediateWhenTheTotalNeverGoesNegative) {
  const auto result = payback(std::vector<double>{10, 0, 5});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->months, 0);
  EXPECT_EQ(result->year, 0);
}

TEST(Payback, CountsFromTheLastTimeTheTotalTurnsNonNegative) {
  // An upfront loan makes the total +50 first; repayments pull it to -50; it recovers in year 2.
  const auto result = payback(std::vector<double>{50, -100, 80, 40});
  ASSERT_TRUE(result);
  EXPECT_DOUBLE_EQ(result->months, 24 + 12 * 50.0 / 80);
  EXPECT_EQ(result->year, 2);
}

TEST(FindRoot, ConvergesOnSmoothAndKinkedFunctions) {
  EXPECT_NEAR(find_root([](double x) { return x * x - 2; }, 0, 2, 1e-14), std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(find_root([](double x) { return std::cos(x) - x; }, 0, 1, 1e-14), 0.7390851332151607,
              1e-12);
  // A kink: linear pieces with different slopes, root at 3.
  EXPECT_NEAR(
      find_root([](double x) { return x < 3 ? (x - 3) * 10 : (x - 3) * 0.1; }, 0, 100, 1e-12), 3,
      1e-10);
  EXPECT_EQ(find_root([](double x) { return x - 5; }, 5, 9, 1e-12), 5);  // a root at the end
}

}  // namespace disha::roi
