// Every query is parameterised: this test reads src/**/*.{cpp,hpp} and fails on SQL text that is
// glued together at run time — an SQL string literal followed by `+`, or handed to a formatting
// function — because that is how request data ends up inside a statement.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace {

// A string literal that starts like an SQL statement.
const std::string kSqlLiteral =
    R"re("\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|DROP|ALTER)\b[^"\n]*")re";

std::vector<std::string> findings_in(const std::string& text) {
  static const std::regex concatenated(kSqlLiteral + R"re(\s*\+)re", std::regex::ECMAScript);
  static const std::regex prepended(R"re(\+\s*)re" + kSqlLiteral, std::regex::ECMAScript);
  static const std::regex formatted(
      R"re((format|sprintf|snprintf|format_to)\s*\(\s*)re" + kSqlLiteral, std::regex::ECMAScript);
  std::vector<std::string> findings;
  for (const auto* pattern : {&concatenated, &prepended, &formatted}) {
    for (std::sregex_iterator it(text.begin(), text.end(), *pattern), end; it != end; ++it) {
      findings.push_back(it->str());
    }
  }
  return findings;
}

TEST(ParameterisedSql, TheDetectorCatchesConcatenationAndFormatting) {
  EXPECT_FALSE(
      findings_in(R"(db.query("SELECT * FROM users WHERE email = '" + email + "'");)").empty());
  EXPECT_FALSE(findings_in(R"(auto sql = prefix + "DELETE FROM sessions WHERE id = ";)").empty());
  EXPECT_FALSE(findings_in(R"(fmt::format("UPDATE users SET name = '{}'", name))").empty());
  EXPECT_TRUE(findings_in(R"(db.query("SELECT id FROM users WHERE email = $1", email);)").empty());
  EXPECT_TRUE(findings_in(R"(throw Error(code, "select a value: " + name);)").empty());
}

TEST(ParameterisedSql, NoSourceBuildsSqlFromRuntimeText) {
  std::size_t scanned = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(DISHA_SOURCE_DIR)) {
    const auto extension = entry.path().extension();
    if (!entry.is_regular_file() || (extension != ".cpp" && extension != ".hpp")) continue;
    std::ifstream file(entry.path());
    std::stringstream text;
    text << file.rdbuf();
    for (const auto& finding : findings_in(text.str())) {
      ADD_FAILURE() << entry.path() << ": SQL built from run-time text: " << finding;
    }
    ++scanned;
  }
  EXPECT_GT(scanned, 20u);
}

}  // namespace
