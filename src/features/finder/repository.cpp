#include "features/finder/repository.hpp"

namespace disha::finder {

boost::asio::awaitable<void> FinderRepository::save(SavedResult result, std::string form,
                                                    std::string answers_json) {
  co_await database_.write([&](store::Connection& db) {
    db.query(
        "INSERT INTO career_test_results (id, created_at, form, answers, result) "
        "VALUES ($1, $2, $3, $4, $5)",
        result.id, result.created_at, form, answers_json, result.result_json);
  });
}

boost::asio::awaitable<std::optional<SavedResult>> FinderRepository::find(std::string id) {
  return database_.read([id = std::move(id)](store::Connection& db) -> std::optional<SavedResult> {
    auto rows =
        db.query("SELECT id, created_at, result FROM career_test_results WHERE id = $1", id);
    if (rows.empty()) return std::nullopt;
    return SavedResult{rows[0].get<std::string>("id"), rows[0].get<std::string>("created_at"),
                       rows[0].get<std::string>("result")};
  });
}

}  // namespace disha::finder
