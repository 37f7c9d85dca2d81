// The catalogue's command-line tools on the backend under test: `disha seed` twice changes
// nothing, `disha generate` is deterministic and flags its data as demo, and `disha import`
// loads a real CSV (made here from ../shared/data/real/colleges.json) or refuses a file with
// bad rows, reporting line, column and reason.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "command.hpp"
#include "server_fixture.hpp"

namespace disha::test {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

std::string disha(const std::string& arguments, int& exit_code) {
  return run_command(std::string(disha_binary()) + " " + arguments + " 2>&1", exit_code);
}

fs::path temporary_file(const std::string& name, const std::string& content) {
  auto path = fs::temp_directory_path() / ("disha-test-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path) << content;
  return path;
}

std::size_t count_all(unsigned short port, const std::string& target) {
  auto body = request(port, "GET", target + "&limit=1&facets=demo").json();
  return body.at("total").to_number<std::size_t>();
}

TEST(CatalogTools, SeedingTwiceChangesNothing) {
  const auto url = fresh_database_url();
  int exit_code = -1;
  auto output = disha("seed --db " + shell_quote(url), exit_code);
  ASSERT_EQ(exit_code, 0) << output;
  output = disha("seed --db " + shell_quote(url), exit_code);
  ASSERT_EQ(exit_code, 0) << output;
  EXPECT_NE(output.find("386 universities"), std::string::npos) << output;
  DishaProcess server(url);
  EXPECT_EQ(count_all(server.port(), "/api/v1/universities?demo=false"), 386u);
  EXPECT_EQ(count_all(server.port(), "/api/v1/programmes?demo=false"), 987u);
  EXPECT_EQ(request(server.port(), "GET", "/api/v1/careers?limit=100")
                .json()
                .at("items")
                .as_array()
                .size(),
            10u);
}

TEST(CatalogTools, GenerateIsDeterministicAndFlaggedAsDemo) {
  std::string first_page;
  for (int run = 0; run < 2; ++run) {
    const auto url = fresh_database_url();
    int exit_code = -1;
    auto output = disha("generate --db " + shell_quote(url) +
                            " --universities 40 --programmes-per-university 3 --seed 7",
                        exit_code);
    ASSERT_EQ(exit_code, 0) << output;
    EXPECT_NE(output.find("generated 40 demo universities and 120 demo programmes"),
              std::string::npos)
        << output;
    DishaProcess server(url);
    EXPECT_EQ(count_all(server.port(), "/api/v1/universities?demo=true"), 40u);
    EXPECT_EQ(count_all(server.port(), "/api/v1/programmes?demo=true"), 120u);
    auto page = request(server.port(), "GET", "/api/v1/programmes?demo=true&sort=fee&limit=20");
    ASSERT_EQ(page.status, 200);
    const auto items = page.json().at("items").as_array();
    for (const auto& item : items) {
      EXPECT_TRUE(item.at("is_demo").as_bool());
    }
    // Ids may differ between backends' sequences, not between runs; compare slugs and fees.
    std::string summary;
    for (const auto& item : items) {
      summary += std::string(item.at("slug").as_string()) + ":" +
                 json::serialize(item.at("fee_total_inr")) + "\n";
    }
    if (run == 0) {
      first_page = summary;
    } else {
      EXPECT_EQ(summary, first_page);
    }
  }
}

std::string csv_cell(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

TEST(CatalogTools, ImportsARealCatalogueWithAColumnMapping) {
  const fs::path colleges =
      fs::path(DISHA_SOURCE_DIR) / ".." / "shared" / "data" / "real" / "colleges.json";
  if (!fs::exists(colleges))
    GTEST_SKIP() << colleges << " is absent (the GPL fixture is not shipped)";
  std::ifstream in(colleges);
  std::stringstream text;
  text << in.rdbuf();
  auto entries = json::parse(text.str()).as_array();
  std::string csv = "Institute,Region,District,Founded,Web,NAAC Grade,NIRF Engineering\n";
  std::size_t rows = 0;
  for (const auto& entry : entries) {
    const auto& college = entry.as_object();
    auto field = [&](const char* key) {
      const auto* value = college.if_contains(key);
      return value && value->is_string() ? std::string(value->as_string()) : std::string();
    };
    std::string founded, naac, rank;
    if (const auto* year = college.if_contains("year_established"); year && year->is_int64()) {
      founded = std::to_string(year->as_int64());
    }
    if (const auto* grade = college.at("naac").as_object().if_contains("grade");
        grade && grade->is_string()) {
      naac = std::string(grade->as_string());
    }
    if (const auto* nirf = college.if_contains("nirf"); nirf && nirf->is_object()) {
      if (const auto* r = nirf->as_object().if_contains("engineering_rank"); r && r->is_int64()) {
        rank = std::to_string(r->as_int64());
      }
    }
    auto website = field("website");
    if (!website.empty() && !website.starts_with("http")) website = "https://" + website;
    csv += csv_cell(field("display_name")) + "," + csv_cell(field("state")) + "," +
           csv_cell(field("district")) + "," + founded + "," + csv_cell(website) + "," + naac +
           "," + rank + "\n";
    ++rows;
  }
  auto file = temporary_file("colleges.csv", csv);
  const auto url = fresh_database_url();
  int exit_code = -1;
  auto output = disha("import " + shell_quote(file.string()) + " --kind universities --db " +
                          shell_quote(url) +
                          " --skip-invalid --map 'Institute=name,Region=state,District=city,"
                          "Founded=year_established,Web=website,NAAC Grade=naac,"
                          "NIRF Engineering=nirf_rank'",
                      exit_code);
  fs::remove(file);
  ASSERT_EQ(exit_code, 0) << output;
  EXPECT_NE(output.find("imported"), std::string::npos) << output;

  DishaProcess server(url);
  auto imported = count_all(server.port(), "/api/v1/universities?demo=false");
  // Every row but those the validation report lists (the report says why).
  EXPECT_GE(imported, rows - 5) << output;
  auto madras =
      request(server.port(), "GET", "/api/v1/universities?q=technology%20madras&nirf_rank_max=1");
  ASSERT_EQ(madras.status, 200);
  ASSERT_EQ(madras.json().at("items").as_array().size(), 1u) << madras.body;
  EXPECT_EQ(madras.json().at("items").at(0).at("state"), "Tamil Nadu");
}

TEST(CatalogTools, ARunningServerServesWhatAnotherProcessWrote) {
  const auto url = fresh_database_url();
  DishaProcess server(url, {"--seed", "--catalog-poll", "100ms"});
  auto file = temporary_file("late.csv", "name,state\nLate Arrival University,Goa\n");
  int exit_code = -1;
  auto output = disha(
      "import " + shell_quote(file.string()) + " --kind universities --db " + shell_quote(url),
      exit_code);
  fs::remove(file);
  ASSERT_EQ(exit_code, 0) << output;
  int status = 0;
  for (int attempt = 0; attempt < 100 && status != 200; ++attempt) {
    status = request(server.port(), "GET", "/api/v1/universities/late-arrival-university").status;
    if (status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(status, 200) << "the server never saw the import";
}

TEST(CatalogTools, RefusesAFileWithBadRowsReportingEachAndImportsNothing) {
  const auto url = fresh_database_url();
  auto file = temporary_file("bad.csv",
                             "name,state,year_established,naac,website\n"
                             "Good University,Goa,1990,A,https://good.example\n"
                             "Bad Year University,Goa,nineteen,A,\n"
                             "Bad Grade University,Goa,1990,Z,\n"
                             ",Goa,1990,A,\n"
                             "\"Multi\nline University\",Goa,1990,A,\n"
                             "Ftp University,Goa,1990,A,ftp://ftp.example\n");
  int exit_code = -1;
  auto output = disha(
      "import " + shell_quote(file.string()) + " --kind universities --db " + shell_quote(url),
      exit_code);
  EXPECT_EQ(exit_code, 1) << output;
  EXPECT_NE(output.find("line 3, column year_established"), std::string::npos) << output;
  EXPECT_NE(output.find("line 4, column naac"), std::string::npos) << output;
  EXPECT_NE(output.find("line 5, column name"), std::string::npos) << output;
  EXPECT_NE(output.find("line 6, column name"), std::string::npos) << output;  // a line break
  EXPECT_NE(output.find("line 8, column website"), std::string::npos) << output;
  EXPECT_NE(output.find("nothing imported"), std::string::npos) << output;
  {
    DishaProcess server(url);
    EXPECT_EQ(count_all(server.port(), "/api/v1/universities?demo=false"), 0u);
  }
  output = disha("import " + shell_quote(file.string()) +
                     " --kind universities --skip-invalid --db " + shell_quote(url),
                 exit_code);
  EXPECT_EQ(exit_code, 0) << output;
  EXPECT_NE(output.find("imported 1 of 6 rows"), std::string::npos) << output;
  auto unknown = temporary_file("unknown.csv", "name,colour\nX,red\n");
  output = disha(
      "import " + shell_quote(unknown.string()) + " --kind universities --db " + shell_quote(url),
      exit_code);
  EXPECT_NE(exit_code, 0);
  EXPECT_NE(output.find("unknown column 'colour'"), std::string::npos) << output;
  fs::remove(file);
  fs::remove(unknown);
}

}  // namespace
}  // namespace disha::test
