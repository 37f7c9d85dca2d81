#pragma once
// Serves a fixed whitelist of files from one directory (GraphiQL's bundles, say). Every file is
// read once at construction, so a missing file stops the server at start rather than failing a
// request later, and only listed names are ever answered: a request cannot reach another file.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/types.hpp"

namespace disha::http {

struct Asset {
  std::string name;            // as requested: "graphiql.min.js"
  std::filesystem::path path;  // relative to the directory: "graphiql/graphiql.min.js"
  std::string content_type;    // "text/javascript; charset=utf-8"
};

class StaticFiles {
 public:
  // Throws disha::Error (internal) naming the file when one cannot be read, and
  // std::invalid_argument when two assets share a name.
  StaticFiles(std::filesystem::path dir, std::vector<Asset> assets);

  // The named asset with a strong ETag and a day of public caching, or 304 when If-None-Match
  // already holds the ETag. Throws disha::Error (not_found) for a name not on the list.
  Response serve(std::string_view name, const Request& request) const;

  // A handler serving the asset named by the route parameter `param` ("/assets/{name}"). It
  // shares the loaded files, so it may outlive this object.
  Handler handler(std::string param) const;

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::uint64_t digest;
  };
  // Immutable after construction, hence safe to read from every I/O thread.
  std::shared_ptr<const std::map<std::string, File, std::less<>>> files_;
};

}  // namespace disha::http
