#pragma once
#include <cstdint>
#include <string>

namespace disha::meta {

struct MetaInfo {
  std::string version;
  std::string database;  // "sqlite" or "postgres"
  int schema_version = 0;
  std::string server_time;  // RFC 3339, UTC
};

struct Ping {
  std::int64_t id = 0;
  std::string msg;
  std::string created_at;  // RFC 3339, UTC
};

}  // namespace disha::meta
