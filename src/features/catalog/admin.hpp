#pragma once
// The catalogue's admin writes, shared by the REST and GraphQL bindings so both check and do
// exactly the same: each parses and validates its input (422 naming the field), refuses what
// would conflict (409) or is missing (404), and writes in one transaction together with its
// audit record (before and after), attributed to `actor`. The caller checks the role first.
#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>

#include "features/catalog/service.hpp"

namespace disha::catalog {

using Table = CatalogWriter::Table;

// Returns the new entity's key (slug, or code for a factor).
boost::asio::awaitable<std::string> create_entity(CatalogService& service, Table table,
                                                  const boost::json::object& body,
                                                  std::int64_t actor);
boost::asio::awaitable<void> update_entity(CatalogService& service, Table table,
                                           const std::string& key, const boost::json::object& body,
                                           std::int64_t actor);
boost::asio::awaitable<void> remove_entity(CatalogService& service, Table table,
                                           const std::string& key, std::int64_t actor);
// One factor value of a university or programme.
boost::asio::awaitable<void> set_value(CatalogService& service, EntityKind owner,
                                       const std::string& key, const std::string& code,
                                       const boost::json::object& body, std::int64_t actor);
boost::asio::awaitable<void> remove_value(CatalogService& service, EntityKind owner,
                                          const std::string& key, const std::string& code,
                                          std::int64_t actor);

}  // namespace disha::catalog
