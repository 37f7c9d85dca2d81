// The snapshot's query engine on a small hand-made catalogue: filters (ranges, grades, enums,
// inherited university columns), sort with missing values last, keyset pages that neither repeat
// nor skip, cursors bound to their query, disjunctive facets, text search and derived values.
#include "features/catalog/snapshot.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "features/catalog/query.hpp"

namespace disha::catalog {
namespace {

FactorDefinition factor(std::string code, ValueType type, Direction direction, EntityKind scope,
                        std::vector<std::string> levels = {}, std::string derived_from = {}) {
  FactorDefinition f;
  f.code = std::move(code);
  f.label = f.code;
  f.type = type;
  f.direction = direction;
  f.scope = scope;
  f.levels = std::move(levels);
  f.derived_from = std::move(derived_from);
  return f;
}

FactorValue number(std::string code, double value) {
  FactorValue v;
  v.factor_code = std::move(code);
  v.number = value;
  return v;
}
FactorValue text(std::string code, std::string value) {
  FactorValue v;
  v.factor_code = std::move(code);
  v.text = std::move(value);
  return v;
}

// Five universities, two programmes each.
CatalogData sample() {
  using enum EntityKind;
  CatalogData data;
  data.revision = 3;
  data.factors = {
      factor("naac", ValueType::grade, Direction::higher_better, university, {"C", "B", "A", "A+"}),
      factor("nirf_rank", ValueType::number, Direction::lower_better, university),
      factor("ugc", ValueType::boolean, Direction::higher_better, university),
      factor("years_established", ValueType::number, Direction::higher_better, university, {},
             "year_established"),
      factor("fee", ValueType::number, Direction::lower_better, programme, {}, "fee_total_inr"),
      factor("mode", ValueType::enumeration, Direction::none, programme, {"online", "campus"},
             "mode"),
      factor("placement", ValueType::number, Direction::higher_better, programme)};
  const char* names[] = {"Alpha University", "Beta Institute of Technology", "Gamma University",
                         "Delta College", "Epsilon Open University"};
  const char* grades[] = {"A+", "B", "A", "", "C"};
  const double ranks[] = {5, 0, 12, 40, 0};  // 0: not ranked
  const char* states[] = {"Kerala", "Delhi", "Kerala", "Goa", "Delhi"};
  for (int i = 0; i < 5; ++i) {
    University u;
    u.id = 10 + i;
    u.name = names[i];
    u.slug = slugify(u.name);
    u.state = states[i];
    u.year_established = 1950 + 10 * i;
    if (*grades[i]) u.values.push_back(text("naac", grades[i]));
    if (ranks[i] > 0) u.values.push_back(number("nirf_rank", ranks[i]));
    u.values.push_back(number("ugc", i % 2 == 0 ? 1 : 0));
    data.universities.push_back(u);
    for (int j = 0; j < 2; ++j) {
      Programme p;
      p.id = 100 + 2 * i + j;
      p.university_slug = u.slug;
      p.name = j == 0 ? "Online MCA" : "B.Tech Computer Science";
      p.slug = u.slug + (j == 0 ? "-mca" : "-btech");
      p.level = j == 0 ? "PG" : "UG";
      p.mode = j == 0 ? "online" : "campus";
      if (i != 3) p.fee_total_inr = 100000 * (i + 1) + 50000 * j;
      if (j == 0) p.values.push_back(number("placement", 60 + 5 * i));
      data.programmes.push_back(p);
    }
  }
  return data;
}

class SnapshotTest : public ::testing::Test {
 protected:
  SnapshotTest() : snapshot(sample(), 2026) {}

  ListPage list(EntityKind kind, QueryParams params) {
    return snapshot.list(parse_list_query(snapshot, kind, params));
  }
  std::vector<std::string> slugs(EntityKind kind, QueryParams params) {
    std::vector<std::string> result;
    for (auto index : list(kind, std::move(params)).items) {
      result.push_back(kind == EntityKind::university ? snapshot.data().universities[index].slug
                                                      : snapshot.data().programmes[index].slug);
    }
    return result;
  }

  Snapshot snapshot;
};

using Slugs = std::vector<std::string>;

TEST_F(SnapshotTest, ListsByNameByDefault) {
  EXPECT_EQ(slugs(EntityKind::university, {}),
            (Slugs{"alpha-university", "beta-institute-of-technology", "delta-college",
                   "epsilon-open-university", "gamma-university"}));
}

TEST_F(SnapshotTest, GradeFiltersCompareByLevelAndSkipUndisclosedValues) {
  EXPECT_EQ(slugs(EntityKind::university, {{"naac_min", "A"}}),
            (Slugs{"alpha-university", "gamma-university"}));
  EXPECT_EQ(slugs(EntityKind::university, {{"naac_max", "B"}}),
            (Slugs{"beta-institute-of-technology", "epsilon-open-university"}));
  // Delta discloses no grade: it matches neither side.
  EXPECT_EQ(slugs(EntityKind::university, {{"naac", "A+,C"}}),
            (Slugs{"alpha-university", "epsilon-open-university"}));
}

TEST_F(SnapshotTest, SortsWithUndisclosedValuesLastInBothDirections) {
  EXPECT_EQ(slugs(EntityKind::university, {{"sort", "nirf_rank"}}),
            (Slugs{"alpha-university", "gamma-university", "delta-college",
                   "beta-institute-of-technology", "epsilon-open-university"}));
  EXPECT_EQ(slugs(EntityKind::university, {{"sort", "-nirf_rank"}}),
            (Slugs{"delta-college", "gamma-university", "alpha-university",
                   "beta-institute-of-technology", "epsilon-open-university"}));
}

TEST_F(SnapshotTest, ProgrammesFilterOnTheirUniversitysColumns) {
  EXPECT_EQ(slugs(EntityKind::programme, {{"state", "Kerala"}, {"mode", "online"}}),
            (Slugs{"alpha-university-mca", "gamma-university-mca"}));
  EXPECT_EQ(slugs(EntityKind::programme, {{"naac_min", "A+"}, {"sort", "-fee"}}),
            (Slugs{"alpha-university-btech", "alpha-university-mca"}));
}

TEST_F(SnapshotTest, DerivedFactorsComeFromTheEntitysFields) {
  EXPECT_EQ(slugs(EntityKind::programme, {{"fee_max", "150000"}}),
            (Slugs{"alpha-university-btech", "alpha-university-mca"}));
  const auto* years = snapshot.factor("years_established");
  auto alpha = *snapshot.find(EntityKind::university, "alpha-university");
  ASSERT_TRUE(snapshot.factor_value(EntityKind::university, alpha, *years));
  EXPECT_EQ(*snapshot.factor_value(EntityKind::university, alpha, *years)->number, 76);
  // Delta's programmes disclose no fee.
  auto delta = *snapshot.find(EntityKind::programme, "delta-college-mca");
  EXPECT_FALSE(snapshot.factor_value(EntityKind::programme, delta, *snapshot.factor("fee")));
}

TEST_F(SnapshotTest, PagesFollowTheOrderWithoutRepeatsOrGaps) {
  for (const char* sort : {"fee", "-fee", "name", "-placement", "nirf_rank"}) {
    auto whole = slugs(EntityKind::programme, {{"sort", sort}, {"limit", "100"}});
    Slugs paged;
    std::optional<std::string> cursor;
    do {
      QueryParams params{{"sort", sort}, {"limit", "3"}};
      if (cursor) params.emplace_back("cursor", *cursor);
      auto page = list(EntityKind::programme, params);
      for (auto index : page.items) paged.push_back(snapshot.data().programmes[index].slug);
      cursor = page.next_cursor;
    } while (cursor);
    EXPECT_EQ(paged, whole) << sort;
    EXPECT_EQ(whole.size(), 10u);
  }
}

TEST_F(SnapshotTest, RefusesACursorFromAnotherQuery) {
  auto page = list(EntityKind::programme, {{"sort", "fee"}, {"limit", "2"}});
  ASSERT_TRUE(page.next_cursor);
  try {
    list(EntityKind::programme, {{"sort", "-fee"}, {"limit", "2"}, {"cursor", *page.next_cursor}});
    FAIL() << "accepted a cursor of another sort";
  } catch (const Error& error) {
    EXPECT_EQ(error.field(), "cursor");
  }
}

TEST_F(SnapshotTest, FacetsCountEachValueAsIfItsOwnFilterWereAbsent) {
  auto page = list(EntityKind::programme,
                   {{"mode", "online"}, {"state", "Delhi"}, {"facets", "mode,state"}});
  ASSERT_TRUE(page.total);
  EXPECT_EQ(*page.total, 2u);  // Beta's and Epsilon's online programmes
  std::map<std::string, std::map<std::string, std::size_t>> counts;
  for (const auto& facet : page.facets) {
    for (const auto& count : facet.counts) counts[facet.code][count.value] = count.count;
  }
  EXPECT_EQ(counts["mode"]["online"], 2u);
  EXPECT_EQ(counts["mode"]["campus"], 2u);  // Delhi's campus programmes
  EXPECT_EQ(counts["state"]["Delhi"], 2u);
  EXPECT_EQ(counts["state"]["Kerala"], 2u);  // Kerala's online programmes
  EXPECT_EQ(counts["state"]["Goa"], 1u);
}

TEST_F(SnapshotTest, SearchRanksByRelevanceAndCombinesWithFilters) {
  auto found = slugs(EntityKind::university, {{"q", "univ"}});
  EXPECT_EQ(found.size(), 3u);
  EXPECT_EQ(slugs(EntityKind::university, {{"q", "technolgy"}}),
            (Slugs{"beta-institute-of-technology"}));
  EXPECT_EQ(slugs(EntityKind::programme, {{"q", "btech alpha"}}),
            (Slugs{"alpha-university-btech"}));
  EXPECT_EQ(slugs(EntityKind::university, {{"q", "university"}, {"state", "Delhi"}}),
            (Slugs{"epsilon-open-university"}));
}

TEST_F(SnapshotTest, ParsingRefusesBadParametersNamingThem) {
  auto refused = [&](QueryParams params, const std::string& field) {
    try {
      parse_list_query(snapshot, EntityKind::university, params);
      ADD_FAILURE() << field << " accepted";
    } catch (const Error& error) {
      EXPECT_EQ(error.field(), field);
      EXPECT_EQ(error.code(), ErrorCode::bad_request);
    }
  };
  refused({{"colour", "red"}}, "colour");
  refused({{"naac_min", "A++"}}, "naac_min");
  refused({{"nirf_rank_min", "x"}}, "nirf_rank_min");
  refused({{"nirf_rank_min", "inf"}}, "nirf_rank_min");
  refused({{"ugc", "maybe"}}, "ugc");
  refused({{"state_min", "Goa"}}, "state_min");
  refused({{"sort", "state"}}, "sort");
  refused({{"sort", "relevance"}}, "sort");
  refused({{"facets", "nirf_rank"}}, "facets");
  refused({{"limit", "0"}}, "limit");
  refused({{"limit", "1e2"}}, "limit");
  refused({{"fee_max", "5"}}, "fee_max");  // a programme's factor, not a university's
  refused({{"q", "a"}, {"q", "b"}}, "q");
}

TEST_F(SnapshotTest, TheDigestChangesWithTheContent) {
  auto data = sample();
  EXPECT_EQ(Snapshot(sample(), 2026).digest(), snapshot.digest());
  data.universities[0].values[0].source_url = "https://example.org";
  EXPECT_NE(Snapshot(std::move(data), 2026).digest(), snapshot.digest());
}

}  // namespace
}  // namespace disha::catalog
