#include "features/finder/json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "features/finder/onet_data.hpp"

namespace disha::finder {
namespace {

namespace json = boost::json;

constexpr std::string_view instructions =
    "For each activity, choose how much you would enjoy doing it as part of your work. Leave "
    "aside the pay and the training it needs: only your liking counts. Answer every item.";
constexpr std::string_view onet_summary_url = "https://www.onetonline.org/link/summary/";

[[noreturn]] void reject(std::string field, std::string message) {
  throw Error(ErrorCode::unprocessable, std::move(message), std::move(field));
}

std::string_view kind_name(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
      return "an integer";
    case json::kind::double_:
      return "a number with a fraction or exponent";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "a value";
}

// An integer in JSON (no fraction, no exponent); values past int64 become its maximum, which
// every range check here rejects.
std::int64_t integer(const json::value& value, const std::string& field, std::string_view rule) {
  if (value.is_int64()) return value.get_int64();
  if (value.is_uint64()) {
    constexpr auto max = std::numeric_limits<std::int64_t>::max();
    return value.get_uint64() > static_cast<std::uint64_t>(max)
               ? max
               : static_cast<std::int64_t>(value.get_uint64());
  }
  reject(field, fmt::format("{} must be {}, got {}", field, rule, kind_name(value)));
}

std::string_view string(const json::value& value, const std::string& field, std::string_view rule) {
  if (!value.is_string()) {
    reject(field, fmt::format("{} must be {}, got {}", field, rule, kind_name(value)));
  }
  return value.get_string();
}

constexpr std::string_view form_rule = "\"long\" or \"short\"";
constexpr std::string_view scope_rule = "\"careers\" or \"onet\"";
// The members a request may hold besides "answers"; null leaves their defaults.
constexpr std::array<std::string_view, 4> optional_fields = {"form", "job_zone", "scope", "limit"};

template <typename Enum>
Enum parse_enum(std::string_view text, const std::string& field, std::string_view rule,
                std::optional<Enum> (*from_string)(std::string_view) noexcept) {
  const std::optional<Enum> parsed = from_string(text);
  if (!parsed) reject(field, fmt::format("{} must be {}, got \"{}\"", field, rule, text));
  return *parsed;
}

std::vector<int> parse_answers(const json::value& value) {
  const std::string rule = fmt::format("an integer from {} to {}", min_answer, max_answer);
  if (!value.is_array()) {
    reject("answers", fmt::format("answers must be an array of integers from {} to {}, got {}",
                                  min_answer, max_answer, kind_name(value)));
  }
  const json::array& items = value.get_array();
  // The exact count depends on the form and is checked when scoring; this bound keeps a huge
  // array from being walked at all.
  if (items.size() > long_form_items) {
    reject("answers", fmt::format("answers must hold {} values (long form) or {} (short form), "
                                  "got {}",
                                  long_form_items, short_form_items, items.size()));
  }
  std::vector<int> answers;
  answers.reserve(items.size());
  for (std::size_t position = 0; position < items.size(); ++position) {
    const std::int64_t answer =
        integer(items[position], fmt::format("answers[{}]", position), rule);
    check_answer(answer, position);
    answers.push_back(static_cast<int>(answer));
  }
  return answers;
}

// To thousandths for display; dividing by 1000 gives the double nearest the decimal.
double to_thousandths(double value) {
  return std::round(value * 1000) / 1000;
}

json::object scores_json(const AreaScores& scores) {
  json::object object;
  for (Area area : all_areas) object[std::string(1, letter(area))] = scores[index(area)];
  return object;
}

// Built with reserve and emplace rather than initializer lists: value_ref copies nested arrays,
// and a response holds up to 100 of these.
json::object match_json(const Match& match, std::size_t rank) {
  const Occupation& occupation = *match.occupation;
  const Explanation& why = match.explanation;

  json::array areas;
  areas.reserve(area_count);
  for (const AreaComparison& comparison : why.areas) {
    json::object area;
    area.reserve(4);
    area.emplace("area", std::string(1, letter(comparison.area)));
    area.emplace("learner_score", comparison.learner_score);
    area.emplace("occupation_level", comparison.occupation_level);
    area.emplace("contribution", to_thousandths(comparison.contribution));
    areas.emplace_back(std::move(area));
  }
  json::object explanation;
  explanation.reserve(5);
  explanation.emplace("summary", why.summary);
  explanation.emplace("areas", std::move(areas));
  explanation.emplace("shared_high", letters(why.shared_high));
  explanation.emplace("shared_low", letters(why.shared_low));
  explanation.emplace("opposed", letters(why.opposed));

  json::object object;
  object.reserve(9);
  object.emplace("rank", rank);
  object.emplace("title", match.title());
  if (match.career) {
    object.emplace("career", json::object{{"slug", match.career->slug},
                                          {"name", match.career->name},
                                          {"mapping_reason", match.career->reason}});
  }
  object.emplace("occupation",
                 json::object{{"onet_soc_code", occupation.code},
                              {"title", occupation.title},
                              {"job_zone", occupation.job_zone},
                              {"job_zone_name", job_zone_name(occupation.job_zone)},
                              {"url", fmt::format("{}{}", onet_summary_url, occupation.code)}});
  object.emplace("r", match.r);
  object.emplace("band", to_string(match.band));
  object.emplace("drivers", letters(why.shared_high));
  object.emplace("explanation", std::move(explanation));
  return object;
}

}  // namespace

Form parse_form(std::string_view text) {
  return parse_enum(text, "form", form_rule, form_from_string);
}

Request parse_request(const json::value& body) {
  if (!body.is_object()) {
    reject("", fmt::format("the request body must be a JSON object, got {}", kind_name(body)));
  }
  Request request;
  bool has_answers = false;
  for (const auto& [key, value] : body.get_object()) {
    const std::string field(key);
    if (key == "answers") {
      request.answers = parse_answers(value);
      has_answers = true;
      continue;
    }
    if (std::find(optional_fields.begin(), optional_fields.end(), key) == optional_fields.end()) {
      reject(field, fmt::format("unknown field \"{}\"; the fields are answers, form, job_zone, "
                                "scope and limit",
                                field));
    }
    if (value.is_null()) continue;
    if (key == "form") {
      request.form = parse_form(string(value, field, form_rule));
    } else if (key == "scope") {
      request.query.scope =
          parse_enum(string(value, field, scope_rule), field, scope_rule, scope_from_string);
    } else if (key == "job_zone") {
      const std::int64_t job_zone = integer(value, field, "an integer from 1 to 5");
      check_job_zone(job_zone);
      request.query.job_zone = static_cast<int>(job_zone);
    } else {
      const std::int64_t limit =
          integer(value, field, fmt::format("an integer from 1 to {}", max_limit));
      check_limit(limit);
      request.query.limit = static_cast<int>(limit);
    }
  }
  if (!has_answers) {
    reject("answers", "answers is required: one integer from 1 to 5 per item, in item order");
  }
  return request;
}

json::value to_json(const Questionnaire& questionnaire, Form form) {
  json::array scale;
  for (const AnswerOption& option : answer_scale) {
    scale.push_back({{"value", option.value}, {"label", option.label}});
  }
  json::array areas;
  for (Area area : all_areas) {
    areas.push_back({{"letter", std::string(1, letter(area))},
                     {"name", name(area)},
                     {"description", description(area)}});
  }
  json::array zones;
  for (int zone = min_job_zone; zone <= max_job_zone; ++zone) {
    zones.push_back({{"job_zone", zone}, {"name", job_zone_name(zone)}});
  }
  json::array items;
  std::size_t number = 0;
  for (const Item& item : questionnaire.items(form)) {
    items.push_back({{"number", ++number},
                     {"id", item.id},
                     {"area", std::string(1, letter(item.area))},
                     {"text", item.text}});
  }
  return {{"form", to_string(form)},      {"item_count", item_count(form)},
          {"instructions", instructions}, {"answer_scale", std::move(scale)},
          {"areas", std::move(areas)},    {"job_zones", std::move(zones)},
          {"items", std::move(items)},    {"credit", onet_credit}};
}

json::value to_json(const Result& result) {
  const Ranking& ranking = result.ranking;
  const std::string order = letters(result.holland_order);
  json::object thresholds;
  for (const FitThreshold& threshold : fit_thresholds) {
    thresholds[to_string(threshold.band)] = threshold.min_r_milli / 1000.0;
  }
  json::array matches;
  matches.reserve(ranking.matches.size());
  for (std::size_t i = 0; i < ranking.matches.size(); ++i) {
    matches.push_back(match_json(ranking.matches[i], i + 1));
  }
  json::value job_zone = nullptr;
  if (result.query.job_zone) job_zone = *result.query.job_zone;
  json::value message = nullptr;
  if (!ranking.message.empty()) message = ranking.message;

  return {{"form", to_string(result.form)},
          {"scores", scores_json(result.scores)},
          {"max_score", max_area_score},
          {"holland_code", order.substr(0, holland_code_letters)},
          {"holland_order", order},
          {"clear_pattern", ranking.clear_pattern},
          {"message", std::move(message)},
          {"scope", to_string(result.query.scope)},
          {"job_zone", std::move(job_zone)},
          {"limit", result.query.limit},
          {"fit_thresholds", std::move(thresholds)},
          {"considered", ranking.considered},
          {"matched", ranking.matched},
          {"matches", std::move(matches)},
          {"credit", onet_credit}};
}

}  // namespace disha::finder
