// The built-in seed parsed from the shipped files: every article fact and the NIRF derivation
// rules of data/seed/SOURCES.md (duplicates dropped, best rank kept, zeros not disclosed).
#include "features/catalog/seed.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace disha::catalog {
namespace {

std::string shipped(const std::string& path) {
  std::ifstream in(std::string(DISHA_SOURCE_DIR) + "/" + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class ShippedSeed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static const std::string factors = shipped("data/seed/factors.tsv");
    static const std::string article = shipped("data/seed/article-facts.json");
    static const std::string codes = shipped("data/finder/careers.tsv");
    static const std::string nirf = shipped("data/seed/nirf_2025_top_institutes_placement.csv");
    seed = std::make_unique<CatalogData>(parse_seed({factors, article, codes, nirf}));
  }
  static const University& university(std::string_view name) {
    auto found = std::find_if(seed->universities.begin(), seed->universities.end(),
                              [&](const University& u) { return u.name == name; });
    EXPECT_NE(found, seed->universities.end()) << name;
    return *found;
  }
  static const FactorValue* value(const std::vector<FactorValue>& values, std::string_view code) {
    for (const auto& v : values) {
      if (v.factor_code == code) return &v;
    }
    return nullptr;
  }
  static inline std::unique_ptr<CatalogData> seed;
};

TEST_F(ShippedSeed, HasThirtyOrMoreFactorsWithUniqueCodes) {
  EXPECT_GE(seed->factors.size(), 30u);
  std::set<std::string> codes;
  for (const auto& f : seed->factors) EXPECT_TRUE(codes.insert(f.code).second) << f.code;
  for (const char* required : {"ugc_deb",
                               "ugc",
                               "aicte",
                               "naac",
                               "naac_cgpa",
                               "nirf_rank",
                               "nirf_score",
                               "nirf_category",
                               "nirf_year",
                               "years_established",
                               "no_admission_list",
                               "institution_type",
                               "fee",
                               "fee_per_semester",
                               "emi",
                               "emi_from",
                               "scholarship",
                               "subsidy",
                               "duration",
                               "mode",
                               "exam_mode",
                               "live_classes",
                               "recorded_lectures",
                               "specialisations",
                               "credit_transfer",
                               "industry_certification",
                               "placement_assistance",
                               "placement",
                               "median_salary",
                               "graduating_on_time",
                               "alumni_network",
                               "student_rating",
                               "dedicated_mentor"}) {
    EXPECT_TRUE(codes.contains(required)) << required;
  }
}

TEST_F(ShippedSeed, KeepsEveryArticleFact) {
  ASSERT_EQ(seed->careers.size(), 10u);
  const auto& backend = seed->careers[0];
  EXPECT_EQ(backend.slug, "backend-developer");
  ASSERT_EQ(backend.salary_bands.size(), 4u);
  EXPECT_EQ(backend.salary_bands[1].band, "Early Career");
  EXPECT_EQ(backend.salary_bands[1].salary_inr, 603000);
  EXPECT_EQ(backend.salary_bands[2].years_min, 5);
  EXPECT_EQ(backend.next_career_slugs.size(), 9u);
  EXPECT_EQ(backend.skill_slugs.size(), 10u);
  EXPECT_EQ(backend.recruiter_slugs.size(), 10u);
  EXPECT_EQ(backend.onet_soc_code, "15-1252.00");
  auto dba = std::find_if(seed->careers.begin(), seed->careers.end(),
                          [](const Career& c) { return c.slug == "database-administrator"; });
  ASSERT_EQ(dba->salary_bands.size(), 1u);
  EXPECT_EQ(dba->salary_bands[0].salary_inr, 765000);  // 7.65 LPA
  ASSERT_EQ(seed->courses.size(), 12u);
  EXPECT_EQ(seed->courses[1].fee_min_inr, 600000);
  EXPECT_EQ(seed->courses[1].fee_max_inr, 1000000);
  EXPECT_EQ(seed->skills.size(), 10u);
  EXPECT_EQ(seed->recruiters.size(), 10u);
}

TEST_F(ShippedSeed, DerivesOneUniversityPerInstituteAndOneProgrammePerDistinctRow) {
  // 377 names: some spelt two ways at one place ("Indian Institute of Technology- Jodhpur"),
  // some put on several institutions in different cities. Keyed by name and place, no row of
  // the 987 repeats another.
  EXPECT_EQ(seed->universities.size(), 386u);
  EXPECT_EQ(seed->programmes.size(), 987u);
  std::set<std::string> slugs;
  for (const auto& u : seed->universities) EXPECT_TRUE(slugs.insert(u.slug).second) << u.slug;
  for (const auto& p : seed->programmes) EXPECT_TRUE(slugs.insert(p.slug).second) << p.slug;
}

TEST_F(ShippedSeed, KeepsInstitutionsThatShareANameApartByPlace) {
  std::vector<std::string> places;
  for (const auto& u : seed->universities) {
    if (u.name == "Government Dental College") places.push_back(u.slug + " " + *u.city);
  }
  EXPECT_EQ(places, (std::vector<std::string>{"government-dental-college Thiruvananthapuram",
                                              "government-dental-college-ahmedabad Ahmedabad",
                                              "government-dental-college-kozhikode Kozhikode"}));
}

TEST_F(ShippedSeed, KeepsTheBestRankWithItsCategoryAndSource) {
  const auto& iari = university("Indian Agricultural Research Institute");
  const auto* rank = value(iari.values, "nirf_rank");
  ASSERT_NE(rank, nullptr);
  EXPECT_EQ(*rank->number, 1);
  EXPECT_EQ(rank->qualifier, "Agriculture and Allied Sectors");
  EXPECT_EQ(rank->source_url, "https://www.nirfindia.org/Rankings/2025/AgricultureRanking.html");
  EXPECT_EQ(*value(iari.values, "nirf_score")->number, 89.23);
  EXPECT_EQ(value(iari.values, "nirf_category")->text, "Agriculture and Allied Sectors");
  EXPECT_EQ(iari.state, "Delhi");
  EXPECT_EQ(iari.city, "New Delhi");
}

TEST_F(ShippedSeed, TreatsZerosAsNotDisclosedAndComputesPlacementRates) {
  auto programme = [&](std::string_view slug) -> const Programme& {
    auto found = std::find_if(seed->programmes.begin(), seed->programmes.end(),
                              [&](const Programme& p) { return p.slug == slug; });
    EXPECT_NE(found, seed->programmes.end()) << slug;
    return *found;
  };
  // IARI's PG row: 236 graduating, 27 placed, median ₹696,000; its UG row is all zeros.
  const auto& pg =
      programme("indian-agricultural-research-institute-agriculture-and-allied-sectors-pg-2y");
  EXPECT_EQ(pg.duration_months, 24);
  EXPECT_EQ(pg.level, "PG");
  EXPECT_EQ(*value(pg.values, "placement")->number, 11.4);  // 27 / 236 = 11.44 %
  EXPECT_EQ(*value(pg.values, "median_salary")->number, 696000);
  EXPECT_EQ(value(pg.values, "median_salary")->qualifier, "2023-24");
  const auto& ug =
      programme("indian-agricultural-research-institute-agriculture-and-allied-sectors-ug-4y");
  EXPECT_TRUE(ug.values.empty());
}

TEST(SeedParsing, NamesTheFileAndLineOfAMalformedTable) {
  try {
    parse_factors("code\tlabel\nonly-one-field\n");
    FAIL();
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("line 2"), std::string::npos) << error.what();
  }
  EXPECT_THROW(
      parse_factors(
          "code\tlabel\tgroup\ttype\tunit\tdirection\tscope\tlevels\tderived_from\tdescription\n"
          "x\tX\tnowhere\tnumber\t\tnone\tuniversity\t\t\t\n"),
      Error);
}

}  // namespace
}  // namespace disha::catalog
