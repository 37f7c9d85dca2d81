// The worked example of docs/finder.md. Its numbers were computed independently in Python
// (statistics.correlation over the shipped tables), not by this code; the document quotes them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "features/finder/finder.hpp"
#include "shipped_tables.hpp"

namespace disha::finder {
namespace {

using testing::shipped_finder;

// Asha's answers to the long form, in item order (R01 R02 I01 I02 A01 A02 S01 … C10).
const std::vector<int> long_answers = {3, 2, 5, 4, 2, 1, 3, 2, 2, 3, 4, 5, 1, 3, 5, 4, 2, 1, 2, 1,
                                       1, 2, 4, 4, 2, 2, 5, 4, 2, 2, 2, 3, 3, 3, 3, 4, 1, 3, 5, 4,
                                       2, 1, 2, 1, 1, 2, 4, 5, 2, 3, 4, 4, 2, 3, 2, 2, 2, 3, 4, 3};
// Her answers to the short form's items, the same statements answered the same way.
const std::vector<int> short_answers = {3, 5, 2, 3, 2, 4, 1, 5, 2, 2, 1, 4, 2, 5, 2,
                                        2, 3, 3, 1, 5, 2, 2, 1, 4, 2, 4, 2, 2, 2, 4};

struct Expected {
  std::string name;
  std::string code;
  double r;
  FitBand band;
};

TEST(WorkedExample, LongFormScoresAndHollandCode) {
  const Result result = shipped_finder().evaluate({.answers = long_answers});
  EXPECT_EQ(result.scores, (AreaScores{12, 34, 8, 10, 12, 30}));
  EXPECT_EQ(letters(result.holland_order), "ICRESA");  // R and E tie at 12: R first
}

TEST(WorkedExample, ShortFormScoresAreDoubled) {
  const Result result =
      shipped_finder().evaluate({.form = Form::short_form, .answers = short_answers});
  EXPECT_EQ(result.scores, (AreaScores{8, 38, 10, 12, 8, 28}));
  EXPECT_EQ(letters(result.holland_order), "ICSARE");  // R and E tie at 8: R first
}

TEST(WorkedExample, CareersRankedWithTiesByName) {
  const Result result = shipped_finder().evaluate({.answers = long_answers});
  const std::vector<Expected> expected = {
      {"Full Stack Developer", "15-1254.00", 0.955, FitBand::best},
      {"API Developer", "15-1252.00", 0.920, FitBand::best},
      {"Backend Developer", "15-1252.00", 0.920, FitBand::best},
      {"Mobile Application Developer", "15-1252.00", 0.920, FitBand::best},
      {"Backend Architect", "15-1299.08", 0.906, FitBand::best},
      {"Cloud Engineer", "15-1299.08", 0.906, FitBand::best},
      {"Database Administrator", "15-1242.00", 0.901, FitBand::best},
      {"Data Engineer", "15-1243.01", 0.899, FitBand::best},
      {"DevOps Engineer", "15-1244.00", 0.719, FitBand::great},
      {"Technical Lead", "11-3021.00", 0.697, FitBand::great},
  };
  const auto& matches = result.ranking.matches;
  ASSERT_EQ(matches.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(matches[i].title(), expected[i].name) << i;
    EXPECT_EQ(matches[i].occupation->code, expected[i].code) << i;
    EXPECT_DOUBLE_EQ(matches[i].r, expected[i].r) << i;
    EXPECT_EQ(matches[i].band, expected[i].band) << i;
  }
}

TEST(WorkedExample, BackendDeveloperExplanation) {
  const Result result = shipped_finder().evaluate({.answers = long_answers});
  const Match& backend = result.ranking.matches[2];
  ASSERT_EQ(backend.career->slug, "backend-developer");
  // Python: r = 93.92667 / sqrt(635.33333 × 16.40373) = 0.9200612478398655; per-area shares
  // -0.021463 0.370652 0.121519 0.124915 0.092883 0.231555.
  const std::vector<double> shares = {-0.021463, 0.370652, 0.121519, 0.124915, 0.092883, 0.231555};
  double r = 0;
  for (Area area : all_areas) {
    EXPECT_NEAR(backend.explanation.areas[index(area)].contribution, shares[index(area)], 1e-6);
    r += backend.explanation.areas[index(area)].contribution;
  }
  EXPECT_NEAR(r, 0.9200612478398655, 1e-12);
  EXPECT_EQ(letters(backend.explanation.shared_high), "IC");
  EXPECT_EQ(letters(backend.explanation.shared_low), "SAE");
  EXPECT_EQ(letters(backend.explanation.opposed), "R");
  EXPECT_EQ(backend.explanation.summary,
            "Backend Developer fits your interests with r = 0.920: a best fit. Both profiles are "
            "above their own average in Investigative and Conventional and below it in Social, "
            "Artistic and Enterprising. Against the match: Realistic is below your average but "
            "above the career's.");
}

TEST(WorkedExample, AllOccupationsTopFiveAndAJobZoneFilter) {
  const Result all = shipped_finder().evaluate(
      {.answers = long_answers, .query = {.scope = Scope::onet, .limit = 5}});
  EXPECT_EQ(all.ranking.considered, 923u);
  EXPECT_EQ(all.ranking.matched, 308u);
  const std::vector<Expected> top = {
      {"Statisticians", "15-2041.00", 0.994, FitBand::best},
      {"Social Science Research Assistants", "19-4061.00", 0.988, FitBand::best},
      // Both round to 0.980 (0.9795128 and 0.9795149): the title decides.
      {"Computer Systems Analysts", "15-1211.00", 0.980, FitBand::best},
      {"Database Architects", "15-1243.00", 0.980, FitBand::best},
      {"Operations Research Analysts", "15-2031.00", 0.978, FitBand::best},
  };
  ASSERT_EQ(all.ranking.matches.size(), top.size());
  for (std::size_t i = 0; i < top.size(); ++i) {
    EXPECT_EQ(all.ranking.matches[i].title(), top[i].name) << i;
    EXPECT_EQ(all.ranking.matches[i].occupation->code, top[i].code) << i;
    EXPECT_DOUBLE_EQ(all.ranking.matches[i].r, top[i].r) << i;
  }

  const Result zone_four = shipped_finder().evaluate(
      {.answers = long_answers, .query = {.scope = Scope::onet, .job_zone = 4, .limit = 3}});
  EXPECT_EQ(zone_four.ranking.considered, 224u);
  EXPECT_EQ(zone_four.ranking.matched, 124u);
  std::vector<std::string> titles;
  for (const Match& match : zone_four.ranking.matches) titles.emplace_back(match.title());
  EXPECT_EQ(titles,
            (std::vector<std::string>{"Social Science Research Assistants", "Database Architects",
                                      "Digital Forensics Analysts"}));
}

}  // namespace
}  // namespace disha::finder
