#include "features/catalog/text_index.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace disha::catalog {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// Document i has names[i] as its only field.
TextIndex index_of(const std::vector<std::string_view>& names) {
  TextIndex::Builder builder;
  for (std::uint32_t doc = 0; doc < names.size(); ++doc) {
    const TextField name{names[doc]};
    builder.add(doc, {&name, 1});
  }
  return std::move(builder).build();
}

std::vector<std::uint32_t> docs_of(const std::vector<TextIndex::Hit>& hits) {
  std::vector<std::uint32_t> docs;
  for (const TextIndex::Hit& hit : hits) docs.push_back(hit.doc);
  return docs;
}

std::vector<std::uint32_t> found(const TextIndex& index, std::string_view query) {
  return docs_of(index.search(query));
}

void expect_rejected(const TextIndex& index, std::string_view query) {
  try {
    index.search(query);
    ADD_FAILURE() << "accepted: " << query;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::unprocessable);
    EXPECT_EQ(error.field(), "q");
  }
}

// --- Tokens

TEST(TextIndexTokens, MatchWhateverTheLetterCase) {
  const TextIndex index = index_of({"Indian Institute of Technology", "Amity University"});
  EXPECT_THAT(found(index, "TECHNOLOGY"), ElementsAre(0));
  EXPECT_THAT(found(index, "amity UNIVERSITY"), ElementsAre(1));
}

TEST(TextIndexTokens, PunctuationAndAmpersandSeparateWords) {
  const TextIndex index = index_of({"Arts&Science, Commerce/Law (Hons.)"});
  for (const std::string_view query : {"arts", "science", "commerce", "law", "hons"}) {
    EXPECT_THAT(found(index, query), ElementsAre(0)) << query;
  }
  EXPECT_THAT(found(index, "artsscience"), IsEmpty());
}

TEST(TextIndexTokens, DottedAbbreviationsMatchWithAndWithoutDots) {
  const TextIndex index =
      index_of({"B.Tech Computer Science", "BTech Civil", "M.Sc Physics", "Ph.D. Chemistry"});
  EXPECT_THAT(found(index, "btech"), ElementsAre(0, 1));
  EXPECT_THAT(found(index, "B.Tech"), ElementsAre(0, 1));
  // The part is a token of the dotted spelling only; "btech" is a typo away.
  EXPECT_THAT(found(index, "tech"), ElementsAre(0, 1));
  EXPECT_GT(index.search("tech")[0].score, index.search("tech")[1].score);
  EXPECT_THAT(found(index, "msc"), ElementsAre(2));
  EXPECT_THAT(found(index, "M.Sc physics"), ElementsAre(2));
  EXPECT_THAT(found(index, "phd"), ElementsAre(3));
  EXPECT_THAT(found(index, "Ph.D"), ElementsAre(3));
}

TEST(TextIndexTokens, UnicodePunctuationSeparatesWords) {
  // En dash, no-break space, curly apostrophe, Devanagari danda.
  const TextIndex index = index_of({"Amity University\u2013Noida", "St.\u00a0Xavier\u2019s College",
                                    "\u0926\u093f\u0932\u094d\u0932\u0940\u0964"});
  EXPECT_THAT(found(index, "noida"), ElementsAre(0));
  EXPECT_THAT(found(index, "xavier"), ElementsAre(1));
  EXPECT_THAT(found(index, "\u0926\u093f\u0932\u094d\u0932\u0940"), ElementsAre(2));
}

TEST(TextIndexTokens, MalformedDocumentTextSpoilsOnlyItsOwnWord) {
  const TextIndex index = index_of({"Delhi \xe2\x80", "\xff Pune"});
  EXPECT_THAT(found(index, "delhi"), ElementsAre(0));
  EXPECT_THAT(found(index, "pune"), ElementsAre(1));
}

TEST(TextIndexTokens, HindiWordsAreOpaqueTokens) {
  constexpr std::string_view delhi = "\u0926\u093f\u0932\u094d\u0932\u0940";  // दिल्ली
  constexpr std::string_view university =
      "\u0935\u093f\u0936\u094d\u0935\u0935\u093f\u0926\u094d\u092f\u093e\u0932\u092f";
  const std::string name = std::string(delhi) + " " + std::string(university);
  const TextIndex index = index_of({name, "University of Delhi"});
  EXPECT_THAT(found(index, delhi), ElementsAre(0));
  EXPECT_THAT(found(index, std::string(university) + " " + std::string(delhi)), ElementsAre(0));
  EXPECT_THAT(found(index, "\u0926\u093f\u0932"), ElementsAre(0));  // दिल, still being typed
  // Typo tolerance is for ASCII words: दिल्लि (a different final vowel) finds nothing.
  EXPECT_THAT(found(index, "\u0926\u093f\u0932\u094d\u0932\u093f"), IsEmpty());
}

// --- Matching and ranking

TEST(TextIndexMatching, ExactBeatsPrefixBeatsTypo) {
  const TextIndex index = index_of({"Dehli Public School", "Delhiwala Institute", "Delhi College"});
  EXPECT_THAT(found(index, "delhi"), ElementsAre(2, 1, 0));
}

TEST(TextIndexMatching, LongerTypedPrefixScoresHigher) {
  const TextIndex index = index_of({"Engineering", "Engineers"});
  const auto hits = index.search("engine");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].doc, 1u);  // "engine" is more of "engineers" than of "engineering"
  EXPECT_GT(hits[0].score, hits[1].score);
}

TEST(TextIndexMatching, EveryTermMustMatch) {
  const TextIndex index = index_of(
      {"Delhi Engineering College", "Mumbai Engineering College", "Delhi Medical College"});
  EXPECT_THAT(found(index, "delhi engineering"), ElementsAre(0));
  EXPECT_THAT(found(index, "engineering"), UnorderedElementsAre(0, 1));
  EXPECT_THAT(found(index, "delhi pune"), IsEmpty());
  EXPECT_THAT(found(index, "zzz college"), IsEmpty());
}

TEST(TextIndexMatching, PrefixNeedsTwoCharactersExceptInTheLastTerm) {
  const TextIndex index = index_of({"Engineering College", "Medical College"});
  EXPECT_THAT(found(index, "e college"), IsEmpty());
  EXPECT_THAT(found(index, "en college"), ElementsAre(0));
  EXPECT_THAT(found(index, "college e"), ElementsAre(0));
  EXPECT_THAT(found(index, "m"), ElementsAre(1));
}

TEST(TextIndexMatching, TypoToleranceGrowsWithTermLength) {
  const TextIndex index = index_of({"Delhi", "Management", "BBA", "Engineering", "Kanpur"});
  EXPECT_THAT(found(index, "dehli"), ElementsAre(0));       // transposition, 5 letters
  EXPECT_THAT(found(index, "delhy"), ElementsAre(0));       // substitution
  EXPECT_THAT(found(index, "dlehy"), IsEmpty());            // two edits, under 8 letters
  EXPECT_THAT(found(index, "managment"), ElementsAre(1));   // deletion
  EXPECT_THAT(found(index, "mangment"), ElementsAre(1));    // two deletions, 8 letters
  EXPECT_THAT(found(index, "enginering"), ElementsAre(3));  // deletion
  EXPECT_THAT(found(index, "engneerng"), ElementsAre(3));   // two deletions, 9 letters
  EXPECT_THAT(found(index, "kanpurr"), ElementsAre(4));     // insertion
  EXPECT_THAT(found(index, "bca"), IsEmpty());              // no typos under 4 letters
  EXPECT_THAT(found(index, "mxnxgxment"), IsEmpty());       // three edits
}

TEST(TextIndexMatching, NumbersGetNoTypoTolerance) {
  const TextIndex index = index_of({"Batch 2024"});
  EXPECT_THAT(found(index, "2024"), ElementsAre(0));
  EXPECT_THAT(found(index, "2023"), IsEmpty());
}

TEST(TextIndexMatching, StopWordsAreIgnoredUnlessTheQueryHasNothingElse) {
  const TextIndex index = index_of({"Institute Technology Kanpur",
                                    "Indian Institute of Technology Delhi", "Faculty of the Arts"});
  EXPECT_THAT(found(index, "institute of technology"), UnorderedElementsAre(0, 1));
  EXPECT_THAT(found(index, "the arts"), ElementsAre(2));
  EXPECT_THAT(found(index, "of the"), ElementsAre(2));
}

TEST(TextIndexMatching, HeaviestFieldMatchRanksFirst) {
  TextIndex::Builder builder;
  const TextField amity[] = {{"Amity University", 3}, {"Noida", 1}};
  const TextField noida[] = {{"Noida International University", 3}, {"Greater Noida", 1}};
  const TextField sharda[] = {{"Sharda University", 3}, {"Greater Noida", 1}};
  builder.add(0, amity);
  builder.add(1, sharda);
  builder.add(2, noida);
  const TextIndex index = std::move(builder).build();
  EXPECT_THAT(found(index, "noida"), ElementsAre(2, 0, 1));
  EXPECT_THAT(found(index, "noida university"), ElementsAre(2, 0, 1));
  // A prefix in the name still outweighs an exact match in the city.
  EXPECT_THAT(found(index, "university noi"), ElementsAre(2, 0, 1));
}

TEST(TextIndexMatching, ScoreFollowsTheDocumentedFormula) {
  TextIndex::Builder builder;
  const TextField engineering[] = {{"Engineering", 3}};
  const TextField engineers[] = {{"Engineers", 1}};
  const TextField other[] = {{"Medicine", 1}};
  builder.add(0, engineering);
  builder.add(1, engineers);
  builder.add(2, other);
  builder.add(3, other);
  const TextIndex index = std::move(builder).build();
  const auto idf = [](double documents, double matching) {
    return std::log(1 + (documents - matching + 0.5) / (matching + 0.5));
  };
  const auto hits = index.search("engin");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_NEAR(hits[0].score, idf(4, 2) * (0.6 + 0.2 * 5 / 11) * 3, 1e-5);
  EXPECT_NEAR(hits[1].score, idf(4, 2) * (0.6 + 0.2 * 5 / 9) * 1, 1e-5);
  EXPECT_NEAR(index.search("medicine")[0].score, idf(4, 2) * 1.0, 1e-5);
  EXPECT_NEAR(index.search("medicne")[0].score, idf(4, 2) * 0.4, 1e-5);
}

TEST(TextIndexMatching, EqualScoresComeInDocumentOrder) {
  TextIndex::Builder builder;
  const TextField name[] = {{"Sharda University"}};
  for (const std::uint32_t doc : {7u, 3u, 5u}) builder.add(doc, name);
  const TextIndex index = std::move(builder).build();
  EXPECT_EQ(index.documents(), 8u);
  EXPECT_THAT(found(index, "sharda"), ElementsAre(3, 5, 7));
  EXPECT_THAT(found(index, "univ"), ElementsAre(3, 5, 7));
}

TEST(TextIndexMatching, LimitKeepsTheBestHits) {
  const TextIndex index =
      index_of({"Delhi University", "Delhiwala University", "Delhi College", "Dehli University"});
  EXPECT_THAT(docs_of(index.search("delhi", 2)), ElementsAre(0, 2));
  EXPECT_THAT(index.search("delhi", 0), IsEmpty());
  EXPECT_THAT(found(index, "delhi"), ElementsAre(0, 2, 1, 3));
}

// --- Queries

TEST(TextIndexQuery, WithoutSearchableTermsFindsNothing) {
  const TextIndex index = index_of({"Delhi University"});
  for (const std::string_view query : {"", "   ", "&& ,", "."}) {
    EXPECT_THAT(found(index, query), IsEmpty()) << '"' << query << '"';
  }
}

TEST(TextIndexQuery, LongQueriesAreRejected) {
  const TextIndex index = index_of({"Delhi University"});
  EXPECT_NO_THROW(index.search(std::string(TextIndex::kMaxQueryBytes, 'a')));
  expect_rejected(index, std::string(TextIndex::kMaxQueryBytes + 1, 'a'));
}

TEST(TextIndexQuery, QueriesOfTooManyWordsAreRejected) {
  const TextIndex index = index_of({"Delhi University"});
  std::string query;
  for (std::size_t i = 0; i < TextIndex::kMaxTerms; ++i) query += "delhi ";
  EXPECT_THAT(found(index, query), ElementsAre(0));
  expect_rejected(index, query + "delhi");
}

TEST(TextIndexQuery, InvalidTextIsRejected) {
  const TextIndex index = index_of({"Delhi University"});
  expect_rejected(index, "\xff");
  expect_rejected(index, "delhi \xc3");         // truncated sequence
  expect_rejected(index, "\xed\xa0\x80");       // a surrogate
  expect_rejected(index, "delhi\nuniversity");  // a control character
}

// --- Building

TEST(TextIndexBuilder, AnEmptyIndexFindsNothing) {
  EXPECT_EQ(TextIndex().documents(), 0u);
  EXPECT_THAT(TextIndex().search("delhi"), IsEmpty());
  EXPECT_THAT(TextIndex::Builder().build().search("delhi"), IsEmpty());
}

TEST(TextIndexBuilder, RejectsADocumentAddedTwice) {
  TextIndex::Builder builder;
  const TextField name[] = {{"Delhi"}};
  builder.add(0, name);
  EXPECT_THROW(builder.add(0, name), Error);
}

TEST(TextIndexBuilder, RejectsWeightsOutOfRange) {
  TextIndex::Builder builder;
  for (const double weight : {0.0, -1.0, 1e-9, 1e9, std::numeric_limits<double>::quiet_NaN()}) {
    const TextField name[] = {{"Delhi", weight}};
    EXPECT_THROW(builder.add(0, name), Error) << weight;
  }
  const TextField name[] = {{"Delhi", 2}};
  EXPECT_NO_THROW(builder.add(0, name));  // the rejected calls left no trace
}

// --- Against a brute-force scan

// The optimal string alignment distance, by the full textbook table.
std::size_t osa_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// The documented match quality of a term for a word, the slow way.
double quality(std::string_view term, std::string_view word, bool last_term) {
  if (word == term) return 1;
  if (word.starts_with(term) && (last_term || term.size() >= 2)) {
    return 0.6 + 0.2 * static_cast<double>(term.size()) / static_cast<double>(word.size());
  }
  if (term.size() < 4) return 0;
  const std::size_t distance = osa_distance(term, word);
  if (distance == 1) return 0.4;
  if (distance == 2 && term.size() >= 8) return 0.3;
  return 0;
}

// Words over a five-letter alphabet crowd each other, so every typo budget and prefix rule is
// exercised; queries are random words and random edits of indexed ones.
TEST(TextIndexTypos, FindExactlyTheWordsWithinTheBudget) {
  std::mt19937 random(1);
  const auto pick = [&random](std::size_t count) { return random() % count; };
  const auto random_word = [&](std::size_t min_length, std::size_t max_length) {
    std::string word(min_length + pick(max_length - min_length + 1), 'a');
    for (char& c : word) c = static_cast<char>('a' + pick(5));
    return word;
  };
  std::vector<std::string> words;
  for (int i = 0; i < 1500; ++i) words.push_back(random_word(3, 12));
  std::vector<std::string_view> names(words.begin(), words.end());
  const TextIndex index = index_of(names);

  for (int i = 0; i < 200; ++i) {
    std::string query = i % 2 ? random_word(1, 12) : words[pick(words.size())];
    for (std::size_t edits = i % 2 ? 0 : pick(4); edits > 0 && query.size() > 1; --edits) {
      const std::size_t at = pick(query.size() - 1);
      switch (pick(4)) {
        case 0:
          query[at] = static_cast<char>('a' + pick(5));
          break;
        case 1:
          query.insert(at, 1, static_cast<char>('a' + pick(5)));
          break;
        case 2:
          query.erase(at, 1);
          break;
        default:
          std::swap(query[at], query[at + 1]);
      }
    }
    std::vector<std::pair<std::uint32_t, double>> expected;  // document, quality
    for (std::uint32_t doc = 0; doc < words.size(); ++doc) {
      if (const double q = quality(query, words[doc], true); q > 0) expected.emplace_back(doc, q);
    }
    const std::vector<TextIndex::Hit> hits = index.search(query);
    ASSERT_EQ(hits.size(), expected.size()) << query;
    const auto matching = static_cast<double>(expected.size());
    const double idf =
        std::log(1 + (static_cast<double>(words.size()) - matching + 0.5) / (matching + 0.5));
    std::vector<TextIndex::Hit> by_doc = hits;
    std::ranges::sort(by_doc, {}, &TextIndex::Hit::doc);
    for (std::size_t h = 0; h < by_doc.size(); ++h) {
      ASSERT_EQ(by_doc[h].doc, expected[h].first) << query;
      ASSERT_NEAR(by_doc[h].score, idf * expected[h].second, 1e-5)
          << query << " " << words[by_doc[h].doc];
    }
  }
}

// Deterministic pseudo-words of two to four syllables: a vocabulary of thousands with many
// near neighbours, as Indian place and institution names have.
class Catalogue {
 public:
  static constexpr std::uint32_t kDocuments = 110'000;

  struct Document {
    std::vector<std::uint32_t> name;   // indices into words; weight 3
    std::vector<std::uint32_t> other;  // city and kind; weight 1
  };

  Catalogue() {
    std::mt19937 random(42);
    const auto pick = [&random](std::size_t count) {
      return static_cast<std::uint32_t>(random() % count);
    };
    constexpr std::string_view syllables[] = {
        "ka",  "ri", "man", "del", "hi", "pur", "ab", "na",   "ga",  "ram", "vi",   "sha", "lo",
        "ten", "ja", "bad", "nai", "ko", "ta",  "gu", "chen", "ish", "war", "dhan", "mu",  "pra"};
    words = {"university", "institute",  "college", "engineering",
             "management", "technology", "science", "arts"};
    constexpr std::uint32_t kinds = 8;
    constexpr std::uint32_t name_kinds = 3;
    constexpr std::uint32_t pseudo_words = 20'000;
    constexpr std::uint32_t cities = 300;  // cities repeat more than names
    for (std::uint32_t i = 0; i < pseudo_words; ++i) {
      std::string word;
      for (std::size_t n = 2 + pick(3); n > 0; --n) word += syllables[pick(std::size(syllables))];
      words.push_back(word);
    }
    for (std::uint32_t doc = 0; doc < kDocuments; ++doc) {
      Document document;
      for (std::size_t n = 1 + pick(3); n > 0; --n) {
        document.name.push_back(kinds + pick(pseudo_words));
      }
      document.name.push_back(pick(name_kinds));
      document.other.push_back(kinds + pick(cities));
      document.other.push_back(name_kinds + pick(kinds - name_kinds));
      documents.push_back(std::move(document));
    }
  }

  TextIndex build() const {
    TextIndex::Builder builder;
    for (std::uint32_t doc = 0; doc < kDocuments; ++doc) {
      const std::string name = join(documents[doc].name);
      const std::string other = join(documents[doc].other);
      const TextField fields[] = {{name, 3}, {other, 1}};
      builder.add(doc, fields);
    }
    return std::move(builder).build();
  }

  // The documented ranking, computed the slow way: every document, every word.
  std::vector<TextIndex::Hit> brute_force(const std::vector<std::string>& terms) const {
    std::vector<std::vector<double>> values(terms.size(), std::vector<double>(kDocuments));
    std::vector<double> idf(terms.size());
    for (std::size_t t = 0; t < terms.size(); ++t) {
      std::vector<double> qualities;
      for (const std::string& word : words) {
        qualities.push_back(quality(terms[t], word, t + 1 == terms.size()));
      }
      double matching = 0;
      for (std::uint32_t doc = 0; doc < kDocuments; ++doc) {
        double& value = values[t][doc];
        for (const std::uint32_t word : documents[doc].name) {
          value = std::max(value, 3 * qualities[word]);
        }
        for (const std::uint32_t word : documents[doc].other) {
          value = std::max(value, 1 * qualities[word]);
        }
        if (value > 0) ++matching;
      }
      idf[t] = std::log(1 + (kDocuments - matching + 0.5) / (matching + 0.5));
    }
    std::vector<TextIndex::Hit> hits;
    for (std::uint32_t doc = 0; doc < kDocuments; ++doc) {
      double score = 0;
      bool all = true;
      for (std::size_t t = 0; t < terms.size(); ++t) {
        all = all && values[t][doc] > 0;
        score += idf[t] * values[t][doc];
      }
      if (all) hits.push_back({doc, score});
    }
    return hits;
  }

  std::vector<std::string> words;
  std::vector<Document> documents;

 private:
  std::string join(const std::vector<std::uint32_t>& indices) const {
    std::string text;
    for (const std::uint32_t word : indices) text += (text.empty() ? "" : " ") + words[word];
    return text;
  }
};

const Catalogue& catalogue() {
  static const Catalogue instance;
  return instance;
}

const TextIndex& catalogue_index() {
  static const TextIndex index = catalogue().build();
  return index;
}

void expect_same_as_brute_force(const std::vector<std::string>& terms) {
  std::string query;
  for (const std::string& term : terms) query += term + " ";
  query.pop_back();
  const std::vector<TextIndex::Hit> hits = catalogue_index().search(query);
  std::vector<TextIndex::Hit> expected = catalogue().brute_force(terms);
  ASSERT_FALSE(expected.empty()) << query;
  ASSERT_EQ(hits.size(), expected.size()) << query;
  // Scores are summed in single precision inside the index: compare with a tolerance, and the
  // order only between scores that clearly differ.
  std::ranges::sort(expected, {}, &TextIndex::Hit::doc);
  std::vector<TextIndex::Hit> by_doc = hits;
  std::ranges::sort(by_doc, {}, &TextIndex::Hit::doc);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    ASSERT_EQ(by_doc[i].doc, expected[i].doc) << query;
    ASSERT_NEAR(by_doc[i].score, expected[i].score, 1e-5 * expected[i].score) << query;
  }
  for (std::size_t i = 1; i < hits.size(); ++i) {
    ASSERT_TRUE(hits[i - 1].score > hits[i].score ||
                (hits[i - 1].score == hits[i].score && hits[i - 1].doc < hits[i].doc))
        << query << " at " << i;
  }
}

TEST(TextIndexAtCatalogueSize, IndexesEveryDocument) {
  EXPECT_EQ(catalogue_index().documents(), Catalogue::kDocuments);
  EXPECT_GT(catalogue_index().vocabulary_size(), 10'000u);
}

TEST(TextIndexAtCatalogueSize, MatchesABruteForceScan) {
  const Catalogue& data = catalogue();
  const std::string& name_word = data.words[data.documents[17].name[0]];
  const std::string& city = data.words[data.documents[4242].other[0]];
  std::string typo = data.words[data.documents[99].name[0]];  // a transposition of a name word
  std::swap(typo[1], typo[2]);
  expect_same_as_brute_force({"engineering"});
  expect_same_as_brute_force({name_word});
  expect_same_as_brute_force({city, "univ"});
  expect_same_as_brute_force({"college", name_word.substr(0, 3)});
  expect_same_as_brute_force({typo});
  expect_same_as_brute_force({"institute", "technology", "k"});
  expect_same_as_brute_force({"sciense", city});  // a typo in a common word
}

}  // namespace
}  // namespace disha::catalog
