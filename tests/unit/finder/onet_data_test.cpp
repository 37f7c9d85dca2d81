#include "features/finder/onet_data.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "core/error.hpp"
#include "shipped_tables.hpp"

namespace disha::finder {
namespace {

using testing::careers_tsv;
using testing::occupations_tsv;
using testing::read_source_file;

TEST(ShippedOccupations, HoldAllNineHundredTwentyThreeWithLevelsAndJobZonesInRange) {
  const auto occupations = parse_occupations(occupations_tsv());
  ASSERT_EQ(occupations.size(), 923u);
  std::map<int, int> per_zone;
  for (const Occupation& occupation : occupations) {
    EXPECT_TRUE(is_onet_soc_code(occupation.code)) << occupation.code;
    EXPECT_FALSE(occupation.title.empty());
    ++per_zone[occupation.job_zone];
    for (double level : occupation.levels) {
      EXPECT_GE(level, 1.0) << occupation.code;
      EXPECT_LE(level, 7.0) << occupation.code;
    }
  }
  // The counts scripts/derive-onet reports in data/onet/README.md.
  EXPECT_EQ(per_zone, (std::map<int, int>{{1, 31}, {2, 295}, {3, 219}, {4, 224}, {5, 154}}));
}

TEST(ShippedOccupations, CarryTheSourceValues) {
  const Matcher matcher(parse_occupations(occupations_tsv()), {});
  // As in ../shared/data/onet/tsv/Interests.tsv and Job Zones.tsv.
  const Occupation* developers = matcher.find("15-1252.00");
  ASSERT_NE(developers, nullptr);
  EXPECT_EQ(developers->title, "Software Developers");
  EXPECT_EQ(developers->job_zone, 4);
  EXPECT_EQ(developers->levels, (PerArea<double>{3.93, 5.86, 2.26, 1.88, 1.87, 5.46}));
  const Occupation* chiefs = matcher.find("11-1011.00");
  ASSERT_NE(chiefs, nullptr);
  EXPECT_EQ(chiefs->title, "Chief Executives");
  EXPECT_EQ(chiefs->job_zone, 5);
  EXPECT_EQ(chiefs->levels, (PerArea<double>{1.30, 3.24, 2.08, 3.52, 6.88, 5.00}));
  EXPECT_EQ(matcher.occupations().back().code, "53-7121.00");
}

TEST(ShippedOccupations, ReadmeCarriesTheCreditWordForWord) {
  const std::string readme = read_source_file("data/onet/README.md");
  EXPECT_NE(readme.find(onet_credit), std::string::npos);
  EXPECT_NE(readme.find("**923 occupations**"), std::string::npos);
}

TEST(ShippedCareers, MapEveryCareerOfTheSeedDataToAnOccupation) {
  const auto careers = parse_career_mappings(careers_tsv());
  std::set<std::string> slugs;
  for (const CareerMapping& career : careers) {
    slugs.insert(career.slug);
    EXPECT_FALSE(career.reason.empty()) << career.slug;
  }
  EXPECT_EQ(slugs,
            (std::set<std::string>{"backend-developer", "full-stack-developer", "backend-architect",
                                   "devops-engineer", "mobile-application-developer",
                                   "cloud-engineer", "database-administrator", "api-developer",
                                   "data-engineer", "technical-lead"}));
  // The Matcher checks that every code is an occupation with a usable profile.
  const Matcher matcher(parse_occupations(occupations_tsv()), careers);
  EXPECT_EQ(matcher.find("15-1242.00")->title, "Database Administrators");
}

TEST(JobZones, HaveONetNames) {
  EXPECT_EQ(job_zone_name(1), "Little or no preparation needed");
  EXPECT_EQ(job_zone_name(5), "Extensive preparation needed");
}

TEST(OnetSocCode, HasTheTwoFourTwoDigitShape) {
  EXPECT_TRUE(is_onet_soc_code("15-1252.00"));
  EXPECT_FALSE(is_onet_soc_code("15-1252"));
  EXPECT_FALSE(is_onet_soc_code("15-1252.000"));
  EXPECT_FALSE(is_onet_soc_code("15/1252.00"));
  EXPECT_FALSE(is_onet_soc_code("1a-1252.00"));
}

constexpr std::string_view header = "onet_soc_code\ttitle\tjob_zone\tR\tI\tA\tS\tE\tC\n";
constexpr std::string_view good_row =
    "15-1252.00\tSoftware Developers\t4\t3.93\t5.86\t2.26\t1.88\t1.87\t5.46\n";

void expect_broken_occupations(const std::string& rows, const std::string& fragment) {
  try {
    parse_occupations(std::string(header) + rows);
    FAIL() << "accepted a broken table; expected: " << fragment;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::internal);
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
  }
}

TEST(ParseOccupations, RejectsBrokenRowsNamingLineAndColumn) {
  EXPECT_EQ(parse_occupations(std::string(header) + std::string(good_row)).size(), 1u);
  expect_broken_occupations("15-1252.00\tX\t4\t7.5\t5\t2\t1\t1\t5\n", "line 2: column R: \"7.5\"");
  expect_broken_occupations("15-1252.00\tX\t4\t3\t0.99\t2\t1\t1\t5\n", "column I");
  expect_broken_occupations("15-1252.00\tX\t4\t3\t5\tabc\t1\t1\t5\n", "column A: \"abc\"");
  expect_broken_occupations("15-1252.00\tX\t4\t3\t5\t2\t1\t1\t5e0\n", "column C");
  expect_broken_occupations("15-1252.00\tX\t6\t3\t5\t2\t1\t1\t5\n", "column job_zone");
  expect_broken_occupations("15-1252.00\tX\t4\t3\t5\t2\t1\t1\n", "8 fields instead of 9");
  expect_broken_occupations("15-1252\tX\t4\t3\t5\t2\t1\t1\t5\n", "column onet_soc_code");
  expect_broken_occupations("15-1252.00\t\t4\t3\t5\t2\t1\t1\t5\n", "column title: is empty");
  expect_broken_occupations(std::string(good_row) + std::string(good_row),
                            "line 3: column onet_soc_code: is not in ascending order");
  try {
    parse_occupations("code\ttitle\n");
    FAIL() << "accepted a wrong header";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("line 1: the header"), std::string::npos);
  }
}

TEST(ParseCareerMappings, RejectsDuplicateOrMalformedSlugs) {
  const std::string careers_header = "slug\tname\tonet_soc_code\treason\n";
  const auto expect_broken = [&](const std::string& rows, const std::string& fragment) {
    try {
      parse_career_mappings(careers_header + rows);
      FAIL() << "accepted; expected: " << fragment;
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::internal);
      EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
    }
  };
  expect_broken("a\tA\t15-1252.00\tWhy.\na\tB\t15-1252.00\tWhy.\n",
                "line 3: column slug: appears twice");
  expect_broken("Backend Dev\tA\t15-1252.00\tWhy.\n", "lowercase slug");
  expect_broken("a\tA\t15-1252.00\t\n", "column reason: is empty");
  expect_broken("a\tA\t151252.00\tWhy.\n", "column onet_soc_code");
}

}  // namespace
}  // namespace disha::finder
