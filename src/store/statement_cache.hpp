#pragma once
// A connection's prepared statements by key, least recently used evicted first, so that
// generated SQL (filters, IN lists of varying length) cannot grow a connection without bound.
#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace disha::store {

template <class Statement>
class StatementCache {
 public:
  explicit StatementCache(std::size_t capacity) : capacity_(capacity) {}

  Statement* find(std::string_view key) {
    auto found = index_.find(key);
    if (found == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, found->second);
    return &found->second->second;
  }

  // Returns the evicted statement, if any, for the caller to dispose of.
  std::optional<Statement> insert(std::string key, Statement statement) {
    entries_.emplace_front(std::move(key), std::move(statement));
    index_.emplace(entries_.front().first, entries_.begin());
    if (entries_.size() <= capacity_) return std::nullopt;
    auto& oldest = entries_.back();
    index_.erase(oldest.first);
    std::optional<Statement> evicted(std::move(oldest.second));
    entries_.pop_back();
    return evicted;
  }

  void clear() {
    index_.clear();
    entries_.clear();
  }
  std::size_t size() const noexcept { return entries_.size(); }

 private:
  using Entries = std::list<std::pair<std::string, Statement>>;
  std::size_t capacity_;
  Entries entries_;
  // Keys view the strings held by entries_, whose nodes never move.
  std::unordered_map<std::string_view, typename Entries::iterator> index_;
};

}  // namespace disha::store
