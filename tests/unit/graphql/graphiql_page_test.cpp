#include "graphql/graphiql_page.hpp"

#include <gtest/gtest.h>

#include <string>

namespace disha::graphql {
namespace {

TEST(GraphiqlPage, LoadsEveryAssetFromTheBaseAndNamesTheEndpoint) {
  const auto page = graphiql_page("/graphql", "/graphql/assets");
  for (const char* tag :
       {R"(<link rel="stylesheet" href="/graphql/assets/graphiql.min.css">)",
        R"(<script src="/graphql/assets/react.production.min.js">)",
        R"(<script src="/graphql/assets/react-dom.production.min.js">)",
        R"(<script src="/graphql/assets/graphiql.min.js">)",
        R"(<script src="/graphql/assets/graphiql-init.js">)", R"(data-endpoint="/graphql")"}) {
    EXPECT_NE(page.find(tag), std::string::npos) << tag;
  }
  // React before ReactDOM before GraphiQL before the script that uses all three.
  EXPECT_LT(page.find("react.production"), page.find("react-dom.production"));
  EXPECT_LT(page.find("react-dom.production"), page.find("graphiql.min.js"));
  EXPECT_LT(page.find("graphiql.min.js"), page.find("graphiql-init.js"));
}

TEST(GraphiqlPage, NothingComesFromElsewhereOrRunsInline) {
  const auto page = graphiql_page("/graphql", "/assets");
  EXPECT_EQ(page.find("http"), std::string::npos);
  EXPECT_EQ(page.find("//"), std::string::npos);
  EXPECT_EQ(page.find("<script>"), std::string::npos);
  EXPECT_EQ(page.find("<style"), std::string::npos);
  EXPECT_EQ(page.find("style="), std::string::npos);
}

TEST(GraphiqlPage, EscapesWhatItInterpolates) {
  const auto page = graphiql_page(R"(/g"><script>alert('x')</script>&)", R"(/a"'<)");
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_NE(
      page.find(
          R"(data-endpoint="/g&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;")"),
      std::string::npos);
  EXPECT_NE(page.find(R"(src="/a&quot;&#39;&lt;/graphiql.min.js")"), std::string::npos);
}

}  // namespace
}  // namespace disha::graphql
