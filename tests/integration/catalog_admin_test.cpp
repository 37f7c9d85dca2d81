// The catalogue's admin API on the backend under test: only admins write, every field is
// validated, each change is in the audit trail with before and after, and the next read sees
// it (the snapshot is rebuilt before the write is acknowledged).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "command.hpp"
#include "server_fixture.hpp"

namespace disha::test {
namespace {

namespace json = boost::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

HttpResponse send(unsigned short port, std::string_view method, std::string_view target,
                  const json::value& body, Headers headers) {
  headers.emplace_back("Content-Type", "application/json");
  return request(port, method, target, json::serialize(body), headers);
}

class CatalogAdmin : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto url = fresh_database_url();
    add_user(url, "admin@example.org", "admin", "admin passphrase 42");
    server = std::make_unique<DishaProcess>(
        url, std::vector<std::string>{"--seed", "--rate-limit-anonymous", "100000/m",
                                      "--rate-limit-user", "100000/m"});
    admin = bearer_session(port(), "admin@example.org", "admin passphrase 42");
    auto registered = send(port(), "POST", "/api/v1/auth/register",
                           {{"email", "learner@example.org"},
                            {"password", "learner passphrase 42"},
                            {"name", "Learner"}},
                           {});
    ASSERT_EQ(registered.status, 201) << registered.body;
    learner = bearer_session(port(), "learner@example.org", "learner passphrase 42");
  }
  static void TearDownTestSuite() { server.reset(); }
  static unsigned short port() { return server->port(); }

  static json::object university_body(const std::string& slug) {
    return {{"slug", slug},
            {"name", "Test Open University " + slug},
            {"state", "Kerala"},
            {"city", "Kochi"},
            {"institution_type", "private"},
            {"year_established", 2001},
            {"website", "https://example.org"},
            {"modes", json::array{"online"}},
            {"values",
             {{"ugc_deb",
               {{"value", true},
                {"qualifier", "2025-26"},
                {"source_url", "https://deb.ugc.ac.in/"},
                {"verified_on", "2026-11-01"}}},
              {"naac", "A"}}}};
  }

  static inline std::unique_ptr<DishaProcess> server;
  static inline Headers admin, learner;
};

TEST_F(CatalogAdmin, OnlyAdminsWrite) {
  expect_problem(send(port(), "POST", "/api/v1/universities", university_body("nobody-u"), {}),
                 401);
  expect_problem(send(port(), "POST", "/api/v1/universities", university_body("nobody-u"), learner),
                 403);
  expect_problem(send(port(), "DELETE", "/api/v1/factors/naac", nullptr, learner), 403);
  EXPECT_EQ(request(port(), "GET", "/api/v1/universities/nobody-u").status, 404);
}

TEST_F(CatalogAdmin, ACreatedUniversityIsReadableAtOnceAndAudited) {
  auto before = request(port(), "GET", "/api/v1/universities?state=Kerala");
  auto created = send(port(), "POST", "/api/v1/universities", university_body("kochi-open"), admin);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("location"), "/api/v1/universities/kochi-open");

  auto read = request(port(), "GET", "/api/v1/universities/kochi-open");
  ASSERT_EQ(read.status, 200);
  std::map<std::string, json::object> factors;
  const auto detail = read.json();
  for (const auto& f : detail.at("factors").as_array()) {
    factors[std::string(f.at("code").as_string())] = f.as_object();
  }
  EXPECT_EQ(factors.at("ugc_deb").at("value"), true);
  EXPECT_EQ(factors.at("ugc_deb").at("qualifier"), "2025-26");
  EXPECT_EQ(factors.at("ugc_deb").at("verified_on"), "2026-11-01");
  EXPECT_EQ(factors.at("naac").at("value"), "A");
  EXPECT_EQ(factors.at("years_established").at("value").to_number<double>() >= 25, true);

  // The list changed, so its ETag did.
  auto after = request(port(), "GET", "/api/v1/universities?state=Kerala", {},
                       {{"If-None-Match", before.header("etag")}});
  EXPECT_EQ(after.status, 200);
  auto naac = request(port(), "GET", "/api/v1/universities?naac_min=A&state=Kerala");
  EXPECT_NE(naac.body.find("kochi-open"), std::string::npos);

  expect_problem(send(port(), "POST", "/api/v1/universities", university_body("kochi-open"), admin),
                 409, "slug");

  auto log = request(port(), "GET", "/api/v1/admin/audit-log?limit=5", {}, admin);
  ASSERT_EQ(log.status, 200);
  const auto entry = log.json().at("items").at(0);
  EXPECT_EQ(entry.at("action"), "create");
  EXPECT_EQ(entry.at("entity"), "university");
  EXPECT_EQ(entry.at("entity_id"), "kochi-open");
  EXPECT_TRUE(entry.at("before").is_null());
  EXPECT_EQ(entry.at("after").at("name"), "Test Open University kochi-open");
}

TEST_F(CatalogAdmin, ValidatesEveryFieldNamingIt) {
  auto body = university_body("bad-one");
  body["website"] = "ftp://example.org";
  expect_problem(send(port(), "POST", "/api/v1/universities", body, admin), 422, "website");
  body = university_body("bad-one");
  body["institution_type"] = "castle";
  expect_problem(send(port(), "POST", "/api/v1/universities", body, admin), 422,
                 "institution_type");
  body = university_body("bad-one");
  body["values"].as_object()["naac"] = "Z";
  expect_problem(send(port(), "POST", "/api/v1/universities", body, admin), 422, "values.naac");
  body = university_body("bad-one");
  body["values"].as_object()["fee"] = 100;  // a programme's factor, and derived
  expect_problem(send(port(), "POST", "/api/v1/universities", body, admin), 422, "values.fee");
  body = university_body("bad-one");
  body["colour"] = "red";
  expect_problem(send(port(), "POST", "/api/v1/universities", body, admin), 422, "colour");
  body = university_body("Bad Slug");
  expect_problem(send(port(), "POST", "/api/v1/universities", body, admin), 422, "slug");
  json::object programme{
      {"university", "no-such-university"}, {"name", "MCA"}, {"level", "PG"}, {"mode", "online"}};
  expect_problem(send(port(), "POST", "/api/v1/programmes", programme, admin), 422, "university");
  programme["university"] = "kochi-open-2";
  programme["fee_total_inr"] = -5;
  expect_problem(send(port(), "POST", "/api/v1/programmes", programme, admin), 422,
                 "fee_total_inr");
  EXPECT_EQ(request(port(), "GET", "/api/v1/universities/bad-one").status, 404);
}

TEST_F(CatalogAdmin, UpdatesDeletesAndAddsFactorsWithoutASchemaChange) {
  ASSERT_EQ(
      send(port(), "POST", "/api/v1/universities", university_body("kochi-open-2"), admin).status,
      201);
  auto programme = send(port(), "POST", "/api/v1/programmes",
                        {{"slug", "kochi-open-2-mca"},
                         {"university", "kochi-open-2"},
                         {"course", "online-mca-in-computer-science-it"},
                         {"name", "Online MCA"},
                         {"level", "PG"},
                         {"mode", "online"},
                         {"duration_months", 24},
                         {"fee_total_inr", 150000},
                         {"careers", json::array{"backend-developer"}},
                         {"values", {{"placement", 81.5}, {"emi", true}}}},
                        admin);
  ASSERT_EQ(programme.status, 201) << programme.body;
  auto listed =
      request(port(), "GET", "/api/v1/programmes?career=backend-developer&fee_max=150000");
  EXPECT_NE(listed.body.find("kochi-open-2-mca"), std::string::npos);

  auto body = university_body("kochi-open-2");
  body["name"] = "Kochi Open University";
  auto updated = send(port(), "PUT", "/api/v1/universities/kochi-open-2", body, admin);
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(request(port(), "GET", "/api/v1/universities/kochi-open-2").json().at("name"),
            "Kochi Open University");

  auto factor = send(port(), "POST", "/api/v1/factors",
                     {{"code", "hostel"},
                      {"label", "Hostel"},
                      {"group", "support"},
                      {"type", "boolean"},
                      {"direction", "higher_better"},
                      {"scope", "university"}},
                     admin);
  ASSERT_EQ(factor.status, 201) << factor.body;
  auto value = send(port(), "PUT", "/api/v1/universities/kochi-open-2/factors/hostel",
                    {{"value", true}, {"source_url", "https://example.org/hostel"}}, admin);
  ASSERT_EQ(value.status, 200) << value.body;
  auto with_hostel = request(port(), "GET", "/api/v1/universities?hostel=true");
  ASSERT_EQ(with_hostel.status, 200);
  ASSERT_EQ(with_hostel.json().at("items").as_array().size(), 1u);
  EXPECT_EQ(with_hostel.json().at("items").at(0).at("slug"), "kochi-open-2");
  expect_problem(send(port(), "PUT", "/api/v1/universities/kochi-open-2/factors/hostel",
                      {{"value", "yes"}}, admin),
                 422, "value");
  expect_problem(send(port(), "POST", "/api/v1/factors",
                      {{"code", "state"},
                       {"label", "S"},
                       {"group", "support"},
                       {"type", "text"},
                       {"scope", "university"}},
                      admin),
                 422, "code");

  EXPECT_EQ(
      send(port(), "DELETE", "/api/v1/universities/kochi-open-2/factors/hostel", nullptr, admin)
          .status,
      204);
  EXPECT_TRUE(request(port(), "GET", "/api/v1/universities?hostel=true")
                  .json()
                  .at("items")
                  .as_array()
                  .empty());
  expect_problem(send(port(), "DELETE", "/api/v1/factors/fee", nullptr, admin), 409, "code");
  EXPECT_EQ(send(port(), "DELETE", "/api/v1/factors/hostel", nullptr, admin).status, 204);
  EXPECT_EQ(request(port(), "GET", "/api/v1/factors/hostel").status, 404);

  // Deleting a university takes its programmes with it.
  EXPECT_EQ(send(port(), "DELETE", "/api/v1/universities/kochi-open-2", nullptr, admin).status,
            204);
  EXPECT_EQ(request(port(), "GET", "/api/v1/programmes/kochi-open-2-mca").status, 404);
  auto log = request(port(), "GET", "/api/v1/admin/audit-log?limit=1", {}, admin).json();
  EXPECT_EQ(log.at("items").at(0).at("action"), "delete");
  EXPECT_EQ(log.at("items").at(0).at("before").at("name"), "Kochi Open University");
}

TEST_F(CatalogAdmin, ReplacesACareersSalaryBands) {
  auto updated = send(port(), "PUT", "/api/v1/careers/cloud-engineer",
                      {{"name", "Cloud Engineer"},
                       {"salary_bands", json::array{{{"band", "Freshers"},
                                                     {"years_min", 0},
                                                     {"years_max", 1},
                                                     {"salary_inr", 500000},
                                                     {"source", "test"},
                                                     {"year", 2026}}}},
                       {"next_careers", json::array{"devops-engineer"}}},
                      admin);
  ASSERT_EQ(updated.status, 200) << updated.body;
  auto career = request(port(), "GET", "/api/v1/careers/cloud-engineer").json();
  ASSERT_EQ(career.at("salary_bands").as_array().size(), 1u);
  EXPECT_EQ(career.at("salary_bands").at(0).at("salary_inr"), 500000);
  EXPECT_EQ(career.at("next_careers").at(0).at("slug"), "devops-engineer");
  expect_problem(
      send(port(), "PUT", "/api/v1/careers/cloud-engineer",
           {{"name", "Cloud Engineer"}, {"next_careers", json::array{"astronaut"}}}, admin),
      422, "next_careers");
  expect_problem(send(port(), "PUT", "/api/v1/careers/astronaut", {{"name", "Astronaut"}}, admin),
                 404);
}

}  // namespace
}  // namespace disha::test
