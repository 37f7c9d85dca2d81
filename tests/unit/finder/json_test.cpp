#include "features/finder/json.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <string>

#include "core/error.hpp"
#include "shipped_tables.hpp"

namespace disha::finder {
namespace {

namespace json = boost::json;
using testing::shipped_finder;

std::string answers_json(std::size_t count, int value = 3) {
  std::string text = "[";
  for (std::size_t i = 0; i < count; ++i) text += (i ? "," : "") + std::to_string(value);
  return text + "]";
}

Request parse(const std::string& text) {
  return parse_request(json::parse(text));
}

TEST(ParseRequest, ReadsEveryField) {
  const Request request = parse(R"({"form": "short", "answers": )" + answers_json(30, 4) +
                                R"(, "job_zone": 3, "scope": "onet", "limit": 5})");
  EXPECT_EQ(request.form, Form::short_form);
  EXPECT_EQ(request.answers, std::vector<int>(30, 4));
  EXPECT_EQ(request.query.job_zone, 3);
  EXPECT_EQ(request.query.scope, Scope::onet);
  EXPECT_EQ(request.query.limit, 5);
}

TEST(ParseRequest, DefaultsToTheLongFormCareersScopeAndTwentyMatches) {
  for (const std::string& text :
       {R"({"answers": )" + answers_json(60) + "}",
        R"({"answers": )" + answers_json(60) +
            R"(, "form": null, "job_zone": null, "scope": null, "limit": null})"}) {
    const Request request = parse(text);
    EXPECT_EQ(request.form, Form::long_form);
    EXPECT_EQ(request.answers.size(), 60u);
    EXPECT_EQ(request.query.job_zone, std::nullopt);
    EXPECT_EQ(request.query.scope, Scope::careers);
    EXPECT_EQ(request.query.limit, 20);
  }
}

void expect_rejected(const std::string& text, const std::string& field,
                     const std::string& fragment) {
  try {
    parse(text);
    FAIL() << "accepted " << text;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unprocessable) << text;
    EXPECT_EQ(error.field(), field) << text;
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
  }
}

TEST(ParseRequest, RejectsBadAnswersNamingTheElement) {
  expect_rejected(R"({"answers": [3, 3, 3, "4"]})", "answers[3]", "got a string");
  expect_rejected(R"({"answers": [3, 3.5]})", "answers[1]", "got a number with a fraction");
  expect_rejected(R"({"answers": [3, 3, 4.0]})", "answers[2]", "must be an integer from 1 to 5");
  expect_rejected(R"({"answers": [true]})", "answers[0]", "got a boolean");
  expect_rejected(R"({"answers": [null]})", "answers[0]", "got null");
  expect_rejected(R"({"answers": [3, 3, 3, 3, 3, 3, 3, 6]})", "answers[7]", "got 6");
  expect_rejected(R"({"answers": [0]})", "answers[0]", "got 0");
  expect_rejected(R"({"answers": [-3]})", "answers[0]", "got -3");
  expect_rejected(R"({"answers": [18446744073709551615]})", "answers[0]", "from 1");
  expect_rejected(R"({"answers": )" + answers_json(61) + "}", "answers", "got 61");
  expect_rejected(R"({"answers": "33333"})", "answers", "must be an array");
  expect_rejected(R"({"answers": null})", "answers", "got null");
  expect_rejected(R"({"form": "long"})", "answers", "answers is required");
}

TEST(ParseRequest, RejectsBadOptionsNamingTheField) {
  const std::string answers = R"("answers": [3], )";
  expect_rejected("{" + answers + R"("form": "medium"})", "form", R"(got "medium")");
  expect_rejected("{" + answers + R"("form": 60})", "form", "got an integer");
  expect_rejected("{" + answers + R"("scope": "all"})", "scope", R"("careers" or "onet")");
  expect_rejected("{" + answers + R"("scope": ["onet"]})", "scope", "got an array");
  expect_rejected("{" + answers + R"("job_zone": 0})", "job_zone", "from 1 to 5, got 0");
  expect_rejected("{" + answers + R"("job_zone": 6})", "job_zone", "got 6");
  expect_rejected("{" + answers + R"("job_zone": 2.5})", "job_zone", "got a number");
  expect_rejected("{" + answers + R"("job_zone": "3"})", "job_zone", "got a string");
  expect_rejected("{" + answers + R"("limit": 0})", "limit", "from 1 to 100");
  expect_rejected("{" + answers + R"("limit": 101})", "limit", "got 101");
  expect_rejected("{" + answers + R"("limits": 5})", "limits", R"(unknown field "limits")");
  expect_rejected("{" + answers + R"("Answers": []})", "Answers", "unknown field");
}

TEST(ParseRequest, RejectsABodyThatIsNotAnObject) {
  expect_rejected("[3, 3, 3]", "", "must be a JSON object, got an array");
  expect_rejected("null", "", "got null");
}

TEST(ParseForm, AcceptsLongAndShortOnly) {
  EXPECT_EQ(parse_form("long"), Form::long_form);
  EXPECT_EQ(parse_form("short"), Form::short_form);
  try {
    parse_form("full");
    FAIL() << "accepted \"full\"";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unprocessable);
    EXPECT_EQ(error.field(), "form");
  }
}

TEST(Evaluate, RejectsAnAnswerCountThatDoesNotFitTheForm) {
  try {
    shipped_finder().evaluate(parse(R"({"form": "short", "answers": )" + answers_json(60) + "}"));
    FAIL() << "accepted 60 answers for the short form";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unprocessable);
    EXPECT_EQ(error.field(), "answers");
    EXPECT_NE(std::string(error.what()).find("30"), std::string::npos) << error.what();
  }
}

TEST(QuestionnaireJson, ListsTheItemsScaleAreasAndCredit) {
  const json::object body = to_json(shipped_finder().questionnaire(), Form::short_form).as_object();
  EXPECT_EQ(body.at("form"), "short");
  EXPECT_EQ(body.at("item_count"), 30);
  const json::array& items = body.at("items").as_array();
  ASSERT_EQ(items.size(), 30u);
  EXPECT_EQ(items[0].at("number"), 1);
  EXPECT_EQ(items[0].at("id"), "R01");
  EXPECT_EQ(items[0].at("area"), "R");
  EXPECT_EQ(items[1].at("id"), "I01");
  EXPECT_EQ(items[29].at("id"), "C09");
  EXPECT_EQ(items[29].at("text").as_string(),
            shipped_finder().questionnaire().items(Form::long_form)[58].text);
  const json::array& scale = body.at("answer_scale").as_array();
  ASSERT_EQ(scale.size(), 5u);
  EXPECT_EQ(scale[0], (json::value{{"value", 1}, {"label", "Strongly dislike"}}));
  EXPECT_EQ(scale[4], (json::value{{"value", 5}, {"label", "Strongly like"}}));
  EXPECT_EQ(body.at("areas").as_array().size(), 6u);
  EXPECT_EQ(body.at("areas").as_array()[3].at("name"), "Social");
  EXPECT_EQ(body.at("job_zones").as_array().size(), 5u);
  EXPECT_EQ(body.at("credit").as_string(), onet_credit);
  EXPECT_EQ(
      to_json(shipped_finder().questionnaire(), Form::long_form).at("items").as_array().size(),
      60u);
}

TEST(ResultJson, CarriesScoresCodeMatchesAndCredit) {
  std::vector<int> answers(60, 1);
  for (std::size_t i = 2; i < 60; i += 12) answers[i] = answers[i + 1] = 5;   // every I item
  for (std::size_t i = 10; i < 60; i += 12) answers[i] = answers[i + 1] = 4;  // every C item
  const Result result = shipped_finder().evaluate(
      {.form = Form::long_form, .answers = answers, .query = {.scope = Scope::onet, .limit = 3}});
  const json::object body = to_json(result).as_object();
  EXPECT_EQ(body.at("scores"),
            (json::value{{"R", 0}, {"I", 40}, {"A", 0}, {"S", 0}, {"E", 0}, {"C", 30}}));
  EXPECT_EQ(body.at("holland_code"), "ICR");
  EXPECT_EQ(body.at("holland_order"), "ICRASE");
  EXPECT_EQ(body.at("clear_pattern"), true);
  EXPECT_TRUE(body.at("message").is_null());
  EXPECT_EQ(body.at("scope"), "onet");
  EXPECT_TRUE(body.at("job_zone").is_null());
  EXPECT_EQ(body.at("limit"), 3);
  EXPECT_EQ(body.at("fit_thresholds"), (json::value{{"best", 0.8}, {"great", 0.6}, {"good", 0.4}}));
  EXPECT_EQ(body.at("considered"), 923);
  EXPECT_EQ(body.at("credit").as_string(), onet_credit);

  const json::array& matches = body.at("matches").as_array();
  ASSERT_EQ(matches.size(), 3u);
  const json::object& first = matches[0].as_object();
  EXPECT_EQ(first.at("rank"), 1);
  EXPECT_FALSE(first.contains("career"));
  EXPECT_EQ(first.at("band"), "best");
  EXPECT_EQ(first.at("r"), result.ranking.matches[0].r);
  EXPECT_EQ(first.at("title"), first.at("occupation").at("title"));
  const std::string code(first.at("occupation").at("onet_soc_code").as_string());
  EXPECT_EQ(first.at("occupation").at("url").as_string(),
            "https://www.onetonline.org/link/summary/" + code);
  const json::object& explanation = first.at("explanation").as_object();
  EXPECT_EQ(explanation.at("areas").as_array().size(), 6u);
  EXPECT_EQ(explanation.at("areas").as_array()[1].at("learner_score"), 40);
  EXPECT_EQ(first.at("drivers"), explanation.at("shared_high"));
  EXPECT_NE(std::string(explanation.at("summary").as_string()).find("r = "), std::string::npos);
}

TEST(ResultJson, NamesTheCareerAndWhyItMapsToItsOccupation) {
  std::vector<int> answers(30, 1);
  for (std::size_t i = 1; i < 30; i += 6) answers[i] = 5;  // I
  for (std::size_t i = 5; i < 30; i += 6) answers[i] = 4;  // C
  const json::value body =
      to_json(shipped_finder().evaluate({.form = Form::short_form, .answers = answers}));
  EXPECT_EQ(body.at("form"), "short");
  EXPECT_EQ(body.at("scope"), "careers");
  const json::object& first = body.at("matches").as_array().at(0).as_object();
  EXPECT_EQ(first.at("title"), first.at("career").at("name"));
  EXPECT_FALSE(first.at("career").at("slug").as_string().empty());
  EXPECT_FALSE(first.at("career").at("mapping_reason").as_string().empty());
}

TEST(ResultJson, FlatAnswersGiveAMessageAndNoMatches) {
  const json::value body = to_json(shipped_finder().evaluate({.answers = std::vector<int>(60, 3)}));
  EXPECT_EQ(body.at("scores"),
            (json::value{{"R", 20}, {"I", 20}, {"A", 20}, {"S", 20}, {"E", 20}, {"C", 20}}));
  EXPECT_EQ(body.at("clear_pattern"), false);
  EXPECT_TRUE(body.at("matches").as_array().empty());
  EXPECT_NE(std::string(body.at("message").as_string()).find("no clear pattern"),
            std::string::npos);
  EXPECT_EQ(body.at("credit").as_string(), onet_credit);
}

}  // namespace
}  // namespace disha::finder
