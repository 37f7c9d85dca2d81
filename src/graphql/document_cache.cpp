#include "graphql/document_cache.hpp"

namespace disha::graphql {

DocumentCache::DocumentCache(std::size_t capacity, std::size_t max_query_bytes)
    : capacity_(capacity), max_query_bytes_(max_query_bytes) {}

std::shared_ptr<const Document> DocumentCache::find(std::string_view query) {
  if (query.size() > max_query_bytes_) return nullptr;
  std::lock_guard lock(mutex_);
  auto found = index_.find(query);
  if (found == index_.end()) return nullptr;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->second;
}

void DocumentCache::insert(std::string_view query, std::shared_ptr<const Document> document) {
  if (query.size() > max_query_bytes_ || capacity_ == 0) return;
  std::lock_guard lock(mutex_);
  if (index_.contains(query)) return;
  entries_.emplace_front(std::string(query), std::move(document));
  index_.emplace(entries_.front().first, entries_.begin());
  if (entries_.size() > capacity_) {
    index_.erase(entries_.back().first);
    entries_.pop_back();
  }
}

std::size_t DocumentCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace disha::graphql
