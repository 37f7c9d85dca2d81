// CSV import planning: column mapping, typed factor columns with provenance, references, and a
// report naming line, column and reason for every bad row; validation shared with the admin API.
#include "features/catalog/import.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "features/catalog/generate.hpp"

namespace disha::catalog {
namespace {

class ImportPlanning : public ::testing::Test {
 protected:
  ImportPlanning() {
    naac.code = "naac";
    naac.type = ValueType::grade;
    naac.scope = EntityKind::university;
    naac.levels = {"B", "A", "A+"};
    placement.code = "placement";
    placement.type = ValueType::number;
    placement.scope = EntityKind::programme;
    emi.code = "emi";
    emi.type = ValueType::boolean;
    emi.scope = EntityKind::programme;
    fee.code = "fee";
    fee.scope = EntityKind::programme;
    fee.derived_from = "fee_total_inr";
    references.university_exists = [](std::string_view slug) { return slug == "known-u"; };
    references.career_exists = [](std::string_view slug) { return slug == "data-engineer"; };
    references.course_exists = [](std::string_view) { return true; };
  }
  FactorLookup lookup() {
    return [this](std::string_view code) -> const FactorDefinition* {
      for (const auto* f : {&naac, &placement, &emi, &fee}) {
        if (f->code == code) return f;
      }
      return nullptr;
    };
  }
  ImportPlan plan(std::string_view csv, ImportKind kind,
                  std::map<std::string, std::string> map = {}) {
    return plan_import(csv, kind, map, lookup(), references);
  }

  FactorDefinition naac, placement, emi, fee;
  ImportReferences references;
};

TEST_F(ImportPlanning, MapsColumnsAndReadsFactorValuesWithProvenance) {
  auto result = plan(
      "Institute,Region,naac,naac_source_url,naac_verified_on\n"
      "Kerala Open University,Kerala,A+,https://naac.gov.in/x,2026-01-02\n",
      ImportKind::universities, {{"Institute", "name"}, {"Region", "state"}});
  ASSERT_TRUE(result.issues.empty()) << result.issues[0].reason;
  ASSERT_EQ(result.universities.size(), 1u);
  const auto& u = result.universities[0];
  EXPECT_EQ(u.slug, "kerala-open-university");
  EXPECT_EQ(u.state, "Kerala");
  ASSERT_EQ(u.values.size(), 1u);
  EXPECT_EQ(u.values[0].text, "A+");
  EXPECT_EQ(u.values[0].source_url, "https://naac.gov.in/x");
  EXPECT_EQ(u.values[0].verified_on, "2026-01-02");
}

TEST_F(ImportPlanning, ReportsEveryBadRowWithLineColumnAndReason) {
  auto result = plan(
      "university,name,level,mode,fee_total_inr,placement,emi,careers\n"
      "known-u,MCA,PG,online,150000,80,yes,data-engineer\n"
      "known-u,BCA,UG,online,lots,,,\n"
      "unknown-u,BCA,UG,online,1,,,\n"
      "known-u,MBA,PG,teleport,1,,,\n"
      "known-u,MSc,PG,online,1,,maybe,\n"
      "known-u,BSc,UG,online,1,,,astronaut\n"
      "known-u,MCA,PG,online,1,,,\n",
      ImportKind::programmes);
  ASSERT_EQ(result.rows, 7u);
  ASSERT_EQ(result.programmes.size(), 1u);
  EXPECT_EQ(result.programmes[0].slug, "known-u-mca");
  EXPECT_EQ(*result.programmes[0].values[0].number, 1);  // emi: yes
  std::vector<std::pair<std::size_t, std::string>> where;
  for (const auto& issue : result.issues) where.emplace_back(issue.line, issue.column);
  EXPECT_EQ(where, (std::vector<std::pair<std::size_t, std::string>>{{3, "fee_total_inr"},
                                                                     {4, "university"},
                                                                     {5, "mode"},
                                                                     {6, "emi"},
                                                                     {7, "careers"},
                                                                     {8, "slug"}}));
}

TEST_F(ImportPlanning, RefusesUnknownAndDerivedColumnsUpFront) {
  EXPECT_THROW(plan("name,colour\nX,red\n", ImportKind::universities), Error);
  EXPECT_THROW(plan("name,placement\nX,5\n", ImportKind::universities), Error);  // wrong scope
  auto derived =
      plan("university,name,level,mode,fee\nknown-u,X,UG,online,5\n", ImportKind::programmes);
  ASSERT_EQ(derived.issues.size(), 1u);
  EXPECT_EQ(derived.issues[0].column, "fee");
}

TEST_F(ImportPlanning, CountsMultiLineRecordsByTheirFirstLine) {
  auto result = plan("name,state\n\"Two\nLines\",Goa\n,Goa\n", ImportKind::universities);
  ASSERT_EQ(result.issues.size(), 2u);
  EXPECT_EQ(result.issues[0].line, 2u);  // a name may not hold a line break
  EXPECT_EQ(result.issues[1].line, 4u);
  EXPECT_EQ(result.issues[1].column, "name");
}

TEST(ColumnMapping, ParsesPairsAndRefusesMalformedOnes) {
  EXPECT_EQ(parse_column_mapping("A=name,B=state"),
            (std::map<std::string, std::string>{{"A", "name"}, {"B", "state"}}));
  for (const char* bad : {"A", "=name", "A=", "A=name,,"}) {
    EXPECT_THROW(parse_column_mapping(bad), Error) << bad;
  }
}

TEST(DemoCatalogue, IsDeterministicFlaggedAndValid) {
  std::vector<Course> courses{
      {1, "online-mca", "Online MCA", "PG", "online", 150000, 150000, false},
      {2, "btech", "B.Tech CSE", "UG", "campus", 600000, 1000000, false}};
  std::vector<Career> careers(2);
  careers[0].slug = "data-engineer";
  careers[1].slug = "cloud-engineer";
  GenerateOptions options{50, 3, 9};
  auto first = generate_demo_catalogue(options, courses, careers);
  auto second = generate_demo_catalogue(options, courses, careers);
  ASSERT_EQ(first.universities.size(), 50u);
  ASSERT_EQ(first.programmes.size(), 150u);
  std::set<std::string> slugs;
  for (std::size_t i = 0; i < first.programmes.size(); ++i) {
    EXPECT_EQ(first.programmes[i].slug, second.programmes[i].slug);
    EXPECT_EQ(first.programmes[i].fee_total_inr, second.programmes[i].fee_total_inr);
    EXPECT_TRUE(first.programmes[i].is_demo);
    EXPECT_TRUE(slugs.insert(first.programmes[i].slug).second);
  }
  for (const auto& u : first.universities) {
    EXPECT_TRUE(u.is_demo);
    EXPECT_TRUE(slugs.insert(u.slug).second);
  }
  options.seed = 10;
  auto other = generate_demo_catalogue(options, courses, careers);
  std::vector<std::string> names, other_names;
  for (const auto& u : first.universities) names.push_back(u.name);
  for (const auto& u : other.universities) other_names.push_back(u.name);
  EXPECT_NE(names, other_names);
  EXPECT_THROW(generate_demo_catalogue({0, 1, 1}, courses, careers), Error);
}

}  // namespace
}  // namespace disha::catalog
