#pragma once
// The Career Finder feature: the questionnaire, scoring a learner's answers with the pure engine,
// and saving the result under an opaque id.
#include <boost/json/value.hpp>
#include <optional>
#include <string_view>

#include "features/finder/finder.hpp"
#include "features/finder/repository.hpp"

namespace disha::finder {

class FinderService {
 public:
  FinderService(const Finder& finder, FinderRepository& repository)
      : finder_(finder), repository_(repository) {}

  // GET /api/v1/career-test?form=…; an absent form means the long form.
  boost::json::value questionnaire(std::optional<std::string_view> form) const;
  // Scores, ranks and saves; the result carries its id and created_at.
  boost::asio::awaitable<SavedResult> submit(const boost::json::value& body);
  // Throws not_found for an unknown or malformed id.
  boost::asio::awaitable<SavedResult> result(std::string_view id);

 private:
  const Finder& finder_;
  FinderRepository& repository_;
};

}  // namespace disha::finder
