#pragma once
// An immutable in-memory full-text index over the catalogue snapshot: search-as-you-type over
// university and programme names without a database. Pure code, no I/O; safe to search from
// many threads at once.
//
// Tokens: runs of ASCII letters and digits and of non-ASCII characters (opaque, so Devanagari
// words work as whole tokens); everything else separates, including the Unicode punctuation of
// scraped names (no-break space, dashes, curly quotes, the danda). ASCII is lower-cased. Runs
// joined by single dots form one word: a document indexes its parts and the joined form
// ("B.Tech" gives "b", "tech" and "btech"), a query uses the joined form only, so "B.Tech" and
// "btech" find both spellings.
//
// Query terms: the query's words, minus the stop words (of, the, and, in, for, at, to, a, an)
// unless every word is one. Each term matches vocabulary tokens with a quality q:
//   exact                                  q = 1
//   prefix of the token (term ≥ 2 characters, or any length for the last term, which the user
//   may still be typing)                   q = 0.6 + 0.2 × term bytes / token bytes
//   typo: optimal string alignment distance d ≤ 1 for terms of 4–7 letters, d ≤ 2 for 8 or
//   more (terms of ASCII letters only)     q = 0.4 (d = 1), 0.3 (d = 2)
// Every term must match (AND). The score is BM25's idf with term frequency 1, and field weights
// instead of length normalisation:
//   score(doc) = Σ_terms idf(term) × max over the term's tokens t in doc of q(term, t) × w(doc, t)
//   idf(term)  = ln(1 + (N − n + 0.5) / (n + 0.5))
// where w(doc, t) is the heaviest weight among the doc's fields holding t, N = documents() and n
// the number of documents holding any of the term's tokens. One idf per term (not per token)
// keeps a rare misspelling from outranking the common correct spelling: within one field
// weight, exact beats prefix beats typo. Scores are summed in single precision.
//
// Costs: postings are a document-number array and a weight array per token. Typo lookup walks
// the sorted vocabulary as a trie, visiting only prefixes within the edit budget. A search
// allocates two bit sets and two float arrays of N entries (the floats left uninitialised).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace disha::catalog {

struct TextField {
  std::string_view text;
  double weight = 1.0;  // e.g. name 3, city 1
};

class TextIndex {
 public:
  static constexpr std::size_t kMaxQueryBytes = 256;
  static constexpr std::size_t kMaxTerms = 16;
  static constexpr std::size_t kAllHits = std::numeric_limits<std::size_t>::max();
  // Weights are relative; the bounds catch nonsense (zero, negative, NaN) and keep scores far
  // from the limits of float.
  static constexpr double kMinWeight = 0.001;
  static constexpr double kMaxWeight = 1000;

  class Builder {
   public:
    // Documents are numbered by the caller 0..n-1 (add in any order, each once; a number never
    // added is a document with no text). Throws disha::Error(internal) for a document added
    // twice or a field weight outside [kMinWeight, kMaxWeight].
    void add(std::uint32_t doc, std::span<const TextField> fields);
    TextIndex build() &&;

   private:
    struct StringHash {
      using is_transparent = void;
      std::size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
      }
    };
    struct Occurrence {
      std::uint32_t token;
      std::uint32_t doc;
      float weight;
    };

    std::uint32_t token_id(std::string_view token);

    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> token_ids_;
    std::vector<Occurrence> occurrences_;
    std::vector<bool> added_;
  };

  struct Hit {
    std::uint32_t doc;
    double score;
  };

  TextIndex() = default;  // an index of no documents

  // Every query term must match (AND). Best first; equal scores by doc ascending; at most
  // `limit` hits. Throws disha::Error(unprocessable, ..., "q") when the query is longer than
  // kMaxQueryBytes, has more than kMaxTerms words, is not valid UTF-8 or holds control
  // characters. A query with no searchable terms returns no hits.
  std::vector<Hit> search(std::string_view query, std::size_t limit = kAllHits) const;

  std::size_t documents() const noexcept { return document_count_; }
  std::size_t vocabulary_size() const noexcept {
    return token_starts_.empty() ? 0 : token_starts_.size() - 1;  // empty once moved from
  }

 private:
  struct Expansion {
    std::uint32_t token;
    float quality;
  };

  std::string_view token(std::uint32_t id) const noexcept {
    return std::string_view(vocabulary_text_)
        .substr(token_starts_[id], token_starts_[id + 1] - token_starts_[id]);
  }
  std::vector<Expansion> expand(std::string_view term, bool last_term) const;
  void add_typo_matches(std::string_view term, std::vector<Expansion>& expansions) const;
  std::uint32_t first_without_prefix(std::uint32_t id, std::string_view prefix) const;

  std::size_t document_count_ = 0;
  // Token i is vocabulary_text_[token_starts_[i], token_starts_[i + 1]); tokens are sorted, so
  // the tokens a prefix matches are adjacent.
  std::string vocabulary_text_;
  std::vector<std::uint32_t> token_starts_{0};
  // Token i occurs in posting_docs_[posting_starts_[i], posting_starts_[i + 1]), ascending, with
  // the weights alongside.
  std::vector<std::uint32_t> posting_starts_{0};
  std::vector<std::uint32_t> posting_docs_;
  std::vector<float> posting_weights_;
};

}  // namespace disha::catalog
