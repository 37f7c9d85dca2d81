#pragma once
#include <optional>
#include <string>

#include "store/async_database.hpp"

namespace disha::finder {

struct SavedResult {
  std::string id;
  std::string created_at;
  std::string result_json;  // the response body as it was first answered
};

class FinderRepository {
 public:
  explicit FinderRepository(store::AsyncDatabase& database) : database_(database) {}

  boost::asio::awaitable<void> save(SavedResult result, std::string form, std::string answers_json);
  boost::asio::awaitable<std::optional<SavedResult>> find(std::string id);

 private:
  store::AsyncDatabase& database_;
};

}  // namespace disha::finder
