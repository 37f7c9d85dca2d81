// The catalogue over HTTP on the backend under test: the built-in seed (article facts and the
// NIRF 2025 catalogue), search, filters, sort, cursor pages, facets, details and ETag/304.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include "server_fixture.hpp"

namespace disha::test {
namespace {

namespace json = boost::json;

class CatalogApi : public WithServer<CatalogApi> {
 public:
  static std::vector<std::string> server_args() {
    return {"--seed", "--rate-limit-anonymous", "100000/m"};
  }

 protected:
  static json::value get_json(const std::string& target) {
    auto response = request(port(), "GET", target);
    EXPECT_EQ(response.status, 200) << target << "\n" << response.body;
    return response.json();
  }
  // Every item of a list, following next_cursor page by page.
  static std::vector<json::object> all_pages(const std::string& target) {
    std::vector<json::object> items;
    std::string next = target;
    for (int page = 0; page < 100; ++page) {
      auto body = get_json(next).as_object();
      for (const auto& item : body.at("items").as_array()) items.push_back(item.as_object());
      if (body.at("next_cursor").is_null()) return items;
      next = target + (target.find('?') == std::string::npos ? "?" : "&") +
             "cursor=" + std::string(body.at("next_cursor").as_string());
    }
    ADD_FAILURE() << "more than 100 pages";
    return items;
  }
};

TEST_F(CatalogApi, ServesTheNirfCatalogueWithEveryInstitutionOnce) {
  auto universities = all_pages("/api/v1/universities?limit=100");
  std::set<std::string> slugs;
  for (const auto& u : universities) slugs.insert(std::string(u.at("slug").as_string()));
  // 386 institutions in the NIRF 2025 extract: 377 names, some spelt two ways, some shared.
  EXPECT_EQ(universities.size(), 386u);
  EXPECT_EQ(slugs.size(), universities.size());
  for (std::size_t i = 1; i < universities.size(); ++i) {
    // Sorted by name (case-insensitively) by default.
    std::string a(universities[i - 1].at("name").as_string());
    std::string b(universities[i].at("name").as_string());
    std::transform(a.begin(), a.end(), a.begin(), ::tolower);
    std::transform(b.begin(), b.end(), b.begin(), ::tolower);
    EXPECT_LE(a, b);
  }
}

TEST_F(CatalogApi, FiltersAndSortsByAFactorShowingItsValues) {
  auto body = get_json("/api/v1/universities?nirf_rank_max=3&sort=nirf_rank&limit=100");
  const auto& items = body.at("items").as_array();
  // Eight categories have ranks 1–3 each; some institutions lead in more than one.
  ASSERT_GE(items.size(), 8u);
  double previous = 0;
  for (const auto& item : items) {
    double rank = item.at("values").at("nirf_rank").to_number<double>();
    EXPECT_LE(rank, 3);
    EXPECT_GE(rank, previous);
    previous = rank;
  }
  auto descending = get_json("/api/v1/universities?nirf_rank_max=3&sort=-nirf_rank&limit=1");
  EXPECT_EQ(descending.at("items").at(0).at("values").at("nirf_rank").to_number<double>(), 3);
}

TEST_F(CatalogApi, FindsInstitutionsDespiteTyposAndUnfinishedWords) {
  for (const char* query : {"madras", "madars", "technology%20madr", "iit%20madras"}) {
    auto items = get_json(std::string("/api/v1/universities?q=") + query).at("items").as_array();
    bool found = false;
    for (const auto& item : items) {
      found |= item.at("slug").as_string() == "indian-institute-of-technology-madras";
    }
    // "iit" is not a word of the name: it must not find it, the rest must.
    EXPECT_EQ(found, std::string(query) != "iit%20madras") << query;
  }
}

TEST_F(CatalogApi, CursorPagesNeitherRepeatNorSkipUnderAFilter) {
  auto paged = all_pages("/api/v1/programmes?level=PG&sort=-median_salary&limit=7");
  auto whole = get_json("/api/v1/programmes?level=PG&sort=-median_salary&limit=100&facets=level")
                   .as_object();
  ASSERT_EQ(paged.size(), whole.at("total").to_number<std::size_t>());
  std::set<std::int64_t> ids;
  double previous = 1e18;
  bool missing_seen = false;
  for (const auto& item : paged) {
    EXPECT_EQ(item.at("level").as_string(), "PG");
    ids.insert(item.at("id").as_int64());
    const auto& salary = item.at("values").at("median_salary");
    if (salary.is_null()) {
      missing_seen = true;  // not disclosed: after every disclosed value
      continue;
    }
    EXPECT_FALSE(missing_seen);
    EXPECT_LE(salary.to_number<double>(), previous);
    previous = salary.to_number<double>();
  }
  EXPECT_EQ(ids.size(), paged.size());
}

TEST_F(CatalogApi, FacetCountsIgnoreTheirOwnFilter) {
  auto body = get_json("/api/v1/programmes?level=UG&facets=level,discipline").as_object();
  auto total = body.at("total").to_number<std::size_t>();
  std::map<std::string, std::size_t> level_counts;
  for (const auto& count : body.at("facets").at("level").as_array()) {
    level_counts[std::string(count.at("value").as_string())] =
        count.at("count").to_number<std::size_t>();
  }
  EXPECT_EQ(level_counts["UG"], total);
  EXPECT_GT(level_counts["PG"], 0u);  // counted as if level were not filtered
  std::size_t by_discipline = 0;
  for (const auto& count : body.at("facets").at("discipline").as_array()) {
    by_discipline += count.at("count").to_number<std::size_t>();
  }
  EXPECT_EQ(by_discipline, total);
}

TEST_F(CatalogApi, UniversityDetailShowsEveryFactorWithSourcesAndUndisclosedOnesAsNull) {
  auto search = get_json("/api/v1/universities?q=indian%20institute%20of%20technology%20madras");
  auto slug = std::string(search.at("items").at(0).at("slug").as_string());
  auto body = get_json("/api/v1/universities/" + slug).as_object();
  EXPECT_EQ(body.at("name").as_string(),
            "Indian Institute of Technology- Madras");  // as NIRF spells it
  std::map<std::string, json::object> factors;
  for (const auto& factor : body.at("factors").as_array()) {
    factors[std::string(factor.at("code").as_string())] = factor.as_object();
  }
  EXPECT_EQ(factors.at("nirf_rank").at("value").to_number<double>(), 1);
  EXPECT_EQ(factors.at("nirf_rank").at("qualifier").as_string(), "Engineering");
  EXPECT_NE(factors.at("nirf_rank").at("source_url").as_string().find("nirfindia.org"),
            std::string::npos);
  EXPECT_TRUE(factors.at("naac").at("value").is_null());
  EXPECT_FALSE(factors.at("naac").at("disclosed").as_bool());
  EXPECT_FALSE(body.at("programmes").as_array().empty());
  EXPECT_FALSE(body.at("is_demo").as_bool());
  // A programme sees its own factors and its university's.
  auto programme_slug = std::string(body.at("programmes").at(0).at("slug").as_string());
  auto programme = get_json("/api/v1/programmes/" + programme_slug).as_object();
  std::set<std::string> codes;
  for (const auto& factor : programme.at("factors").as_array()) {
    codes.insert(std::string(factor.at("code").as_string()));
  }
  EXPECT_TRUE(codes.contains("nirf_rank"));
  EXPECT_TRUE(codes.contains("placement"));
  EXPECT_EQ(programme.at("mode").as_string(), "campus");
}

TEST_F(CatalogApi, ServesTheArticleFactsAsSeedData) {
  auto careers = get_json("/api/v1/careers?limit=100").at("items").as_array();
  EXPECT_EQ(careers.size(), 10u);
  auto backend = get_json("/api/v1/careers/backend-developer").as_object();
  EXPECT_EQ(backend.at("onet_soc_code").as_string(), "15-1252.00");
  const auto& bands = backend.at("salary_bands").as_array();
  ASSERT_EQ(bands.size(), 4u);
  EXPECT_EQ(bands[0].at("band").as_string(), "Freshers");
  EXPECT_EQ(bands[0].at("salary_inr").as_int64(), 458000);
  EXPECT_EQ(bands[3].at("salary_inr").as_int64(), 2000000);
  EXPECT_EQ(backend.at("skills").as_array().size(), 10u);
  EXPECT_EQ(backend.at("next_careers").as_array().size(), 9u);
  EXPECT_EQ(backend.at("recruiters").as_array().size(), 10u);
  auto architect = get_json("/api/v1/careers/backend-architect").as_object();
  EXPECT_EQ(architect.at("salary_bands").at(0).at("salary_inr").as_int64(), 2000000);

  auto courses = get_json("/api/v1/courses?limit=100").at("items").as_array();
  EXPECT_EQ(courses.size(), 12u);
  auto pg = get_json("/api/v1/courses?level=PG&limit=100").at("items").as_array();
  EXPECT_EQ(pg.size(), 6u);
  auto btech = get_json("/api/v1/courses?q=b.tech").at("items").as_array();
  ASSERT_FALSE(btech.empty());
  EXPECT_EQ(btech[0].at("fee_min_inr").as_int64(), 600000);
  EXPECT_EQ(btech[0].at("fee_max_inr").as_int64(), 1000000);

  EXPECT_EQ(get_json("/api/v1/recruiters?limit=100").at("items").as_array().size(), 10u);
  auto factors = all_pages("/api/v1/factors?limit=10");
  EXPECT_GE(factors.size(), 30u);
  auto naac = get_json("/api/v1/factors/naac").as_object();
  EXPECT_EQ(naac.at("type").as_string(), "grade");
  EXPECT_EQ(naac.at("levels").as_array().back().as_string(), "A++");
}

TEST_F(CatalogApi, AnswersNotModifiedWhileTheCatalogueIsUnchanged) {
  auto first = request(port(), "GET", "/api/v1/universities?state=Delhi");
  ASSERT_EQ(first.status, 200);
  auto etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(first.header("cache-control"), "no-cache");
  auto again =
      request(port(), "GET", "/api/v1/universities?state=Delhi", {}, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), etag);
  auto weak = request(port(), "GET", "/api/v1/universities?state=Delhi", {},
                      {{"If-None-Match", "\"other\", W/" + etag}});
  EXPECT_EQ(weak.status, 304);
  auto other =
      request(port(), "GET", "/api/v1/universities?state=Kerala", {}, {{"If-None-Match", etag}});
  EXPECT_EQ(other.status, 200);
  EXPECT_NE(other.header("etag"), etag);
}

TEST_F(CatalogApi, RefusesBadParametersNamingThem) {
  expect_problem(request(port(), "GET", "/api/v1/universities?colour=red"), 400, "colour");
  expect_problem(request(port(), "GET", "/api/v1/universities?naac_min=Z"), 400, "naac_min");
  expect_problem(request(port(), "GET", "/api/v1/universities?nirf_rank_max=ten"), 400,
                 "nirf_rank_max");
  expect_problem(request(port(), "GET", "/api/v1/programmes?mode=teleport"), 400, "mode");
  expect_problem(request(port(), "GET", "/api/v1/universities?limit=0"), 400, "limit");
  expect_problem(request(port(), "GET", "/api/v1/universities?limit=101"), 400, "limit");
  expect_problem(request(port(), "GET", "/api/v1/universities?sort=colour"), 400, "sort");
  expect_problem(request(port(), "GET", "/api/v1/universities?sort=relevance"), 400, "sort");
  expect_problem(request(port(), "GET", "/api/v1/universities?sort=state"), 400, "sort");
  expect_problem(request(port(), "GET", "/api/v1/universities?cursor=bm9wZQ"), 400, "cursor");
  expect_problem(request(port(), "GET", "/api/v1/universities?facets=nirf_rank"), 400, "facets");
  expect_problem(request(port(), "GET", "/api/v1/universities?state=Delhi&state=Goa"), 400,
                 "state");
  expect_problem(request(port(), "GET", "/api/v1/programmes?career=astronaut"), 400, "career");
  expect_problem(request(port(), "GET", "/api/v1/careers?level=UG"), 400, "level");
  expect_problem(request(port(), "GET", "/api/v1/courses?level=PhD"), 400, "level");
  expect_problem(request(port(), "GET", "/api/v1/factors?group=vibes"), 400, "group");
  expect_problem(request(port(), "GET", "/api/v1/factors?scope=city"), 400, "scope");
  expect_problem(request(port(), "GET", "/api/v1/universities?q=" + std::string(300, 'a')), 422,
                 "q");
  // A cursor is bound to its query.
  auto page = get_json("/api/v1/universities?limit=2").as_object();
  auto cursor = std::string(page.at("next_cursor").as_string());
  EXPECT_EQ(request(port(), "GET", "/api/v1/universities?limit=2&cursor=" + cursor).status, 200);
  expect_problem(request(port(), "GET", "/api/v1/universities?state=Delhi&cursor=" + cursor), 400,
                 "cursor");
  expect_problem(request(port(), "GET", "/api/v1/universities/no-such-place"), 404);
  expect_problem(request(port(), "GET", "/api/v1/careers/astronaut"), 404);
}

TEST_F(CatalogApi, CareerTestResultsCarrySalaryBandsAndProgrammesFromTheCatalogue) {
  json::array answers;
  const int per_area[] = {2, 5, 1, 1, 2, 5};  // R I A S E C: an analytical profile
  for (int i = 0; i < 60; ++i) answers.push_back(per_area[(i / 2) % 6]);
  auto response = request(port(), "POST", "/api/v1/career-test/responses",
                          json::serialize(json::object{{"answers", answers}}),
                          {{"Content-Type", "application/json"}});
  ASSERT_EQ(response.status, 201) << response.body;
  auto result = response.json();
  std::size_t with_salaries = 0;
  for (const auto& match : result.at("matches").as_array()) {
    const auto& career = match.at("career").as_object();
    EXPECT_FALSE(career.at("salary_bands").as_array().empty()) << career.at("slug");
    EXPECT_TRUE(career.at("programmes").is_array());
    EXPECT_EQ(career.at("programmes_url").as_string(),
              "/api/v1/programmes?career=" + std::string(career.at("slug").as_string()));
    ++with_salaries;
  }
  EXPECT_EQ(with_salaries, 10u);  // every Disha career is in the catalogue
  auto backend = std::find_if(
      result.at("matches").as_array().begin(), result.at("matches").as_array().end(),
      [](const json::value& m) { return m.at("career").at("slug") == "backend-developer"; });
  ASSERT_NE(backend, result.at("matches").as_array().end());
  EXPECT_EQ(backend->at("career").at("salary_bands").as_array().size(), 4u);
}

TEST_F(CatalogApi, ComparesUniversitiesRowByRowMarkingTheBest) {
  const std::string three =
      "indian-institute-of-technology-madras,indian-agricultural-research-institute,"
      "indian-institute-of-technology-roorkee";
  auto body = get_json("/api/v1/compare?universities=" + three).as_object();
  EXPECT_EQ(body.at("kind"), "universities");
  ASSERT_EQ(body.at("entities").as_array().size(), 3u);
  std::map<std::string, json::array> rows;
  for (const auto& group : body.at("groups").as_array()) {
    for (const auto& row : group.at("rows").as_array()) {
      rows[std::string(row.at("code").as_string())] = row.at("cells").as_array();
    }
  }
  // Ranks 1, 1 and 1 in their categories: no best. Scores differ: the highest is best.
  for (const auto& cell : rows.at("nirf_rank")) EXPECT_FALSE(cell.at("best").as_bool());
  int best_scores = 0;
  for (const auto& cell : rows.at("nirf_score")) best_scores += cell.at("best").as_bool();
  EXPECT_EQ(best_scores, 1);
  // Not disclosed is shown as such, never as zero, and never best.
  for (const auto& cell : rows.at("naac")) {
    EXPECT_TRUE(cell.at("value").is_null());
    EXPECT_FALSE(cell.at("disclosed").as_bool());
    EXPECT_FALSE(cell.at("best").as_bool());
  }
  EXPECT_FALSE(rows.contains("fee"));  // a programme's factor
  EXPECT_EQ(body.at("share_url").as_string(), "/api/v1/compare?universities=" + three);
}

TEST_F(CatalogApi, ScoresByWeightsStablyWhateverElseIsCompared) {
  auto scores_of = [&](const std::string& programmes) {
    auto body = get_json("/api/v1/compare?programmes=" + programmes +
                         "&weights=placement:5,median_salary:3,nirf_rank:2")
                    .as_object();
    std::map<std::int64_t, json::object> by_id;
    for (const auto& score : body.at("scores").as_array()) {
      by_id[score.at("id").as_int64()] = score.as_object();
    }
    return by_id;
  };
  auto page = get_json("/api/v1/programmes?level=PG&limit=4&sort=-placement").as_object();
  std::vector<std::string> slugs;
  for (const auto& item : page.at("items").as_array())
    slugs.emplace_back(item.at("slug").as_string());
  ASSERT_EQ(slugs.size(), 4u);
  auto two = scores_of(slugs[0] + "," + slugs[1]);
  auto four = scores_of(slugs[0] + "," + slugs[1] + "," + slugs[2] + "," + slugs[3]);
  ASSERT_EQ(two.size(), 2u);
  for (const auto& [id, score] : two) {
    EXPECT_DOUBLE_EQ(score.at("score").to_number<double>(),
                     four.at(id).at("score").to_number<double>());
    double points = 0;
    for (const auto& c : score.at("contributions").as_array())
      points += c.at("points").to_number<double>();
    EXPECT_NEAR(points, score.at("score").to_number<double>(), 1e-9);
    EXPECT_GT(score.at("coverage").to_number<double>(), 0);
  }
}

TEST_F(CatalogApi, ComparesAsCsvForSpreadsheets) {
  auto response = request(port(), "GET",
                          "/api/v1/compare?universities=indian-institute-of-technology-madras,"
                          "indian-agricultural-research-institute&weights=nirf_score:1",
                          {}, {{"Accept", "text/csv"}});
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(response.body.rfind("group,factor,unit,Indian Institute of Technology- Madras,", 0), 0u)
      << response.body.substr(0, 200);
  EXPECT_NE(response.body.find("NAAC grade,,not disclosed,not disclosed"), std::string::npos);
  EXPECT_NE(response.body.find("weighted score (0-100)"), std::string::npos);
  EXPECT_NE(response.body.find(" *"), std::string::npos);
  auto json_tag = request(port(), "GET",
                          "/api/v1/compare?universities=indian-institute-of-technology-madras,"
                          "indian-agricultural-research-institute&weights=nirf_score:1")
                      .header("etag");
  EXPECT_NE(json_tag, response.header("etag"));  // the representation differs by Accept
}

TEST_F(CatalogApi, RefusesBadComparisonsNamingTheParameter) {
  const std::string madras = "indian-institute-of-technology-madras";
  expect_problem(request(port(), "GET", "/api/v1/compare?universities=" + madras), 400,
                 "universities");
  std::string eleven = madras;
  auto page = get_json("/api/v1/universities?limit=11").as_object();
  eleven.clear();
  for (const auto& item : page.at("items").as_array()) {
    eleven += (eleven.empty() ? "" : ",") + std::string(item.at("slug").as_string());
  }
  expect_problem(request(port(), "GET", "/api/v1/compare?universities=" + eleven), 400,
                 "universities");
  expect_problem(request(port(), "GET", "/api/v1/compare?programmes=a,b"), 400, "programmes");
  expect_problem(request(port(), "GET", "/api/v1/compare?universities=" + madras + "," + madras),
                 400, "universities");
  expect_problem(request(port(), "GET", "/api/v1/compare"), 400, "universities");
  expect_problem(request(port(), "GET", "/api/v1/compare?universities=a,b&programmes=c,d"), 400,
                 "universities");
  const std::string pair = madras + ",indian-agricultural-research-institute";
  expect_problem(request(port(), "GET", "/api/v1/compare?universities=" + pair + "&weights=fee:2"),
                 400, "weights");  // a programme's factor
  expect_problem(
      request(port(), "GET", "/api/v1/compare?universities=" + pair + "&weights=nirf_rank:0"), 400,
      "weights");
  expect_problem(request(port(), "GET", "/api/v1/compare?universities=" + pair + "&colour=red"),
                 400, "colour");
}

}  // namespace
}  // namespace disha::test
