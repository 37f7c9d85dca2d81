#pragma once
// Documents that parsed and passed validation, by their text: clients send a fixed set of
// queries over and over, so a repeat skips the parser and the validator. Bounded (least
// recently used out first), thread-safe, and holding only documents that validated against the
// one schema it serves, so a hit is ready to execute.
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "graphql/ast.hpp"

namespace disha::graphql {

class DocumentCache {
 public:
  // Documents longer than max_query_bytes are never kept (they are rare and would crowd out
  // the common ones).
  explicit DocumentCache(std::size_t capacity = 512, std::size_t max_query_bytes = 16 * 1024);

  std::shared_ptr<const Document> find(std::string_view query);
  void insert(std::string_view query, std::shared_ptr<const Document> document);
  std::size_t size() const;

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const Document>>;
  std::size_t capacity_;
  std::size_t max_query_bytes_;
  mutable std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // keys view entries_
};

}  // namespace disha::graphql
