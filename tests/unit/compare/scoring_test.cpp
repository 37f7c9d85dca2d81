// Compare's engine: mid-rank percentiles, direction, best-value marking, weights parsing (every
// rule refused naming "weights"), scores computed by hand, and that a score does not depend on
// which set is compared.
#include "features/compare/scoring.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

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

// --- Distribution ---

TEST(Distribution, GivesMidRankPercentilesWithTies) {
  Distribution d({40, 20, kMissing, 10, 20});  // unsorted on purpose
  EXPECT_EQ(d.size(), 4u);
  EXPECT_DOUBLE_EQ(d.percentile(10), 0.125);  // (0 + 1/2) / 4
  EXPECT_DOUBLE_EQ(d.percentile(20), 0.5);    // (1 + 2/2) / 4
  EXPECT_DOUBLE_EQ(d.percentile(40), 0.875);  // (3 + 1/2) / 4
}

TEST(Distribution, GivesTheShareBelowForValuesOutsideOrBetween) {
  Distribution d({10, 20, 20, 40});
  EXPECT_DOUBLE_EQ(d.percentile(5), 0.0);
  EXPECT_DOUBLE_EQ(d.percentile(-1e300), 0.0);
  EXPECT_DOUBLE_EQ(d.percentile(99), 1.0);
  EXPECT_DOUBLE_EQ(d.percentile(INFINITY), 1.0);
  EXPECT_DOUBLE_EQ(d.percentile(30), 0.75);
  EXPECT_DOUBLE_EQ(d.percentile(15), 0.25);
}

TEST(Distribution, PutsEveryValueOfAConstantSpreadInTheMiddle) {
  Distribution same({7, 7, 7});
  EXPECT_DOUBLE_EQ(same.percentile(7), 0.5);
  Distribution single({3});
  EXPECT_DOUBLE_EQ(single.percentile(3), 0.5);
  EXPECT_DOUBLE_EQ(single.percentile(2), 0.0);
  EXPECT_DOUBLE_EQ(single.percentile(4), 1.0);
}

TEST(Distribution, HandlesEmptyAndNaN) {
  Distribution empty(std::vector<double>{kMissing, kMissing});
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_DOUBLE_EQ(empty.percentile(3), 0.5);
  EXPECT_EQ(Distribution().size(), 0u);
  EXPECT_TRUE(std::isnan(Distribution({1, 2}).percentile(kMissing)));
}

TEST(Distribution, PercentilesStayInTheUnitIntervalAndNeverFall) {
  Distribution d({1, 1, 2, 3, 5, 8, 13, 13, 13, 21});
  double previous = 0;
  for (double v = -2; v <= 25; v += 0.5) {
    double p = d.percentile(v);
    EXPECT_GE(p, previous) << v;
    EXPECT_LE(p, 1.0) << v;
    previous = p;
  }
}

// --- Direction and normalisation ---

TEST(Weightable, NeedsADirectionAndAnOrder) {
  EXPECT_TRUE(weightable(factor("fee", ValueType::number, Direction::lower_better)));
  EXPECT_TRUE(weightable(factor("naac", ValueType::grade, Direction::higher_better)));
  EXPECT_TRUE(weightable(factor("emi", ValueType::boolean, Direction::higher_better)));
  EXPECT_FALSE(weightable(factor("duration", ValueType::number, Direction::none)));
  EXPECT_FALSE(weightable(factor("mode", ValueType::enumeration, Direction::higher_better)));
  EXPECT_FALSE(weightable(factor("note", ValueType::text, Direction::lower_better)));
}

TEST(Normalise, TurnsNumbersIntoPercentilesFlippedWhenLowerIsBetter) {
  Distribution fees({100, 200, 300, 400});
  auto cheap = factor("fee", ValueType::number, Direction::lower_better);
  auto big = factor("seats", ValueType::number, Direction::higher_better);
  EXPECT_DOUBLE_EQ(normalise(cheap, fees, 100), 0.875);
  EXPECT_DOUBLE_EQ(normalise(cheap, fees, 400), 0.125);
  EXPECT_DOUBLE_EQ(normalise(big, fees, 100), 0.125);
  EXPECT_DOUBLE_EQ(normalise(big, fees, 400), 0.875);
  EXPECT_DOUBLE_EQ(normalise(cheap, fees, 50), 1.0);
  EXPECT_DOUBLE_EQ(normalise(big, fees, 50), 0.0);
}

TEST(Normalise, RanksGradesByLevelIndex) {
  // Levels C, B, A, A+ as 0..3; the catalogue holds two Bs and one each of the others.
  Distribution grades({0, 1, 1, 2, 3});
  auto naac = factor("naac", ValueType::grade, Direction::higher_better);
  EXPECT_DOUBLE_EQ(normalise(naac, grades, 0), 0.1);  // (0 + 0.5) / 5
  EXPECT_DOUBLE_EQ(normalise(naac, grades, 1), 0.4);  // (1 + 1) / 5
  EXPECT_DOUBLE_EQ(normalise(naac, grades, 3), 0.9);  // (4 + 0.5) / 5
}

TEST(Normalise, TakesBooleansAsTheyAreWhateverTheSpread) {
  Distribution mostly_true({1, 1, 1, 0});
  auto emi = factor("emi", ValueType::boolean, Direction::higher_better);
  auto penalty = factor("penalty", ValueType::boolean, Direction::lower_better);
  EXPECT_DOUBLE_EQ(normalise(emi, mostly_true, 1), 1);
  EXPECT_DOUBLE_EQ(normalise(emi, mostly_true, 0), 0);
  EXPECT_DOUBLE_EQ(normalise(penalty, mostly_true, 1), 0);
  EXPECT_DOUBLE_EQ(normalise(penalty, mostly_true, 0), 1);
}

// --- Best values ---

TEST(BestValues, MarksTheBestByDirection) {
  std::vector<double> fees{150000, 90000, 120000};
  EXPECT_EQ(best_values(Direction::lower_better, fees), (std::vector<bool>{false, true, false}));
  EXPECT_EQ(best_values(Direction::higher_better, fees), (std::vector<bool>{true, false, false}));
}

TEST(BestValues, MarksEveryTiedBest) {
  std::vector<double> grades{3, 1, 3, 2};
  EXPECT_EQ(best_values(Direction::higher_better, grades),
            (std::vector<bool>{true, false, true, false}));
  EXPECT_EQ(best_values(Direction::lower_better, grades),
            (std::vector<bool>{false, true, false, false}));
}

TEST(BestValues, NeverMarksAMissingValue) {
  std::vector<double> fees{kMissing, 150000, kMissing, 90000};
  EXPECT_EQ(best_values(Direction::lower_better, fees),
            (std::vector<bool>{false, false, false, true}));
  EXPECT_EQ(best_values(Direction::higher_better, fees),
            (std::vector<bool>{false, true, false, false}));
}

TEST(BestValues, MarksNothingWithoutADirection) {
  EXPECT_EQ(best_values(Direction::none, std::vector<double>{1, 2, 3}),
            (std::vector<bool>(3, false)));
}

TEST(BestValues, MarksNothingWhenAllDisclosedValuesAreEqual) {
  EXPECT_EQ(best_values(Direction::higher_better, std::vector<double>{3, 3, kMissing, 3}),
            (std::vector<bool>(4, false)));
}

TEST(BestValues, MarksNothingWithFewerThanTwoValues) {
  EXPECT_EQ(best_values(Direction::higher_better, std::vector<double>{3, kMissing}),
            (std::vector<bool>(2, false)));
  EXPECT_EQ(best_values(Direction::lower_better, std::vector<double>{kMissing, kMissing}),
            (std::vector<bool>(2, false)));
  EXPECT_EQ(best_values(Direction::lower_better, std::vector<double>{}), std::vector<bool>{});
}

TEST(BestValues, HandlesBooleansAndNegatives) {
  EXPECT_EQ(best_values(Direction::higher_better, std::vector<double>{0, 1, 0}),
            (std::vector<bool>{false, true, false}));
  EXPECT_EQ(best_values(Direction::lower_better, std::vector<double>{-3, -7, 0}),
            (std::vector<bool>{false, true, false}));
}

// --- Weights ---

class Weights : public ::testing::Test {
 protected:
  FactorDefinition fee = factor("fee", ValueType::number, Direction::lower_better);
  FactorDefinition naac = factor("naac", ValueType::grade, Direction::higher_better);
  FactorDefinition emi = factor("emi", ValueType::boolean, Direction::higher_better);
  FactorDefinition mode = factor("mode", ValueType::enumeration, Direction::none);
  FactorDefinition note = factor("note", ValueType::text, Direction::higher_better);
  FactorDefinition duration = factor("duration", ValueType::number, Direction::none);
  std::vector<FactorDefinition> numbered;  // f1 … f45, all weightable

  void SetUp() override {
    for (int i = 1; i <= 45; ++i) {
      numbered.push_back(
          factor("f" + std::to_string(i), ValueType::number, Direction::higher_better));
    }
  }

  FactorLookup lookup = [this](std::string_view code) -> const FactorDefinition* {
    for (const auto* f : {&fee, &naac, &emi, &mode, &note, &duration}) {
      if (f->code == code) return f;
    }
    for (const auto& f : numbered) {
      if (f.code == code) return &f;
    }
    return nullptr;
  };

  static std::string numbered_weights(int count) {
    std::string text;
    for (int i = 1; i <= count; ++i) text += (i > 1 ? ",f" : "f") + std::to_string(i) + ":1";
    return text;
  }

  // The error parse_weights throws, checking it names "weights" as a bad request.
  std::string refusal(std::string_view text) {
    try {
      parse_weights(text, lookup);
    } catch (const Error& error) {
      EXPECT_EQ(error.field(), "weights") << text;
      EXPECT_EQ(error.code(), ErrorCode::bad_request) << text;
      return error.what();
    }
    ADD_FAILURE() << "accepted '" << text << "'";
    return {};
  }

  void expect_refused(std::string_view text, std::string_view naming) {
    auto message = refusal(text);
    EXPECT_NE(message.find(naming), std::string::npos) << text << " → " << message;
  }
};

TEST_F(Weights, ParsesCodesAndDecimalWeightsInOrder) {
  auto weights = parse_weights("fee:3,naac:1.5,emi:0.25", lookup);
  ASSERT_EQ(weights.size(), 3u);
  EXPECT_EQ(weights[0].factor, &fee);
  EXPECT_EQ(weights[0].weight, 3);
  EXPECT_EQ(weights[1].factor, &naac);
  EXPECT_EQ(weights[1].weight, 1.5);
  EXPECT_EQ(weights[2].factor, &emi);
  EXPECT_EQ(weights[2].weight, 0.25);
}

TEST_F(Weights, IgnoresSpacesAroundCodesAndWeights) {
  auto weights = parse_weights(" fee : 3 , naac:2 ", lookup);
  ASSERT_EQ(weights.size(), 2u);
  EXPECT_EQ(weights[0].factor, &fee);
  EXPECT_EQ(weights[1].weight, 2);
}

TEST_F(Weights, AcceptsTheBoundsOfWeightAndCount) {
  EXPECT_EQ(parse_weights("fee:100", lookup)[0].weight, 100);
  EXPECT_EQ(parse_weights("fee:100.000", lookup)[0].weight, 100);
  EXPECT_EQ(parse_weights("fee:0.001", lookup)[0].weight, 0.001);
  EXPECT_EQ(parse_weights(numbered_weights(40), lookup).size(), 40u);
}

TEST_F(Weights, RefusesNoEntries) {
  expect_refused("", "entry 1 '' is not code:weight");
  expect_refused(" ", "is not code:weight");
}

TEST_F(Weights, RefusesMoreThanFortyEntriesNamingTheFirstTooMany) {
  expect_refused(numbered_weights(41), "entry 41 'f41:1' is one too many");
  expect_refused(numbered_weights(45), "entry 41 'f41:1'");
}

TEST_F(Weights, RefusesMalformedEntries) {
  expect_refused("fee", "entry 1 'fee' is not code:weight");
  expect_refused(":3", "entry 1 ':3' is not code:weight");
  expect_refused("fee:3,,naac:2", "entry 2 '' is not code:weight");
  expect_refused("fee:3,", "entry 2 '' is not code:weight");
  expect_refused("fee=3", "'fee=3' is not code:weight");
}

TEST_F(Weights, RefusesWeightsThatAreNotDecimalsAboveZeroUpToAHundred) {
  for (const char* bad : {"fee:", "fee:0", "fee:0.0", "fee:-1", "fee:+3", "fee:101", "fee:100.01",
                          "fee:1e2", "fee:0x10", "fee:x", "fee:3.", "fee:.5", "fee:1.2.3",
                          "fee:3:4", "fee:nan", "fee:inf", "fee:1 2", "fee:3abc"}) {
    expect_refused(bad, "needs a decimal weight above 0 and at most 100");
    expect_refused(bad, std::string("entry 1 '") + bad + "'");
  }
  expect_refused("naac:2,fee:0", "entry 2 'fee:0' needs a decimal weight");
}

TEST_F(Weights, RefusesUnknownFactors) {
  expect_refused("fee:1,colour:2", "entry 2 'colour:2' names no factor");
  expect_refused("FEE:1", "'FEE:1' names no factor");
}

TEST_F(Weights, RefusesFactorsWithoutADirectionOrAnOrder) {
  expect_refused("duration:2", "'duration:2' names a factor with no better or worse");
  expect_refused("mode:2", "'mode:2' names a factor with no better or worse");
  expect_refused("note:2", "'note:2' names a factor with no better or worse");
}

TEST_F(Weights, RefusesARepeatedFactor) {
  expect_refused("fee:1,naac:2,fee:2", "entry 3 'fee:2' repeats a factor");
  expect_refused("fee:1, fee :1", "entry 2 ' fee :1' repeats a factor");
}

TEST_F(Weights, QuotesOnlyShortPrintableEntries) {
  auto long_entry = std::string(200, 'x') + ":1";
  auto message = refusal(long_entry);
  EXPECT_EQ(message, "weights: entry 1 names no factor of these entities");
  EXPECT_EQ(refusal("fee:1\n"), "weights: entry 1 needs a decimal weight above 0 and at most 100");
  EXPECT_EQ(refusal("\xff:1"), "weights: entry 1 names no factor of these entities");
}

// --- Scores ---

class Scores : public Weights {
 protected:
  Distribution fees{{100, 200, 300, 400}};
  Distribution grades{{0, 1, 2, 3}};
  Distribution flags{{0, 1}};
};

TEST_F(Scores, ComputesScoresCoverageAndPointsByHand) {
  std::vector<Weight> weights{{&fee, 3}, {&naac, 1}};
  std::vector<const Distribution*> spreads{&fees, &grades};
  // Entity 0: fee 100 (n = 1 − 0.125 = 0.875), grade 3 (n = 0.875) → 87.5, coverage 1.
  // Entity 1: fee 400 (n = 0.125), grade undisclosed → 12.5 on 3 of the 4 weight.
  // Entity 2: fee 250, between 200 and 300 (n = 1 − 0.5), grade 0 (n = 0.125)
  //           → 100 × (3 × 0.5 + 1 × 0.125) / 4 = 40.625.
  auto scores = score(weights, spreads, {{100, 400, 250}, {3, kMissing, 0}});
  ASSERT_EQ(scores.size(), 3u);

  EXPECT_DOUBLE_EQ(*scores[0].score, 87.5);
  EXPECT_DOUBLE_EQ(scores[0].coverage, 1.0);
  ASSERT_EQ(scores[0].contributions.size(), 2u);
  EXPECT_EQ(scores[0].contributions[0].code, "fee");
  EXPECT_EQ(scores[0].contributions[0].weight, 3);
  EXPECT_DOUBLE_EQ(*scores[0].contributions[0].normalised, 0.875);
  EXPECT_DOUBLE_EQ(scores[0].contributions[0].points, 65.625);  // 100 × 3 × 0.875 / 4
  EXPECT_EQ(scores[0].contributions[1].code, "naac");
  EXPECT_DOUBLE_EQ(scores[0].contributions[1].points, 21.875);  // 100 × 1 × 0.875 / 4

  EXPECT_DOUBLE_EQ(*scores[1].score, 12.5);
  EXPECT_DOUBLE_EQ(scores[1].coverage, 0.75);
  EXPECT_DOUBLE_EQ(scores[1].contributions[0].points, 12.5);  // 100 × 3 × 0.125 / 3
  EXPECT_FALSE(scores[1].contributions[1].normalised.has_value());
  EXPECT_EQ(scores[1].contributions[1].points, 0);

  EXPECT_DOUBLE_EQ(*scores[2].score, 40.625);
  EXPECT_DOUBLE_EQ(scores[2].contributions[0].points, 37.5);
  EXPECT_DOUBLE_EQ(scores[2].contributions[1].points, 3.125);
}

TEST_F(Scores, LeavesTheScoreNullWhenNothingWeightedIsDisclosed) {
  std::vector<Weight> weights{{&fee, 3}, {&naac, 1}};
  std::vector<const Distribution*> spreads{&fees, &grades};
  auto scores = score(weights, spreads, {{kMissing, 100}, {kMissing, kMissing}});
  EXPECT_FALSE(scores[0].score.has_value());
  EXPECT_EQ(scores[0].coverage, 0);
  ASSERT_EQ(scores[0].contributions.size(), 2u);
  for (const auto& c : scores[0].contributions) {
    EXPECT_FALSE(c.normalised.has_value());
    EXPECT_EQ(c.points, 0);
  }
  EXPECT_DOUBLE_EQ(*scores[1].score, 87.5);
  EXPECT_DOUBLE_EQ(scores[1].coverage, 0.75);
}

TEST_F(Scores, NeverTreatsMissingAsZero) {
  // A cheap entity that hides its grade must not be dragged down by a zero grade.
  std::vector<Weight> weights{{&fee, 1}, {&naac, 1}};
  std::vector<const Distribution*> spreads{&fees, &grades};
  auto scores = score(weights, spreads, {{100, 100}, {kMissing, 0}});
  EXPECT_DOUBLE_EQ(*scores[0].score, 87.5);  // fee alone
  EXPECT_DOUBLE_EQ(*scores[1].score, 50.0);  // (0.875 + 0.125) / 2
}

TEST_F(Scores, ScoresBooleansAsZeroOrOne) {
  std::vector<Weight> weights{{&emi, 2}, {&naac, 2}};
  std::vector<const Distribution*> spreads{&flags, &grades};
  auto scores = score(weights, spreads, {{1, 0}, {1, 1}});
  EXPECT_DOUBLE_EQ(*scores[0].score, 68.75);  // 100 × (2 × 1 + 2 × 0.375) / 4
  EXPECT_DOUBLE_EQ(*scores[1].score, 18.75);  // 100 × (2 × 0 + 2 × 0.375) / 4
}

TEST_F(Scores, PointsAddUpToTheScore) {
  std::vector<Weight> weights{{&fee, 5}, {&naac, 2.5}, {&emi, 0.5}};
  std::vector<const Distribution*> spreads{&fees, &grades, &flags};
  auto scores = score(weights, spreads, {{120, 390, kMissing}, {2, kMissing, 1}, {0, 1, 1}});
  for (const auto& s : scores) {
    ASSERT_TRUE(s.score.has_value());
    double points = 0;
    for (const auto& c : s.contributions) points += c.points;
    EXPECT_NEAR(points, *s.score, 1e-9);
    EXPECT_GE(*s.score, 0);
    EXPECT_LE(*s.score, 100);
  }
}

TEST_F(Scores, AScoreDoesNotDependOnTheOthersCompared) {
  Distribution wide({100, 200, 300, 400, 500, 600});
  std::vector<Weight> weights{{&fee, 2}, {&naac, 1}};
  std::vector<const Distribution*> spreads{&wide, &grades};
  auto three = score(weights, spreads, {{100, 300, kMissing}, {1, kMissing, 2}});
  auto four = score(weights, spreads, {{100, 300, kMissing, 600}, {1, kMissing, 2, 3}});
  ASSERT_EQ(four.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(three[i].score, four[i].score) << i;
    EXPECT_EQ(three[i].coverage, four[i].coverage) << i;
    for (std::size_t c = 0; c < weights.size(); ++c) {
      EXPECT_EQ(three[i].contributions[c].points, four[i].contributions[c].points) << i;
    }
  }
}

TEST_F(Scores, ScoresNoEntitiesToNothing) {
  std::vector<Weight> weights{{&fee, 1}};
  std::vector<const Distribution*> spreads{&fees};
  EXPECT_TRUE(score(weights, spreads, {{}}).empty());
}

TEST_F(Scores, RefusesInputsOfDifferentShapes) {
  std::vector<Weight> weights{{&fee, 1}, {&naac, 1}};
  std::vector<const Distribution*> spreads{&fees, &grades};
  std::vector<const Distribution*> one_spread{&fees};
  EXPECT_THROW(score(weights, one_spread, {{1}, {1}}), Error);
  EXPECT_THROW(score(weights, spreads, {{1}}), Error);
  EXPECT_THROW(score(weights, spreads, {{1, 2}, {1}}), Error);
}

}  // namespace
}  // namespace disha::compare
