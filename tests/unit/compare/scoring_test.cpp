// Compare's engine: mid-rank percentiles, best-value marking, weights parsing and scores
// computed by hand, and that a score does not depend on which set is compared.
#include "features/compare/scoring.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.hpp"

namespace disha::compare {
namespace {

using catalog::Direction;
using catalog::FactorDefinition;
using catalog::ValueType;

constexpr double kMissing = NAN;

FactorDefinition factor(std::string code, ValueType type, Direction direction) {
  FactorDefinition f;
  f.code = std::move(code);
  f.type = type;
  f.direction = direction;
  return f;
}

TEST(Distribution, GivesMidRankPercentiles) {
  Distribution d({10, 20, 20, 40, kMissing});
  EXPECT_EQ(d.size(), 4u);
  EXPECT_DOUBLE_EQ(d.percentile(10), 0.125);  // (0 + 1/2) / 4
  EXPECT_DOUBLE_EQ(d.percentile(20), 0.5);    // (1 + 2/2) / 4
  EXPECT_DOUBLE_EQ(d.percentile(40), 0.875);
  EXPECT_DOUBLE_EQ(d.percentile(5), 0.0);    // below everything
  EXPECT_DOUBLE_EQ(d.percentile(99), 1.0);   // above everything
  EXPECT_DOUBLE_EQ(d.percentile(30), 0.75);  // between: the share below
  EXPECT_DOUBLE_EQ(Distribution(std::vector<double>{}).percentile(3), 0.5);
}

TEST(BestValues, MarksTheBestByDirectionWithTies) {
  std::vector<double> fees{150000, 90000, kMissing, 90000};
  EXPECT_EQ(best_values(Direction::lower_better, fees),
            (std::vector<bool>{false, true, false, true}));
  EXPECT_EQ(best_values(Direction::higher_better, fees),
            (std::vector<bool>{true, false, false, false}));
  EXPECT_EQ(best_values(Direction::none, fees), (std::vector<bool>(4, false)));
}

TEST(BestValues, MarksNothingWhenThereIsNothingToChooseBetween) {
  EXPECT_EQ(best_values(Direction::higher_better, std::vector<double>{3, 3, kMissing}),
            (std::vector<bool>(3, false)));
  EXPECT_EQ(best_values(Direction::higher_better, std::vector<double>{3, kMissing}),
            (std::vector<bool>(2, false)));
  EXPECT_EQ(best_values(Direction::higher_better, std::vector<double>{kMissing, kMissing}),
            (std::vector<bool>(2, false)));
}

TEST(Normalise, UsesPercentilesBooleansAndDirection) {
  Distribution fees({100, 200, 300, 400});
  auto fee = factor("fee", ValueType::number, Direction::lower_better);
  EXPECT_DOUBLE_EQ(normalise(fee, fees, 100), 1 - 0.125);
  EXPECT_DOUBLE_EQ(normalise(fee, fees, 400), 1 - 0.875);
  auto emi = factor("emi", ValueType::boolean, Direction::higher_better);
  EXPECT_DOUBLE_EQ(normalise(emi, fees, 1), 1);
  EXPECT_DOUBLE_EQ(normalise(emi, fees, 0), 0);
}

class Weights : public ::testing::Test {
 protected:
  FactorDefinition fee = factor("fee", ValueType::number, Direction::lower_better);
  FactorDefinition naac = factor("naac", ValueType::grade, Direction::higher_better);
  FactorDefinition mode = factor("mode", ValueType::enumeration, Direction::none);
  FactorDefinition duration = factor("duration", ValueType::number, Direction::none);
  FactorLookup lookup = [this](std::string_view code) -> const FactorDefinition* {
    for (const auto* f : {&fee, &naac, &mode, &duration}) {
      if (f->code == code) return f;
    }
    return nullptr;
  };
};

TEST_F(Weights, ParsesCodesAndWeights) {
  auto weights = parse_weights("fee:3,naac:1.5", lookup);
  ASSERT_EQ(weights.size(), 2u);
  EXPECT_EQ(weights[0].factor, &fee);
  EXPECT_EQ(weights[0].weight, 3);
  EXPECT_EQ(weights[1].weight, 1.5);
}

TEST_F(Weights, RefusesEveryMalformedEntryNamingWeights) {
  for (const char* bad :
       {"", "fee", "fee:", ":3", "fee:0", "fee:-1", "fee:101", "fee:x", "fee:3,", "colour:2",
        "mode:2", "duration:2", "fee:1,fee:2", "fee:nan", "fee:inf"}) {
    try {
      parse_weights(bad, lookup);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const Error& error) {
      EXPECT_EQ(error.field(), "weights") << bad;
      EXPECT_EQ(error.code(), ErrorCode::bad_request) << bad;
    }
  }
}

TEST_F(Weights, ScoresByHandComputedNumbersWithCoverage) {
  Distribution fees({100, 200, 300, 400});
  Distribution grades({0, 1, 2, 3});
  std::vector<Weight> weights{{&fee, 3}, {&naac, 1}};
  std::vector<const Distribution*> spreads{&fees, &grades};
  // Entity 0: fee 100 (n = 0.875), grade 3 (n = 0.875) → 87.5.
  // Entity 1: fee 400 (n = 0.125), grade undisclosed → 12.5 on 3/4 of the weight.
  // Entity 2: nothing disclosed → no score.
  auto scores = score(weights, spreads, {{100, 400, kMissing}, {3, kMissing, kMissing}});
  ASSERT_EQ(scores.size(), 3u);
  EXPECT_DOUBLE_EQ(*scores[0].score, 87.5);
  EXPECT_DOUBLE_EQ(scores[0].coverage, 1.0);
  EXPECT_DOUBLE_EQ(scores[0].contributions[0].points, 65.625);  // 100 × 3 × 0.875 / 4
  EXPECT_DOUBLE_EQ(scores[0].contributions[1].points, 21.875);
  EXPECT_DOUBLE_EQ(*scores[1].score, 12.5);
  EXPECT_DOUBLE_EQ(scores[1].coverage, 0.75);
  EXPECT_FALSE(scores[1].contributions[1].normalised.has_value());
  EXPECT_EQ(scores[1].contributions[1].points, 0);
  EXPECT_FALSE(scores[2].score.has_value());
  EXPECT_EQ(scores[2].coverage, 0);
}

TEST_F(Weights, AScoreDoesNotDependOnTheOthersCompared) {
  Distribution fees({100, 200, 300, 400, 500});
  std::vector<Weight> weights{{&fee, 2}};
  std::vector<const Distribution*> spreads{&fees};
  auto three = score(weights, spreads, {{100, 300, 500}});
  auto four = score(weights, spreads, {{100, 300, 500, 200}});
  for (int i = 0; i < 3; ++i) EXPECT_DOUBLE_EQ(*three[i].score, *four[i].score);
}

}  // namespace
}  // namespace disha::compare
