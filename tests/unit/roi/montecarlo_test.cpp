#include "features/roi/montecarlo.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "features/roi/engine.hpp"

namespace disha::roi {

namespace {

RoiRequest uncertain_programme(int paths, std::uint64_t seed, double growth_sd) {
  RoiRequest request;
  request.cost.total_fee_inr = 250'000;
  request.cost.duration_months = 24;
  request.earnings.salary_bands =
      std::vector<SalaryBand>{{0, 1, 458'000}, {1, 4, 603'000}, {5, 9, 1'000'000}};
  request.earnings.placement_probability = 0.7;
  request.counterfactual.current_salary_inr = 250'000;
  request.completion.probability = 0.8;
  request.tax.enabled = true;
  request.monte_carlo =
      MonteCarloInput{.paths = paths, .seed = seed, .salary_growth_sd = growth_sd};
  return request;
}

}  // namespace

TEST(Draws, UseTheStandardMersenneTwister) {
  // The C++ standard fixes this value ([rand.predef]): the same on every implementation.
  std::mt19937_64 engine;
  engine.discard(9999);
  EXPECT_EQ(engine(), 9981545732273789042ULL);
}

TEST(Draws, MatchAnIndependentImplementation) {
  // /tmp/roi/mt64.py: MT19937-64 transcribed from Matsumoto and Nishimura's reference C code into
  // Python, with the same uniform (53 bits) and Irwin–Hall normal. Bit-for-bit equal.
  std::mt19937_64 engine(42);
  EXPECT_EQ(uniform01(engine), 0.755155532954539);
  EXPECT_EQ(uniform01(engine), 0.6390313938546974);
  EXPECT_EQ(standard_normal(engine), -0.6439440614848415);
  EXPECT_EQ(standard_normal(engine), -1.2539102549968355);
}

TEST(Draws, NormalHasUnitVarianceAndBoundedTails) {
  std::mt19937_64 engine(7);
  constexpr int kDraws = 200'000;
  double sum = 0;
  double squares = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double z = standard_normal(engine);
    ASSERT_LE(std::abs(z), 6);
    sum += z;
    squares += z * z;
  }
  EXPECT_NEAR(sum / kDraws, 0, 0.01);
  EXPECT_NEAR(squares / kDraws, 1, 0.01);
}

TEST(Percentile, InterpolatesBetweenOrderStatistics) {
  const std::vector<double> values{10, 20, 30, 40, 50};
  EXPECT_DOUBLE_EQ(percentile(values, 0.5), 30);
  EXPECT_DOUBLE_EQ(percentile(values, 0.1), 14);  // position 0.4 between 10 and 20
  EXPECT_DOUBLE_EQ(percentile(values, 0.9), 46);
  EXPECT_DOUBLE_EQ(percentile(values, 0), 10);
  EXPECT_DOUBLE_EQ(percentile(values, 1), 50);
  EXPECT_DOUBLE_EQ(percentile(std::vector<double>{7}, 0.9), 7);
}

TEST(MonteCarlo, TheSameSeedGivesTheSameResult) {
  const RoiResult first = compute_roi(uncertain_programme(2'000, 2025, 0.02));
  const RoiResult second = compute_roi(uncertain_programme(2'000, 2025, 0.02));
  const RoiResult other_seed = compute_roi(uncertain_programme(2'000, 2026, 0.02));
  ASSERT_TRUE(first.monte_carlo && second.monte_carlo && other_seed.monte_carlo);
  bool any_difference = false;
  for (std::size_t h = 0; h < first.monte_carlo->horizons.size(); ++h) {
    const MonteCarloHorizon& a = first.monte_carlo->horizons[h];
    const MonteCarloHorizon& b = second.monte_carlo->horizons[h];
    EXPECT_EQ(a.npv_p10_inr, b.npv_p10_inr);
    EXPECT_EQ(a.npv_p50_inr, b.npv_p50_inr);
    EXPECT_EQ(a.npv_p90_inr, b.npv_p90_inr);
    EXPECT_EQ(a.npv_mean_inr, b.npv_mean_inr);
    EXPECT_EQ(a.payback_probability, b.payback_probability);
    any_difference |= a.npv_mean_inr != other_seed.monte_carlo->horizons[h].npv_mean_inr;
  }
  EXPECT_TRUE(any_difference);
}

TEST(MonteCarlo, MeanConvergesToTheRiskAdjustedNpv) {
  // Without growth noise each path takes one of three values (placed, unplaced, non-completer)
  // whose probability-weighted mean is the deterministic risk-adjusted NPV; the simulated mean
  // must approach it within a few standard errors, which shrink like 1/sqrt(paths).
  RoiRequest request = uncertain_programme(1, 99, 0);
  request.earnings.placement_probability = 1;
  const RoiResult placed = compute_roi(request);
  request.earnings.placement_probability = 0;
  const RoiResult unplaced = compute_roi(request);
  const std::array weights{0.8 * 0.7, 0.8 * 0.3, 0.2};

  for (int paths : {1'000, 100'000}) {
    const RoiResult result = compute_roi(uncertain_programme(paths, 99, 0));
    for (std::size_t h = 0; h < result.risk_adjusted.horizons.size(); ++h) {
      const double exact = result.risk_adjusted.horizons[h].npv_inr;
      const std::array outcomes{placed.graduate.horizons[h].npv_inr,
                                unplaced.graduate.horizons[h].npv_inr,
                                result.non_completer.horizons[h].npv_inr};
      double variance = 0;
      for (std::size_t i = 0; i < 3; ++i) {
        variance += weights[i] * (outcomes[i] - exact) * (outcomes[i] - exact);
      }
      const double standard_error = std::sqrt(variance / paths);
      EXPECT_NEAR(result.monte_carlo->horizons[h].npv_mean_inr, exact, 4 * standard_error)
          << paths << " paths, horizon " << result.risk_adjusted.horizons[h].years;
    }
  }
}

TEST(MonteCarlo, PercentilesAreOrderedAndPaybackProbabilityGrowsWithTheHorizon) {
  const RoiResult result = compute_roi(uncertain_programme(5'000, 1, 0.03));
  double previous_probability = 0;
  for (const MonteCarloHorizon& horizon : result.monte_carlo->horizons) {
    EXPECT_LE(horizon.npv_p10_inr, horizon.npv_p50_inr);
    EXPECT_LE(horizon.npv_p50_inr, horizon.npv_p90_inr);
    EXPECT_GE(horizon.payback_probability, previous_probability);
    EXPECT_LE(horizon.payback_probability, 1);
    previous_probability = horizon.payback_probability;
  }
  // 20% never complete and never pay back; so at most 80% do.
  EXPECT_LE(result.monte_carlo->horizons.back().payback_probability, 0.83);
  EXPECT_GT(result.monte_carlo->horizons.back().payback_probability, 0.5);
}

TEST(MonteCarlo, CertainOutcomesReproduceTheDeterministicPayback) {
  RoiRequest request = uncertain_programme(50, 3, 0);
  request.earnings.placement_probability = 1;
  request.completion.probability = 1;
  const RoiResult result = compute_roi(request);
  ASSERT_TRUE(result.graduate.payback);
  for (std::size_t h = 0; h < result.monte_carlo->horizons.size(); ++h) {
    const MonteCarloHorizon& horizon = result.monte_carlo->horizons[h];
    EXPECT_EQ(horizon.payback_probability, result.graduate.horizons[h].paid_back ? 1.0 : 0.0);
    EXPECT_NEAR(horizon.npv_p10_inr, result.graduate.horizons[h].npv_inr, 1e-6);
    EXPECT_NEAR(horizon.npv_p90_inr, result.graduate.horizons[h].npv_inr, 1e-6);
  }
}

}  // namespace disha::roi
