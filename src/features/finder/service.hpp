#pragma once
// The Career Finder feature: the questionnaire, scoring a learner's answers with the pure engine,
// and saving the result under an opaque id.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string_view>

#include "features/finder/finder.hpp"
#include "features/finder/repository.hpp"

namespace disha::finder {

class FinderService {
 public:
  // Adds what the catalogue knows (salary bands, programmes) to a matched career's object,
  // which holds at least its "slug". The finder knows no catalogue: the app wires this in.
  using CareerDetails = std::function<void(boost::json::object& career)>;

  FinderService(const Finder& finder, FinderRepository& repository,
                CareerDetails career_details = {})
      : finder_(finder), repository_(repository), career_details_(std::move(career_details)) {}

  // GET /api/v1/career-test?form=…; an absent form means the long form.
  boost::json::value questionnaire(std::optional<std::string_view> form) const;
  // Scores, ranks and saves; the result carries its id and created_at.
  boost::asio::awaitable<SavedResult> submit(const boost::json::value& body);
  // Throws not_found for an unknown or malformed id.
  boost::asio::awaitable<SavedResult> result(std::string_view id);

 private:
  const Finder& finder_;
  FinderRepository& repository_;
  CareerDetails career_details_;
};

}  // namespace disha::finder
