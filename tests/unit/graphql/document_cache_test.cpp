// The document cache keeps the most recently used documents, up to its capacity, and never the
// long ones.
#include "graphql/document_cache.hpp"

#include <gtest/gtest.h>

#include "graphql/parser.hpp"

namespace disha::graphql {
namespace {

std::shared_ptr<const Document> parsed(const std::string& text) { return std::make_shared<Document>(parse(text)); }

TEST(DocumentCache, FindsWhatWasInsertedByItsText) {
  DocumentCache cache;
  auto document = parsed("{ a }");
  cache.insert("{ a }", document);
  EXPECT_EQ(cache.find("{ a }"), document);
  EXPECT_EQ(cache.find("{a}"), nullptr);  // the text is the key, not the meaning
}

TEST(DocumentCache, EvictsTheLeastRecentlyUsed) {
  DocumentCache cache(2);
  cache.insert("{ a }", parsed("{ a }"));
  cache.insert("{ b }", parsed("{ b }"));
  ASSERT_NE(cache.find("{ a }"), nullptr);  // now { b } is the least recently used
  cache.insert("{ c }", parsed("{ c }"));
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_NE(cache.find("{ a }"), nullptr);
  EXPECT_EQ(cache.find("{ b }"), nullptr);
  EXPECT_NE(cache.find("{ c }"), nullptr);
}

TEST(DocumentCache, KeepsNoLongDocuments) {
  DocumentCache cache(8, 10);
  cache.insert("{ a b c d e }", parsed("{ a b c d e }"));
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.find("{ a b c d e }"), nullptr);
}

TEST(DocumentCache, InsertingTwiceKeepsTheFirst) {
  DocumentCache cache;
  auto first = parsed("{ a }");
  cache.insert("{ a }", first);
  cache.insert("{ a }", parsed("{ a }"));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.find("{ a }"), first);
}

}  // namespace
}  // namespace disha::graphql
