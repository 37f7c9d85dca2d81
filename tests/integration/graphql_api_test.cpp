// /graphql on the backend under test: the same data as REST from the same services, the
// GraphQL-over-HTTP status codes and media types, admin mutations with REST's permission
// checks, limits refused before execution, GraphiQL from local assets, and the committed SDL
// matching what the binary serves.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "command.hpp"
#include "server_fixture.hpp"

namespace disha::test {
namespace {

namespace json = boost::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

class GraphqlApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto url = fresh_database_url();
    add_user(url, "admin@example.org", "admin", "admin passphrase 42");
    server = std::make_unique<DishaProcess>(
        url, std::vector<std::string>{"--seed", "--rate-limit-anonymous", "100000/m", "--rate-limit-user",
                                      "100000/m"});
    admin = bearer_session(port(), "admin@example.org", "admin passphrase 42");
    auto registered = request(port(), "POST", "/api/v1/auth/register",
                              R"({"email":"learner@example.org","password":"learner passphrase 42","name":"L"})",
                              {{"Content-Type", "application/json"}});
    ASSERT_EQ(registered.status, 201) << registered.body;
    learner = bearer_session(port(), "learner@example.org", "learner passphrase 42");
  }
  static void TearDownTestSuite() { server.reset(); }
  static unsigned short port() { return server->port(); }

  static HttpResponse post(const std::string& query, const json::object& variables = {}, Headers headers = {}) {
    headers.emplace_back("Content-Type", "application/json");
    headers.emplace_back("Accept", "application/graphql-response+json");
    json::object body{{"query", query}};
    if (!variables.empty()) body["variables"] = variables;
    return request(port(), "POST", "/graphql", json::serialize(body), headers);
  }

  // The data of a successful response (status 200, no errors).
  static json::object data_of(const HttpResponse& response) {
    EXPECT_EQ(response.status, 200) << response.body;
    auto body = response.json().as_object();
    EXPECT_FALSE(body.contains("errors")) << response.body;
    return body.at("data").as_object();
  }

  static std::string first_error_code(const HttpResponse& response) {
    auto body = response.json().as_object();
    return std::string(body.at("errors").at(0).at("extensions").at("code").as_string());
  }

  static inline std::unique_ptr<DishaProcess> server;
  static inline Headers admin, learner;
};

TEST_F(GraphqlApi, CommittedSchemaIsWhatTheBinaryServes) {
  int exit_code = -1;
  auto sdl = run_command(std::string(disha_binary()) + " graphql-schema", exit_code);
  ASSERT_EQ(exit_code, 0) << sdl;
  EXPECT_EQ(sdl, read_file(std::string(DISHA_SOURCE_DIR) + "/docs/schema.graphql"))
      << "docs/schema.graphql is stale: run `disha graphql-schema --output docs/schema.graphql`";
}

TEST_F(GraphqlApi, ProgrammeDetailFieldsMatchRest) {
  auto listed = request(port(), "GET", "/api/v1/programmes?limit=3&sort=name").json();
  for (const auto& item : listed.at("items").as_array()) {
    const std::string slug(item.at("slug").as_string());
    auto rest = request(port(), "GET", "/api/v1/programmes/" + slug).json();
    auto data = data_of(post("query($s: String!) { programme(slug: $s) { eligibility specialisations careers { slug } } }",
                             {{"s", slug}}));
    const auto& programme = data.at("programme");
    EXPECT_EQ(programme.at("eligibility"), rest.at("eligibility"));
    EXPECT_EQ(programme.at("specialisations"), rest.at("specialisations"));
    EXPECT_EQ(programme.at("careers").as_array().size(), rest.at("careers").as_array().size());
  }
}

TEST_F(GraphqlApi, ListsMatchRestAndNestProgrammes) {
  auto rest = request(port(), "GET", "/api/v1/universities?limit=20&sort=name");
  ASSERT_EQ(rest.status, 200);
  auto data = data_of(post(R"({ universities(first: 20, sort: "name") {
      items { slug name city programmes(first: 3) { slug university { slug } } } nextCursor } })"));
  const auto& items = data.at("universities").at("items").as_array();
  auto rest_body = rest.json();
  const auto& rest_items = rest_body.at("items").as_array();
  ASSERT_EQ(items.size(), 20u);
  for (std::size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(items[i].at("slug"), rest_items[i].at("slug"));
    EXPECT_EQ(items[i].at("city"), rest_items[i].at("city"));
    for (const auto& programme : items[i].at("programmes").as_array()) {
      EXPECT_EQ(programme.at("university").at("slug"), items[i].at("slug"));
    }
  }
  EXPECT_EQ(data.at("universities").at("nextCursor"), rest_body.at("next_cursor"));
}

TEST_F(GraphqlApi, FiltersAndSearchGoThroughTheRestParser) {
  auto rest = request(port(), "GET", "/api/v1/programmes?level=UG&limit=5&facets=mode");
  ASSERT_EQ(rest.status, 200) << rest.body;
  auto data = data_of(post(
      R"(query($f: [FactorFilter!]) { programmes(filters: $f, first: 5, facets: ["mode"]) { items { slug } total } })",
      {{"f", json::array{{{"code", "level"}, {"anyOf", json::array{"UG"}}}}}}));
  EXPECT_EQ(data.at("programmes").at("total"), rest.json().at("total"));
  EXPECT_EQ(data.at("programmes").at("items").as_array().size(), rest.json().at("items").as_array().size());
  // The REST parser's errors come back as field errors naming the parameter.
  auto bad = post(R"({ universities(sort: "no_such_factor") { items { slug } } })");
  ASSERT_EQ(bad.status, 200) << bad.body;
  EXPECT_EQ(first_error_code(bad), "BAD_USER_INPUT");
  EXPECT_TRUE(bad.json().at("data").is_null()) << bad.body;  // a non-null root field failed
}

TEST_F(GraphqlApi, StatusCodesAndMediaTypesFollowGraphqlOverHttp) {
  auto invalid = post("{ nope }");
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(invalid.header("content-type"), "application/graphql-response+json; charset=utf-8");
  EXPECT_FALSE(invalid.json().as_object().contains("data"));

  auto legacy = request(port(), "POST", "/graphql", R"({"query":"{ nope }"})",
                        {{"Content-Type", "application/json"}, {"Accept", "application/json"}});
  EXPECT_EQ(legacy.status, 200);
  EXPECT_EQ(legacy.header("content-type"), "application/json; charset=utf-8");

  auto syntax = post("{ universities { items { slug } }");
  EXPECT_EQ(syntax.status, 400);
  EXPECT_EQ(syntax.json().at("errors").at(0).at("locations").at(0).at("line").as_int64(), 1);

  auto get = request(port(), "GET", "/graphql?query=%7B__typename%7D", "", {{"Accept", "application/json"}});
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(get.body, R"({"data":{"__typename":"Query"}})");

  auto mutation_over_get = request(port(), "GET", "/graphql?query=mutation%7BdeleteCareer(slug%3A%22x%22)%7D", "",
                                   {{"Accept", "application/graphql-response+json"}});
  EXPECT_EQ(mutation_over_get.status, 405);
  EXPECT_EQ(mutation_over_get.header("allow"), "POST");

  auto no_json = request(port(), "POST", "/graphql", "query=x", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(no_json.status, 415);

  auto unacceptable = request(port(), "GET", "/graphql?query=%7B__typename%7D", "", {{"Accept", "text/plain"}});
  EXPECT_EQ(unacceptable.status, 406);
  EXPECT_TRUE(unacceptable.json().as_object().contains("errors")) << unacceptable.body;

  auto no_query = request(port(), "GET", "/graphql", "", {{"Accept", "application/graphql-response+json"}});
  EXPECT_EQ(no_query.status, 400);
  EXPECT_NE(no_query.body.find("query"), std::string::npos) << no_query.body;

  auto bad_variables = request(port(), "GET", "/graphql?query=%7B__typename%7D&variables=%7Bnope", "",
                               {{"Accept", "application/json"}});
  EXPECT_EQ(bad_variables.status, 400);
  EXPECT_NE(bad_variables.body.find("variables"), std::string::npos) << bad_variables.body;

  auto not_an_object = request(port(), "POST", "/graphql", R"(["{ __typename }"])",
                               {{"Content-Type", "application/json"}});
  EXPECT_EQ(not_an_object.status, 400);
}

TEST_F(GraphqlApi, MutationsCheckRolesAsRestDoes) {
  const std::string create = R"(mutation($input: JSON!) { createCareer(input: $input) { slug name salaryBands { band } } })";
  json::object career{{"slug", "graphql-engineer"}, {"name", "GraphQL Engineer"}, {"summary", "Designs schemas."}};
  auto anonymous = post(create, {{"input", career}});
  ASSERT_EQ(anonymous.status, 200) << anonymous.body;
  EXPECT_EQ(first_error_code(anonymous), "UNAUTHENTICATED");
  EXPECT_TRUE(anonymous.json().at("data").is_null());
  EXPECT_EQ(first_error_code(post(create, {{"input", career}}, learner)), "FORBIDDEN");

  auto created = data_of(post(create, {{"input", career}}, admin));
  EXPECT_EQ(created.at("createCareer").at("slug"), "graphql-engineer");
  EXPECT_EQ(request(port(), "GET", "/api/v1/careers/graphql-engineer").status, 200);

  auto taken = post(create, {{"input", career}}, admin);
  EXPECT_EQ(first_error_code(taken), "CONFLICT");

  json::object invalid{{"slug", "Bad Slug!"}, {"name", ""}};
  auto refused = post(create, {{"input", invalid}}, admin);
  EXPECT_EQ(first_error_code(refused), "BAD_USER_INPUT") << refused.body;
  EXPECT_TRUE(refused.json().at("errors").at(0).at("extensions").as_object().contains("field"));

  auto deleted = data_of(post(R"(mutation { deleteCareer(slug: "graphql-engineer") })", {}, admin));
  EXPECT_EQ(deleted.at("deleteCareer"), true);
  EXPECT_EQ(request(port(), "GET", "/api/v1/careers/graphql-engineer").status, 404);
}

TEST_F(GraphqlApi, FactorsAndTheirValuesAreEditedAsThroughRest) {
  auto listed = request(port(), "GET", "/api/v1/universities?limit=1&sort=name").json();
  const std::string slug(listed.at("items").at(0).at("slug").as_string());
  json::object factor{{"code", "gql_hostel"}, {"label", "Hostel"}, {"group", "support"},
                      {"type", "boolean"}, {"direction", "higher_better"}, {"scope", "university"}};
  auto created = data_of(post("mutation($f: JSON!) { createFactor(input: $f) { code type scope derived } }",
                              {{"f", factor}}, admin));
  EXPECT_EQ(created.at("createFactor").at("code"), "gql_hostel");
  EXPECT_EQ(first_error_code(post("mutation($f: JSON!) { createFactor(input: $f) { code } }", {{"f", factor}}, learner)),
            "FORBIDDEN");

  const std::string set = R"(mutation($slug: String!, $v: JSON!) {
      setFactorValue(entity: UNIVERSITY, slug: $slug, code: "gql_hostel", input: $v) { code value disclosed sourceUrl } })";
  auto value = data_of(post(set, {{"slug", slug}, {"v", {{"value", true}, {"source_url", "https://example.org/h"}}}}, admin));
  EXPECT_EQ(value.at("setFactorValue").at("value"), true);
  EXPECT_EQ(value.at("setFactorValue").at("sourceUrl"), "https://example.org/h");
  auto filtered = request(port(), "GET", "/api/v1/universities?gql_hostel=true").json();
  ASSERT_EQ(filtered.at("items").as_array().size(), 1u);
  EXPECT_EQ(filtered.at("items").at(0).at("slug"), json::string(slug));

  // An enum argument refuses a value it does not have, before execution.
  auto unknown_kind = post(R"(mutation { removeFactorValue(entity: COLLEGE, slug: "x", code: "gql_hostel") })", {}, admin);
  EXPECT_EQ(unknown_kind.status, 400);

  auto removed = data_of(post(R"(mutation($slug: String!) {
      removeFactorValue(entity: UNIVERSITY, slug: $slug, code: "gql_hostel") })", {{"slug", slug}}, admin));
  EXPECT_EQ(removed.at("removeFactorValue"), true);
  EXPECT_EQ(request(port(), "GET", "/api/v1/universities?gql_hostel=true").json().at("items").as_array().size(), 0u);
  auto deleted = data_of(post(R"(mutation { deleteFactor(code: "gql_hostel") })", {}, admin));
  EXPECT_EQ(deleted.at("deleteFactor"), true);
}

TEST_F(GraphqlApi, MeIsTheCaller) {
  EXPECT_TRUE(data_of(post("{ me { email } }")).at("me").is_null());
  auto me = data_of(post("{ me { email role } }", {}, learner));
  EXPECT_EQ(me.at("me").at("email"), "learner@example.org");
  EXPECT_EQ(me.at("me").at("role"), "learner");
}

TEST_F(GraphqlApi, RoiAndCareerTestAnswerAsRest) {
  json::object roi_request = json::parse(read_file(std::string(DISHA_SOURCE_DIR) + "/tests/fixtures/roi_worked_example.json")).as_object();
  auto rest = request(port(), "POST", "/api/v1/roi", json::serialize(roi_request), {{"Content-Type", "application/json"}});
  ASSERT_EQ(rest.status, 200);
  auto data = data_of(post("query($r: JSON!) { roi(request: $r) }", {{"r", roi_request}}));
  EXPECT_EQ(data.at("roi"), rest.json());

  auto questionnaire = data_of(post(R"({ careerTest(form: "short") })"));
  EXPECT_TRUE(questionnaire.at("careerTest").is_object());

  json::array answers;
  for (int i = 0; i < 60; ++i) answers.push_back(i % 5 + 1);
  auto submitted = data_of(post("mutation($a: JSON!) { submitCareerTest(answers: $a) }", {{"a", json::object{{"answers", answers}}}}));
  EXPECT_TRUE(submitted.at("submitCareerTest").as_object().contains("matches")) << json::serialize(submitted);
}

TEST_F(GraphqlApi, CompareMatchesRest) {
  auto list = request(port(), "GET", "/api/v1/universities?limit=3&sort=nirf_rank");
  auto listed = list.json();
  std::vector<std::string> slugs;
  json::array keys;
  for (const auto& item : listed.at("items").as_array()) {
    slugs.emplace_back(item.at("slug").as_string());
    keys.emplace_back(item.at("slug"));
  }
  ASSERT_EQ(slugs.size(), 3u);
  auto rest = request(port(), "GET",
                      "/api/v1/compare?universities=" + slugs[0] + "," + slugs[1] + "," + slugs[2] +
                          "&weights=naac:2,nirf_rank:3");
  ASSERT_EQ(rest.status, 200) << rest.body;
  auto expected = rest.json().as_object();
  auto data = data_of(post(R"(query($u: [String!]) {
      compare(universities: $u, weights: [{code: "naac", weight: 2}, {code: "nirf_rank", weight: 3}]) {
        kind
        entities { __typename slug ... on University { city } }
        groups { group rows { code label direction cells { value disclosed best sourceUrl } } }
        weights { code weight }
        scores { id score coverage contributions { code points } }
      } })",
                           {{"u", keys}}));
  const auto& compared = data.at("compare").as_object();
  EXPECT_EQ(compared.at("kind"), "universities");
  const auto& entities = compared.at("entities").as_array();
  ASSERT_EQ(entities.size(), 3u);
  for (std::size_t i = 0; i < entities.size(); ++i) {
    EXPECT_EQ(entities[i].at("__typename"), "University");
    EXPECT_EQ(entities[i].at("slug"), expected.at("entities").at(i).at("slug"));
    EXPECT_EQ(entities[i].at("city"), expected.at("entities").at(i).at("city"));
  }
  const auto& groups = compared.at("groups").as_array();
  ASSERT_EQ(groups.size(), expected.at("groups").as_array().size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const auto& rows = groups[g].at("rows").as_array();
    const auto& expected_rows = expected.at("groups").at(g).at("rows").as_array();
    ASSERT_EQ(rows.size(), expected_rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
      EXPECT_EQ(rows[r].at("code"), expected_rows[r].at("code"));
      for (std::size_t c = 0; c < 3; ++c) {
        const auto& cell = rows[r].at("cells").at(c);
        const auto& expected_cell = expected_rows[r].at("cells").at(c);
        EXPECT_EQ(cell.at("value"), expected_cell.at("value"));
        EXPECT_EQ(cell.at("best"), expected_cell.at("best"));
        EXPECT_EQ(cell.at("sourceUrl"), expected_cell.at("source_url"));
      }
    }
  }
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& score = compared.at("scores").at(i);
    EXPECT_EQ(score.at("id"), expected.at("scores").at(i).at("id"));
    EXPECT_EQ(score.at("score"), expected.at("scores").at(i).at("score"));
  }
}

TEST_F(GraphqlApi, LimitsRefuseBeforeExecution) {
  auto costly = post("{ universities(first: 100) { items { programmes(first: 100) { factors { code } } } } }");
  EXPECT_EQ(costly.status, 400) << costly.body;
  EXPECT_EQ(first_error_code(costly), "GRAPHQL_LIMIT_EXCEEDED");

  std::string deep = "{ programme(slug: \"x\") { university { programmes { university { programmes { university {"
                     " programmes { university { programmes { university { programmes { slug } } } } } } } } } } } }";
  auto too_deep = post(deep);
  EXPECT_EQ(too_deep.status, 400) << too_deep.body;
  EXPECT_EQ(first_error_code(too_deep), "GRAPHQL_LIMIT_EXCEEDED");

  std::string aliases = "{";
  for (int i = 0; i < 70; ++i) aliases += " a" + std::to_string(i) + ": __typename";
  auto too_many = post(aliases + " }");
  EXPECT_EQ(too_many.status, 400);
  EXPECT_EQ(first_error_code(too_many), "GRAPHQL_LIMIT_EXCEEDED");
}

TEST_F(GraphqlApi, IntrospectionServesGraphiqlFromLocalAssets) {
  auto data = data_of(post("{ __schema { queryType { name } mutationType { name } } }"));
  EXPECT_EQ(data.at("__schema").at("queryType").at("name"), "Query");
  EXPECT_EQ(data.at("__schema").at("mutationType").at("name"), "Mutation");

  auto page = request(port(), "GET", "/graphql", "", {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"}});
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("/graphql/assets/graphiql.min.js"), std::string::npos);
  EXPECT_EQ(page.body.find("https://"), std::string::npos) << "no CDN";
  auto policy = page.header("content-security-policy");
  EXPECT_NE(policy.find("script-src 'self';"), std::string::npos) << policy;
  EXPECT_EQ(policy.find("script-src 'self' 'unsafe-inline'"), std::string::npos) << policy;
  auto script = request(port(), "GET", "/graphql/assets/graphiql.min.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_GT(script.body.size(), 100'000u);
}

class GraphqlWithoutIntrospection : public WithServer<GraphqlWithoutIntrospection> {
 public:
  static std::vector<std::string> server_args() { return {"--graphql-introspection", "false"}; }
};

TEST_F(GraphqlWithoutIntrospection, RefusesSchemaQueries) {
  auto refused = request(port(), "POST", "/graphql", R"({"query":"{ __schema { types { name } } }"})",
                         {{"Content-Type", "application/json"}, {"Accept", "application/graphql-response+json"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("INTROSPECTION_DISABLED"), std::string::npos) << refused.body;
  auto typename_only = request(port(), "POST", "/graphql", R"({"query":"{ __typename }"})",
                               {{"Content-Type", "application/json"}});
  EXPECT_EQ(typename_only.status, 200);
}

}  // namespace
}  // namespace disha::test
