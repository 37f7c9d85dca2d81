#pragma once
// The GraphiQL IDE page served at the GraphQL endpoint to browsers. Everything it loads comes
// from assets_base, never a CDN:
//   react.production.min.js      react/umd/react.production.min.js
//   react-dom.production.min.js  react-dom/umd/react-dom.production.min.js
//   graphiql.min.js              graphiql/graphiql.min.js
//   graphiql.min.css             graphiql/graphiql.min.css
//   graphiql-init.js             graphiql-init.js (web/graphiql/graphiql-init.js, copied there)
// (paths relative to the npm install the build makes, DISHA_GRAPHIQL_DIR). The page holds no
// inline script or style, so it runs under a Content-Security-Policy of default-src 'self';
// graphiql-init.js reads the endpoint from the page.
#include <string>
#include <string_view>

namespace disha::graphql {

// endpoint: the URL GraphiQL posts to ("/graphql"); assets_base: the URL prefix of the files
// above, without a trailing slash ("/graphql/assets"). Both are HTML-escaped.
std::string graphiql_page(std::string_view endpoint, std::string_view assets_base);

}  // namespace disha::graphql
