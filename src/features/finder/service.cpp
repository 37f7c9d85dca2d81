#include "features/finder/service.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "core/random.hpp"
#include "core/time.hpp"
#include "features/finder/json.hpp"

namespace disha::finder {

namespace {

constexpr std::size_t kIdBytes = 16;  // 128 random bits: ids cannot be guessed or enumerated

bool well_formed_id(std::string_view id) {
  return id.size() == kIdBytes * 2 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

boost::json::value FinderService::questionnaire(std::optional<std::string_view> form) const {
  return to_json(finder_.questionnaire(), form ? parse_form(*form) : Form::long_form);
}

boost::asio::awaitable<SavedResult> FinderService::submit(const boost::json::value& body) {
  auto request = parse_request(body);
  auto outcome = finder_.evaluate(request);
  SavedResult saved{random_hex(kIdBytes), utc_timestamp(std::chrono::system_clock::now()), {}};
  auto json = to_json(outcome);
  if (career_details_) {
    for (auto& match : json.as_object()["matches"].as_array()) {
      if (auto* career = match.as_object().if_contains("career"))
        career_details_(career->as_object());
    }
  }
  json.as_object()["id"] = saved.id;
  json.as_object()["created_at"] = saved.created_at;
  saved.result_json = boost::json::serialize(json);
  boost::json::array answers(request.answers.begin(), request.answers.end());
  co_await repository_.save(saved, request.form == Form::short_form ? "short" : "long",
                            boost::json::serialize(answers));
  co_return saved;
}

boost::asio::awaitable<SavedResult> FinderService::result(std::string_view id) {
  if (!well_formed_id(id)) {
    throw Error(ErrorCode::not_found, "no saved career test result with this id", "id");
  }
  auto saved = co_await repository_.find(std::string(id));
  if (!saved) throw Error(ErrorCode::not_found, "no saved career test result with this id", "id");
  co_return *saved;
}

}  // namespace disha::finder
