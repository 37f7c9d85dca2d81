#include "features/finder/matching.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace disha::finder {
namespace {

// Expected r values computed independently with Python's statistics.correlation.
TEST(Pearson, MatchesIndependentlyComputedValues) {
  EXPECT_NEAR(*pearson({1, 2, 3, 4, 5, 6}, {2, 1, 4, 3, 7, 5}), 0.7917946548886297, 1e-12);
  EXPECT_NEAR(*pearson({12, 34, 8, 10, 12, 30}, {3.93, 5.86, 2.26, 1.88, 1.87, 5.46}),
              0.9200612478398655, 1e-12);
  EXPECT_NEAR(*pearson({10, 20, 30, 0, 5, 15}, {1.5, 2.5, 6.0, 3.25, 4.0, 1.0}),
              0.37315279709432986, 1e-12);
  // Two different single-area profiles: -1/(n-1).
  EXPECT_NEAR(*pearson({40, 0, 0, 0, 0, 0}, {1, 7, 1, 1, 1, 1}), -0.2, 1e-12);
}

TEST(Pearson, IsOneForTheSameShapeAtAnyScaleAndMinusOneForTheMirror) {
  EXPECT_DOUBLE_EQ(*pearson({40, 30, 0, 0, 0, 10}, {6, 4.75, 1, 1, 1, 2.25}), 1.0);
  EXPECT_DOUBLE_EQ(*pearson({1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1}), -1.0);
  const double r = *pearson({3, 9, 2, 7, 1, 4}, {2.5, 1.25, 6, 3, 4.5, 1});
  EXPECT_NEAR(*pearson({3, 9, 2, 7, 1, 4}, {12.5, 6.25, 30, 15, 22.5, 5}), r, 1e-12);
}

TEST(Pearson, IsUndefinedWhenEitherProfileIsFlat) {
  EXPECT_EQ(pearson({20, 20, 20, 20, 20, 20}, {1, 2, 3, 4, 5, 6}), std::nullopt);
  EXPECT_EQ(pearson({1, 2, 3, 4, 5, 6}, {4, 4, 4, 4, 4, 4}), std::nullopt);
  // Six times 2.3 summed in floating point is not exactly 13.8, so a mean-based test for
  // flatness would see tiny deviations and divide by almost zero.
  EXPECT_EQ(pearson({1, 2, 3, 4, 5, 6}, {2.3, 2.3, 2.3, 2.3, 2.3, 2.3}), std::nullopt);
}

TEST(FitBand, ThresholdsAreInclusiveAtTheReportedPrecision) {
  EXPECT_EQ(fit_band(1000), FitBand::best);
  EXPECT_EQ(fit_band(800), FitBand::best);
  EXPECT_EQ(fit_band(799), FitBand::great);
  EXPECT_EQ(fit_band(600), FitBand::great);
  EXPECT_EQ(fit_band(599), FitBand::good);
  EXPECT_EQ(fit_band(400), FitBand::good);
  EXPECT_EQ(fit_band(399), std::nullopt);
  EXPECT_EQ(fit_band(-1000), std::nullopt);
}

TEST(FitBand, RIsRoundedToThousandthsBeforeBanding) {
  EXPECT_EQ(round_to_milli(0.79951), 800);
  EXPECT_EQ(round_to_milli(0.79949), 799);
  EXPECT_EQ(round_to_milli(1.0), 1000);
  EXPECT_EQ(round_to_milli(-0.2), -200);
  EXPECT_EQ(fit_band(round_to_milli(0.79951)), FitBand::best);
}

// Learner scores (40, 30, 0, 0, 0, 10); the r of each occupation with them is in its comment
// (Python, statistics.correlation).
constexpr std::string_view fixture_occupations =
    "onet_soc_code\ttitle\tjob_zone\tR\tI\tA\tS\tE\tC\n"
    "11-0001.00\tBeta Makers\t2\t6.00\t4.75\t1.00\t1.00\t1.00\t2.25\n"      // 1.0
    "11-0002.00\tAlpha Makers\t3\t6.00\t4.75\t1.00\t1.00\t1.00\t2.25\n"     // 1.0
    "11-0003.00\tAlpha Makers\t2\t6.00\t4.75\t1.00\t1.00\t1.00\t2.25\n"     // 1.0
    "11-0004.00\tFlat Workers\t2\t2.30\t2.30\t2.30\t2.30\t2.30\t2.30\n"     // undefined
    "11-0005.00\tOpposite Makers\t2\t1.00\t1.00\t6.00\t6.00\t6.00\t5.00\n"  // -0.981
    "11-0006.00\tFixers\t4\t5.00\t3.00\t2.00\t3.00\t2.00\t4.00\n"           // 0.749
    "11-0007.00\tGuides\t2\t4.00\t3.00\t3.00\t4.00\t2.00\t3.00\n"           // 0.405
    "11-0008.00\tHelpers\t2\t3.00\t4.00\t2.00\t5.00\t1.00\t2.00\n"          // 0.259
    "11-0009.00\tTinkerers\t4\t5.00\t4.00\t1.00\t2.00\t2.00\t4.00\n";       // 0.885

constexpr std::string_view fixture_careers =
    "slug\tname\tonet_soc_code\treason\n"
    "zeta-maker\tZeta Maker\t11-0001.00\tSame work.\n"
    "alpha-maker\tAlpha Maker\t11-0001.00\tSame work.\n"
    "fixer\tFixer\t11-0006.00\tSame work.\n"
    "helper\tHelper\t11-0008.00\tSame work.\n";

constexpr AreaScores learner = {40, 30, 0, 0, 0, 10};

const Matcher& fixture_matcher() {
  static const Matcher matcher(parse_occupations(fixture_occupations),
                               parse_career_mappings(fixture_careers));
  return matcher;
}

std::vector<std::string> ranked(const Ranking& ranking) {
  std::vector<std::string> names;
  for (const Match& match : ranking.matches) {
    names.push_back(std::string(match.title()) + " " + match.occupation->code);
  }
  return names;
}

TEST(Matcher, RanksByRThenTitleThenCodeAndSkipsFlatAndPoorFits) {
  const Matcher& matcher = fixture_matcher();
  const Ranking ranking = matcher.rank(learner, {.scope = Scope::onet});
  EXPECT_TRUE(ranking.clear_pattern);
  EXPECT_EQ(ranking.considered, 8u);  // nine occupations, the flat one skipped
  EXPECT_EQ(ranking.matched, 6u);     // Opposite Makers and Helpers fit below 0.4
  EXPECT_EQ(ranked(ranking),
            (std::vector<std::string>{"Alpha Makers 11-0002.00", "Alpha Makers 11-0003.00",
                                      "Beta Makers 11-0001.00", "Tinkerers 11-0009.00",
                                      "Fixers 11-0006.00", "Guides 11-0007.00"}));
  EXPECT_DOUBLE_EQ(ranking.matches[3].r, 0.885);
  EXPECT_EQ(ranking.matches[3].band, FitBand::best);
  EXPECT_DOUBLE_EQ(ranking.matches[4].r, 0.749);
  EXPECT_EQ(ranking.matches[4].band, FitBand::great);
  EXPECT_DOUBLE_EQ(ranking.matches[5].r, 0.405);
  EXPECT_EQ(ranking.matches[5].band, FitBand::good);
  EXPECT_EQ(ranking.matches[0].career, nullptr);
  EXPECT_TRUE(ranking.message.empty());
}

TEST(Matcher, RankingTheSameInputTwiceGivesTheSameOrder) {
  const Matcher& matcher = fixture_matcher();
  EXPECT_EQ(ranked(matcher.rank(learner, {.scope = Scope::onet})),
            ranked(matcher.rank(learner, {.scope = Scope::onet})));
}

TEST(Matcher, JobZoneFilterKeepsOnlyOccupationsInThatZone) {
  const Matcher& matcher = fixture_matcher();
  const Ranking zone_two = matcher.rank(learner, {.scope = Scope::onet, .job_zone = 2});
  EXPECT_EQ(zone_two.considered, 5u);
  EXPECT_EQ(ranked(zone_two),
            (std::vector<std::string>{"Alpha Makers 11-0003.00", "Beta Makers 11-0001.00",
                                      "Guides 11-0007.00"}));
  const Ranking zone_four = matcher.rank(learner, {.scope = Scope::onet, .job_zone = 4});
  EXPECT_EQ(ranked(zone_four),
            (std::vector<std::string>{"Tinkerers 11-0009.00", "Fixers 11-0006.00"}));
  for (const Match& match : zone_four.matches) EXPECT_EQ(match.occupation->job_zone, 4);
}

TEST(Matcher, ExplainsAnEmptyJobZone) {
  const Ranking ranking = fixture_matcher().rank(learner, {.scope = Scope::onet, .job_zone = 5});
  EXPECT_EQ(ranking.considered, 0u);
  EXPECT_TRUE(ranking.matches.empty());
  EXPECT_NE(ranking.message.find("no O*NET occupations in Job Zone 5"), std::string::npos)
      << ranking.message;
}

TEST(Matcher, LimitCapsTheMatchesButMatchedCountsThemAll) {
  const Ranking ranking = fixture_matcher().rank(learner, {.scope = Scope::onet, .limit = 2});
  EXPECT_EQ(ranking.matches.size(), 2u);
  EXPECT_EQ(ranking.matched, 6u);
  EXPECT_EQ(ranked(ranking),
            (std::vector<std::string>{"Alpha Makers 11-0002.00", "Alpha Makers 11-0003.00"}));
}

TEST(Matcher, CareersScopeRanksCareersThroughTheirOccupationsTiesByName) {
  const Ranking ranking = fixture_matcher().rank(learner, {.scope = Scope::careers});
  EXPECT_EQ(ranking.considered, 4u);
  EXPECT_EQ(ranking.matched, 3u);
  EXPECT_EQ(ranked(ranking),
            (std::vector<std::string>{"Alpha Maker 11-0001.00", "Zeta Maker 11-0001.00",
                                      "Fixer 11-0006.00"}));
  ASSERT_NE(ranking.matches[0].career, nullptr);
  EXPECT_EQ(ranking.matches[0].career->slug, "alpha-maker");
  EXPECT_EQ(ranking.matches[0].occupation->title, "Beta Makers");
}

TEST(Matcher, ExplainsNoCareerFitWithWhatToTry) {
  // The makers' mirror image: every fixture career correlates negatively with it.
  const Ranking ranking = fixture_matcher().rank({0, 0, 40, 40, 40, 30}, {});
  EXPECT_TRUE(ranking.clear_pattern);
  EXPECT_EQ(ranking.considered, 4u);
  EXPECT_TRUE(ranking.matches.empty());
  EXPECT_NE(ranking.message.find("None of the 4 Disha careers fits"), std::string::npos)
      << ranking.message;
  EXPECT_NE(ranking.message.find("scope \"onet\""), std::string::npos) << ranking.message;
}

TEST(Matcher, FlatScoresGiveNoRankingAndSayWhy) {
  const Matcher& matcher = fixture_matcher();
  for (Scope scope : {Scope::careers, Scope::onet}) {
    const Ranking ranking = matcher.rank({20, 20, 20, 20, 20, 20}, {.scope = scope});
    EXPECT_FALSE(ranking.clear_pattern);
    EXPECT_TRUE(ranking.matches.empty());
    EXPECT_EQ(ranking.considered, 0u);
    EXPECT_NE(ranking.message.find("no clear pattern"), std::string::npos) << ranking.message;
    EXPECT_NE(ranking.message.find("undefined"), std::string::npos) << ranking.message;
  }
  const Ranking all_zero = matcher.rank({0, 0, 0, 0, 0, 0}, {});
  EXPECT_FALSE(all_zero.clear_pattern);
}

TEST(Matcher, NearlyFlatScoresBelowTheMinimumSpreadAreNotRanked) {
  const Matcher& matcher = fixture_matcher();
  const Ranking three_apart = matcher.rank({20, 23, 20, 20, 20, 20}, {.scope = Scope::onet});
  EXPECT_FALSE(three_apart.clear_pattern);
  EXPECT_TRUE(three_apart.matches.empty());
  EXPECT_NE(three_apart.message.find("within 3 points"), std::string::npos) << three_apart.message;
  const Ranking four_apart = matcher.rank({20, 24, 20, 20, 20, 20}, {.scope = Scope::onet});
  EXPECT_TRUE(four_apart.clear_pattern);
  EXPECT_FALSE(four_apart.matches.empty());
}

TEST(Matcher, ExplanationPutsBothProfilesSideBySideWithTheAreasThatDroveIt) {
  const Ranking ranking = fixture_matcher().rank(learner, {.scope = Scope::onet});
  const Match& tinkerers = ranking.matches[3];
  ASSERT_EQ(tinkerers.occupation->title, "Tinkerers");
  const Explanation& why = tinkerers.explanation;
  for (Area area : all_areas) {
    EXPECT_EQ(why.areas[index(area)].area, area);
    EXPECT_EQ(why.areas[index(area)].learner_score, learner[index(area)]);
    EXPECT_EQ(why.areas[index(area)].occupation_level, tinkerers.occupation->levels[index(area)]);
  }
  const double r = std::accumulate(
      why.areas.begin(), why.areas.end(), 0.0,
      [](double sum, const AreaComparison& comparison) { return sum + comparison.contribution; });
  EXPECT_NEAR(r, 0.8846517369293828, 1e-12);
  // Deviations from each profile's own mean: learner +26.7 +16.7 -13.3 -13.3 -13.3 -3.3,
  // Tinkerers +2 +1 -2 -1 -1 +1.
  EXPECT_EQ(letters(why.shared_high), "RI");
  EXPECT_EQ(letters(why.shared_low), "ASE");  // S and E contribute equally: R..C order
  EXPECT_EQ(letters(why.opposed), "C");
  EXPECT_EQ(why.summary,
            "Tinkerers fits your interests with r = 0.885: a best fit. Both profiles are above "
            "their own average in Realistic and Investigative and below it in Artistic, Social "
            "and Enterprising. Against the match: Conventional is below your average but above "
            "the occupation's.");
}

void expect_rejected(const MatchQuery& query, const std::string& field) {
  try {
    fixture_matcher().rank(learner, query);
    FAIL() << "accepted; expected an error on " << field;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unprocessable);
    EXPECT_EQ(error.field(), field);
  }
}

TEST(Matcher, RejectsJobZoneAndLimitOutOfRange) {
  expect_rejected({.job_zone = 0}, "job_zone");
  expect_rejected({.job_zone = 6}, "job_zone");
  expect_rejected({.limit = 0}, "limit");
  expect_rejected({.limit = max_limit + 1}, "limit");
}

void expect_bad_mapping(std::string_view careers, const std::string& fragment) {
  try {
    const Matcher matcher(parse_occupations(fixture_occupations), parse_career_mappings(careers));
    FAIL() << "accepted " << matcher.careers().size() << " careers; expected: " << fragment;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::internal);
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
  }
}

TEST(Matcher, RejectsCareersMappedToUnknownOrFlatOccupations) {
  expect_bad_mapping("slug\tname\tonet_soc_code\treason\nx\tX\t11-0099.00\tWhy.\n",
                     "x maps to 11-0099.00, which has no interest data");
  expect_bad_mapping("slug\tname\tonet_soc_code\treason\nx\tX\t11-0004.00\tWhy.\n",
                     "whose interest profile is flat");
}

TEST(Matcher, FindsOccupationsByCode) {
  const Matcher& matcher = fixture_matcher();
  ASSERT_NE(matcher.find("11-0006.00"), nullptr);
  EXPECT_EQ(matcher.find("11-0006.00")->title, "Fixers");
  EXPECT_EQ(matcher.find("11-0010.00"), nullptr);
  EXPECT_EQ(matcher.find(""), nullptr);
}

}  // namespace
}  // namespace disha::finder
