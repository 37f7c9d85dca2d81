#include "graphql/graphiql_page.hpp"

#include <fmt/format.h>

namespace disha::graphql {

namespace {

// Safe both in text and in a double- or single-quoted attribute.
std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string graphiql_page(std::string_view endpoint, std::string_view assets_base) {
  return fmt::format(R"(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{base}/graphiql.min.css">
</head>
<body>
<div id="graphiql" data-endpoint="{endpoint}">Loading GraphiQL...</div>
<script src="{base}/react.production.min.js"></script>
<script src="{base}/react-dom.production.min.js"></script>
<script src="{base}/graphiql.min.js"></script>
<script src="{base}/graphiql-init.js"></script>
</body>
</html>
)",
                     fmt::arg("base", escape_html(assets_base)),
                     fmt::arg("endpoint", escape_html(endpoint)));
}

}  // namespace disha::graphql
