#include "features/compare/rest.hpp"

#include <fmt/format.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/csv.hpp"
#include "features/catalog/json.hpp"
#include "features/compare/json.hpp"
#include "http/conditional.hpp"
#include "http/response.hpp"

namespace disha::compare {

namespace {

namespace json = boost::json;
using catalog::EntityKind;
using catalog::Snapshot;

constexpr std::string_view kCacheControl = "no-cache";
constexpr std::string_view kNotDisclosed = "not disclosed";

std::string name_of(const Snapshot& snapshot, EntityKind kind, std::uint32_t index) {
  if (kind == EntityKind::university) return snapshot.data().universities[index].name;
  const auto& programme = snapshot.data().programmes[index];
  return programme.name + " — " + snapshot.data().universities[snapshot.university_of(index)].name;
}

std::string display(const catalog::FactorDefinition& factor, const Cell& cell) {
  if (!cell.value) return std::string(kNotDisclosed);
  auto value = catalog::value_json(factor, &*cell.value);
  std::string text = value.is_string() ? std::string(value.as_string())
                     : value.is_bool() ? (value.as_bool() ? "yes" : "no")
                                       : fmt::format("{}", value.to_number<double>());
  if (cell.value->qualifier) text += " (" + *cell.value->qualifier + ")";
  return cell.best ? text + " *" : text;
}

std::string comparison_csv(const Snapshot& snapshot, const Comparison& comparison) {
  std::string csv;
  std::vector<std::string> header{"group", "factor", "unit"};
  for (auto index : comparison.entities)
    header.push_back(name_of(snapshot, comparison.kind, index));
  append_csv_row(csv, header);
  for (const auto& group : comparison.groups) {
    for (const auto& row : group.rows) {
      std::vector<std::string> line{std::string(catalog::to_string(group.group)), row.factor->label,
                                    row.factor->unit};
      for (const auto& cell : row.cells) line.push_back(display(*row.factor, cell));
      append_csv_row(csv, line);
    }
  }
  if (!comparison.scores.empty()) {
    std::vector<std::string> scores{"score", "weighted score (0-100)", ""};
    std::vector<std::string> coverage{"score", "weight disclosed", "%"};
    for (const auto& score : comparison.scores) {
      scores.push_back(score.score ? fmt::format("{:.1f}", *score.score)
                                   : std::string(kNotDisclosed));
      coverage.push_back(fmt::format("{:.0f}", score.coverage * 100));
    }
    append_csv_row(csv, scores);
    append_csv_row(csv, coverage);
  }
  append_csv_row(csv, std::vector<std::string>{"", "* best in its row", ""});
  return csv;
}

bool wants_csv(const http::Request& request) {
  auto accept = request[boost::beast::http::field::accept];
  return accept.find("text/csv") != std::string_view::npos;
}

}  // namespace

void add_routes(http::Router& router, catalog::CatalogService& catalog,
                DistributionCache& distributions) {
  router.add(
      http::Method::get, "/api/v1/compare",
      [&catalog, &distributions](http::Context& context) -> boost::asio::awaitable<http::Response> {
        auto snapshot = catalog.snapshot();
        std::optional<std::string_view> universities, programmes, weights;
        for (const auto& [name, value] : context.query.items()) {
          auto* slot = name == "universities" ? &universities
                       : name == "programmes" ? &programmes
                       : name == "weights"    ? &weights
                                              : nullptr;
          if (!slot) throw Error(ErrorCode::bad_request, name + ": unknown parameter", name);
          if (*slot) throw Error(ErrorCode::bad_request, name + ": given more than once", name);
          *slot = value;
        }
        if (universities.has_value() == programmes.has_value()) {
          throw Error(ErrorCode::bad_request,
                      "universities: give either universities=… or programmes=…", "universities");
        }
        auto etag = http::entity_tag(snapshot->digest(), context.request);
        if (auto not_modified = http::not_modified(context.request, etag, kCacheControl)) {
          co_return std::move(*not_modified);
        }
        const auto kind = universities ? EntityKind::university : EntityKind::programme;
        auto comparison =
            compare(snapshot, distributions, kind, universities ? *universities : *programmes,
                    universities ? "universities" : "programmes", weights.value_or(""));
        auto response =
            wants_csv(context.request)
                ? http::text_response(http::Status::ok, comparison_csv(*snapshot, comparison),
                                      "text/csv; charset=utf-8")
                : http::json_response(http::Status::ok,
                                      comparison_json(*snapshot, comparison, context.request.target()));
        http::set_validators(response, etag, kCacheControl);
        co_return response;
      },
      {.policy = http::Policy::public_access()});
}

}  // namespace disha::compare
