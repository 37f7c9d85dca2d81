#include "features/roi/programme_rest.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>
#include <map>

#include "features/catalog/json.hpp"
#include "features/roi/engine.hpp"
#include "features/roi/json.hpp"
#include "http/response.hpp"

namespace disha::roi {

namespace {

namespace json = boost::json;
using catalog::EntityKind;

// Query parameters a learner may add, and where each goes in the POST /api/v1/roi request.
struct QueryInput {
  std::string_view parameter;
  std::string_view object;  // empty: top level
  std::string_view member;
  enum class Kind { number, integer, text, boolean } kind;
};
constexpr QueryInput kQueryInputs[] = {
    {"study_mode", "", "study_mode", QueryInput::Kind::text},
    {"method", "", "method", QueryInput::Kind::text},
    {"fee_total_inr", "cost", "total_fee_inr", QueryInput::Kind::number},
    {"scholarship_inr", "cost", "scholarship_inr", QueryInput::Kind::number},
    {"subsidy_inr", "cost", "subsidy_inr", QueryInput::Kind::number},
    {"other_costs_inr", "cost", "other_costs_inr", QueryInput::Kind::number},
    {"loan_amount_inr", "financing", "loan_amount_inr", QueryInput::Kind::number},
    {"interest_rate", "financing", "interest_rate", QueryInput::Kind::number},
    {"tenure_months", "financing", "tenure_months", QueryInput::Kind::integer},
    {"current_salary_inr", "counterfactual", "current_salary_inr", QueryInput::Kind::number},
    {"placement_probability", "earnings", "placement_probability", QueryInput::Kind::number},
    {"months_to_first_job", "earnings", "months_to_first_job", QueryInput::Kind::integer},
    {"completion_probability", "completion", "probability", QueryInput::Kind::number},
    {"tax", "tax", "enabled", QueryInput::Kind::boolean},
    {"monte_carlo_paths", "monte_carlo", "paths", QueryInput::Kind::integer},
};

[[noreturn]] void refuse(std::string_view parameter, const std::string& why) {
  throw Error(ErrorCode::bad_request, std::string(parameter) + ": " + why, std::string(parameter));
}

json::value query_value(const QueryInput& input, const std::string& text) {
  switch (input.kind) {
    case QueryInput::Kind::text:
      return json::string(text);
    case QueryInput::Kind::boolean:
      if (text == "true") return true;
      if (text == "false") return false;
      refuse(input.parameter, "must be true or false");
    case QueryInput::Kind::integer: {
      std::int64_t value = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
        refuse(input.parameter, "must be a whole number");
      }
      return value;
    }
    case QueryInput::Kind::number:
      break;
  }
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value)) {
    refuse(input.parameter, "must be a number");
  }
  return value;
}

json::object& member_object(json::object& request, std::string_view name) {
  auto& slot = request[name];
  if (!slot.is_object()) slot = json::object();
  return slot.as_object();
}

// The career whose salaries the analysis uses: the one asked for, else the programme's only one.
const catalog::Career& career_for(const catalog::Snapshot& snapshot, const catalog::Programme& p,
                                  const http::Context& context) {
  auto asked = context.query.get("career");
  if (!asked && p.career_slugs.size() != 1) {
    refuse("career", "name the career whose salaries to use (this programme leads to " +
                         std::to_string(p.career_slugs.size()) + ")");
  }
  auto slug = asked ? *asked : std::string_view(p.career_slugs.front());
  auto index = snapshot.find_career(slug);
  if (!index) refuse("career", "no career '" + std::string(slug) + "'");
  const auto& career = snapshot.data().careers[*index];
  if (career.salary_bands.empty()) refuse("career", career.slug + " has no salary data");
  return career;
}

// The POST /api/v1/roi request the catalogue implies, with the learner's query on top; the
// names of the inputs that came from the catalogue.
std::pair<json::object, json::array> build_request(const catalog::Snapshot& snapshot,
                                                   std::uint32_t index,
                                                   const catalog::Career& career,
                                                   const http::Context& context) {
  const auto& p = snapshot.data().programmes[index];
  json::object request;
  json::array from_catalogue;
  // Online and distance programmes are usually taken while working.
  request["study_mode"] =
      p.mode == "online" || p.mode == "distance" ? "while_working" : "full_time";
  // No reference into `request` is kept across insertions: they may move its members.
  if (p.fee_total_inr) {
    member_object(request, "cost")["total_fee_inr"] = *p.fee_total_inr;
    from_catalogue.emplace_back("cost.total_fee_inr");
  }
  if (!p.duration_months) refuse("programme", "this programme does not disclose its duration");
  member_object(request, "cost")["duration_months"] = *p.duration_months;
  from_catalogue.emplace_back("cost.duration_months");
  json::array bands;
  for (const auto& band : career.salary_bands) {
    bands.push_back({{"years_min", band.years_min},
                     {"years_max", band.years_max.value_or(band.years_min)},
                     {"salary_inr", band.salary_inr}});
  }
  member_object(request, "earnings")["salary_bands"] = std::move(bands);
  from_catalogue.emplace_back("earnings.salary_bands");
  if (const auto* placement = snapshot.factor("placement")) {
    if (auto value = snapshot.factor_value(EntityKind::programme, index, *placement)) {
      // A percentage with one decimal becomes a fraction without binary noise.
      member_object(request, "earnings")["placement_probability"] =
          std::round(*value->number * 10.0) / 1000.0;
      from_catalogue.emplace_back("earnings.placement_probability");
    }
  }

  for (const auto& [name, text] : context.query.items()) {
    if (name == "career") continue;
    const auto* input = std::find_if(std::begin(kQueryInputs), std::end(kQueryInputs),
                                     [&](const QueryInput& q) { return q.parameter == name; });
    if (input == std::end(kQueryInputs)) refuse(name, "unknown parameter");
    auto value = query_value(*input, text);
    if (input->object.empty()) {
      request[input->member] = std::move(value);
    } else {
      member_object(request, input->object)[input->member] = std::move(value);
    }
  }
  if (!member_object(request, "cost").contains("total_fee_inr")) {
    refuse("fee_total_inr", "this programme does not disclose its fee; give fee_total_inr");
  }
  return {std::move(request), std::move(from_catalogue)};
}

// The engine names request paths; a learner typed query parameters.
Error with_query_names(const Error& error) {
  for (const auto& input : kQueryInputs) {
    std::string path = input.object.empty()
                           ? std::string(input.member)
                           : std::string(input.object) + "." + std::string(input.member);
    if (error.field() == path)
      return Error(error.code(), error.what(), std::string(input.parameter));
  }
  return error;
}

}  // namespace

void add_programme_routes(http::Router& router, store::WorkerPool& workers,
                          catalog::CatalogService& catalog) {
  router.add(
      http::Method::get, "/api/v1/programmes/{key}/roi",
      [&workers, &catalog](http::Context& context) -> boost::asio::awaitable<http::Response> {
        auto snapshot = catalog.snapshot();
        auto key = context.param("key");
        auto index = snapshot->find(EntityKind::programme, key);
        if (!index) {
          throw Error(ErrorCode::not_found, "no programme '" + std::string(key) + "'");
        }
        const auto& career = career_for(*snapshot, snapshot->data().programmes[*index], context);
        auto [request_json, from_catalogue] = build_request(*snapshot, *index, career, context);
        RoiRequest request;
        try {
          request = parse_roi_request(request_json);
        } catch (const Error& error) {
          throw with_query_names(error);
        }
        json::object context_json{{"programme", catalog::programme_json(*snapshot, *index)},
                                  {"career", {{"slug", career.slug}, {"name", career.name}}},
                                  {"inputs_from_catalogue", std::move(from_catalogue)},
                                  {"request", std::move(request_json)}};
        auto analyse = [request = std::move(request), context_json = std::move(context_json)] {
          auto body = context_json;
          try {
            auto result = compute_roi(request);
            boost::json::monotonic_resource arena;
            body["roi"] = to_json(result, &arena);
          } catch (const Error& error) {
            throw with_query_names(error);
          }
          return json::serialize(body);
        };
        auto body = co_await workers.run(std::move(analyse));
        co_return http::text_response(http::Status::ok, std::move(body), http::kJson);
      },
      {.policy = http::Policy::public_access()});
}

}  // namespace disha::roi
