#include "features/catalog/text_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <ranges>

#include "core/error.hpp"
#include "core/text.hpp"

namespace disha::catalog {

namespace {

constexpr float kExactQuality = 1.0f;
constexpr float kPrefixQuality = 0.6f;             // plus up to kPrefixTypedBonus
constexpr float kPrefixTypedBonus = 0.2f;          // × the fraction of the token typed
constexpr float kTypoQuality[] = {0, 0.4f, 0.3f};  // by edit distance
constexpr std::size_t kMinTypoLength = 4;
constexpr std::size_t kTwoTyposLength = 8;

constexpr std::string_view kStopWords[] = {"of", "the", "and", "in", "for", "at", "to", "a", "an"};

bool is_stop_word(std::string_view word) {
  return std::ranges::find(kStopWords, word) != std::ranges::end(kStopWords);
}

bool is_ascii_alphanumeric(unsigned char byte) {
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
         (byte >= 'A' && byte <= 'Z');
}

struct Character {
  std::size_t length;  // in bytes
  bool in_word;
};

// The character at text[i]. Non-ASCII characters are opaque word characters, except the Unicode
// punctuation found in scraped names (no-break space, «», ·, dashes, curly quotes, the
// Devanagari danda), which would otherwise glue words together.
Character character_at(std::string_view text, std::size_t i) {
  const auto byte_at = [text](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte_at(i);
  if (lead < 0x80) return {1, is_ascii_alphanumeric(lead)};
  const std::size_t length = lead >= 0xf8   ? 1
                             : lead >= 0xf0 ? 4
                             : lead >= 0xe0 ? 3
                             : lead >= 0xc0 ? 2
                                            : 1;
  for (std::size_t k = 1; k < length; ++k) {
    // Malformed UTF-8 (documents are not validated): each stray byte is an opaque character.
    if (i + k >= text.size() || (byte_at(i + k) & 0xc0) != 0x80) return {1, true};
  }
  const bool latin1_punctuation = lead == 0xc2;  // U+0080–U+00BF
  const bool general_punctuation =
      lead == 0xe2 && (byte_at(i + 1) == 0x80 || byte_at(i + 1) == 0x81);  // U+2000–U+207F
  const bool danda =
      lead == 0xe0 && byte_at(i + 1) == 0xa5 && (byte_at(i + 2) == 0xa4 || byte_at(i + 2) == 0xa5);
  return {length, !(latin1_punctuation || general_punctuation || danda)};
}

char to_lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Calls on_word(joined, part_ends) for each word of `text`: its runs of word characters
// lower-cased and concatenated, and where each run ends in `joined` ("B.Tech": "btech", {1, 5}).
template <typename OnWord>
void for_each_word(std::string_view text, OnWord&& on_word) {
  std::string joined;
  std::vector<std::size_t> part_ends;
  std::size_t i = 0;
  while (i < text.size()) {
    if (const Character separator = character_at(text, i); !separator.in_word) {
      i += separator.length;
      continue;
    }
    joined.clear();
    part_ends.clear();
    for (;;) {
      while (i < text.size()) {
        const Character c = character_at(text, i);
        if (!c.in_word) break;
        for (const std::size_t end = i + c.length; i < end; ++i) joined += to_lower_ascii(text[i]);
      }
      part_ends.push_back(joined.size());
      const bool dot_inside_word =
          i + 1 < text.size() && text[i] == '.' && character_at(text, i + 1).in_word;
      if (!dot_inside_word) break;
      ++i;
    }
    on_word(std::string_view(joined), std::span<const std::size_t>(part_ends));
  }
}

std::size_t character_count(std::string_view text) {
  return static_cast<std::size_t>(std::ranges::count_if(
      text, [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
}

bool is_ascii_letters(std::string_view text) {
  return std::ranges::all_of(text, [](char c) { return c >= 'a' && c <= 'z'; });
}

// Optimal string alignment distances (Levenshtein plus adjacent transpositions) from each
// prefix of a token to each prefix of a term: row k is for the token's first k characters. A
// row depends only on the token's prefix, so tokens visited in sorted order share the rows of
// their common prefix, as in a trie walk. Only the band |k - j| <= max_distance is computed:
// cells outside it are over budget anyway (a distance is at least the length difference) and
// read as max_distance + 1, which keeps every result within budget exact.
class TypoRows {
 public:
  TypoRows(std::string_view term, std::size_t max_distance)
      : term_(term),
        max_distance_(max_distance),
        over_budget_(static_cast<std::uint16_t>(max_distance + 1)),
        columns_(term.size() + 1),
        // Row term.size() + max_distance + 1 is the last: its band is empty (all over budget),
        // so extend() never goes past it.
        cells_((term.size() + max_distance + 2) * columns_) {
    for (std::size_t j = 0; j < columns_; ++j) {
      cells_[j] = static_cast<std::uint16_t>(std::min(j, max_distance + 1));
    }
  }

  // Computes row depth + 1 from the rows before it and token[depth]. False when the whole row
  // is over the budget: then so is every row after it (row minima never decrease), and no
  // token starting with token[0, depth + 1) is within reach.
  bool extend(std::string_view token, std::size_t depth) {
    const std::size_t k = depth + 1;
    const std::uint16_t* before_previous = depth > 0 ? row(depth - 1) : nullptr;
    const std::uint16_t* previous = row(depth);
    std::uint16_t* current = row(k);
    const std::size_t first = k > max_distance_ ? k - max_distance_ : 1;
    const std::size_t last = std::min(columns_ - 1, k + max_distance_);
    current[first - 1] = first == 1 ? clamp(k) : over_budget_;
    if (last + 1 < columns_) current[last + 1] = over_budget_;  // read by the next row
    const char c = token[depth];
    std::uint16_t row_minimum = current[first - 1];
    for (std::size_t j = first; j <= last; ++j) {
      const std::uint16_t substitution = term_[j - 1] == c ? 0 : 1;
      std::uint16_t cell = std::min({clamp(previous[j] + 1u), clamp(current[j - 1] + 1u),
                                     clamp(previous[j - 1] + substitution)});
      if (before_previous && j > 1 && c == term_[j - 2] && token[depth - 1] == term_[j - 1]) {
        cell = std::min(cell, clamp(before_previous[j - 2] + 1u));
      }
      current[j] = cell;
      row_minimum = std::min(row_minimum, cell);
    }
    return row_minimum <= max_distance_;
  }

  // The distance from the token's first `depth` characters to the whole term, or
  // max_distance + 1 when it is larger.
  std::size_t distance(std::size_t depth) const {
    const std::size_t term_length = columns_ - 1;
    if (depth + max_distance_ < term_length) return max_distance_ + 1;  // outside the band
    return row(depth)[term_length];
  }

 private:
  std::uint16_t clamp(std::size_t value) const {
    return static_cast<std::uint16_t>(std::min<std::size_t>(value, over_budget_));
  }
  std::uint16_t* row(std::size_t depth) { return cells_.data() + depth * columns_; }
  const std::uint16_t* row(std::size_t depth) const { return cells_.data() + depth * columns_; }

  std::string_view term_;
  std::size_t max_distance_;
  std::uint16_t over_budget_;
  std::size_t columns_;
  std::vector<std::uint16_t> cells_;
};

// One bit per document.
class DocumentBits {
 public:
  explicit DocumentBits(std::size_t documents) : words_((documents + 63) / 64) {}

  bool test(std::uint32_t doc) const { return (words_[doc / 64] >> (doc % 64)) & 1; }
  // True when the bit was clear.
  bool insert(std::uint32_t doc) {
    const std::uint64_t bit = std::uint64_t{1} << (doc % 64);
    const bool was_clear = (words_[doc / 64] & bit) == 0;
    words_[doc / 64] |= bit;
    return was_clear;
  }
  void erase(std::uint32_t doc) { words_[doc / 64] &= ~(std::uint64_t{1} << (doc % 64)); }
  void clear() { std::ranges::fill(words_, 0); }

 private:
  std::vector<std::uint64_t> words_;
};

[[noreturn]] void reject_query(std::string message) {
  throw Error(ErrorCode::unprocessable, std::move(message), "q");
}

// The searchable terms of a query, in order.
std::vector<std::string> query_terms(std::string_view query) {
  if (query.size() > TextIndex::kMaxQueryBytes) {
    reject_query(fmt::format("q must be at most {} bytes long", TextIndex::kMaxQueryBytes));
  }
  require_text(query, "q", TextRule{.min_chars = 0, .max_chars = TextIndex::kMaxQueryBytes});
  std::vector<std::string> terms;
  for_each_word(query, [&terms](std::string_view joined, std::span<const std::size_t>) {
    terms.emplace_back(joined);
  });
  if (terms.size() > TextIndex::kMaxTerms) {
    reject_query(fmt::format("q must have at most {} words", TextIndex::kMaxTerms));
  }
  if (!std::ranges::all_of(terms, is_stop_word)) std::erase_if(terms, is_stop_word);
  return terms;
}

}  // namespace

void TextIndex::Builder::add(std::uint32_t doc, std::span<const TextField> fields) {
  for (const TextField& field : fields) {
    if (!(field.weight >= kMinWeight && field.weight <= kMaxWeight)) {
      throw Error(
          ErrorCode::internal,
          fmt::format("text index: document {} has a field weight of {}", doc, field.weight));
    }
  }
  if (doc < added_.size() && added_[doc]) {
    throw Error(ErrorCode::internal, fmt::format("text index: document {} added twice", doc));
  }
  if (doc >= added_.size()) added_.resize(std::size_t{doc} + 1);
  added_[doc] = true;
  for (const TextField& field : fields) {
    const auto weight = static_cast<float>(field.weight);
    const auto index = [&](std::string_view token) {
      occurrences_.push_back({token_id(token), doc, weight});
    };
    for_each_word(field.text, [&](std::string_view joined, std::span<const std::size_t> part_ends) {
      index(joined);
      if (part_ends.size() == 1) return;
      for (std::size_t start = 0; const std::size_t end : part_ends) {
        index(joined.substr(start, end - start));
        start = end;
      }
    });
  }
}

std::uint32_t TextIndex::Builder::token_id(std::string_view token) {
  if (const auto found = token_ids_.find(token); found != token_ids_.end()) return found->second;
  const auto id = static_cast<std::uint32_t>(token_ids_.size());
  token_ids_.emplace(token, id);
  return id;
}

TextIndex TextIndex::Builder::build() && {
  // Taken out of the builder so that its memory goes as soon as the index is built.
  const auto token_ids = std::move(token_ids_);
  auto occurrences = std::move(occurrences_);
  TextIndex index;
  index.document_count_ = added_.size();
  added_ = {};

  // Renumber the tokens in sorted order.
  std::vector<const std::pair<const std::string, std::uint32_t>*> sorted_tokens;
  sorted_tokens.reserve(token_ids.size());
  std::size_t text_size = 0;
  for (const auto& entry : token_ids) {
    sorted_tokens.push_back(&entry);
    text_size += entry.first.size();
  }
  std::ranges::sort(sorted_tokens, {},
                    [](const auto* entry) -> const std::string& { return entry->first; });
  std::vector<std::uint32_t> sorted_id(sorted_tokens.size());
  index.vocabulary_text_.reserve(text_size);
  index.token_starts_.reserve(sorted_tokens.size() + 1);
  for (std::uint32_t id = 0; id < sorted_tokens.size(); ++id) {
    sorted_id[sorted_tokens[id]->second] = id;
    index.vocabulary_text_ += sorted_tokens[id]->first;
    index.token_starts_.push_back(static_cast<std::uint32_t>(index.vocabulary_text_.size()));
  }

  // One posting per token and document, carrying the heaviest weight among the document's
  // fields holding the token.
  for (Occurrence& occurrence : occurrences) occurrence.token = sorted_id[occurrence.token];
  std::ranges::sort(occurrences, [](const Occurrence& a, const Occurrence& b) {
    if (a.token != b.token) return a.token < b.token;
    if (a.doc != b.doc) return a.doc < b.doc;
    return a.weight > b.weight;
  });
  index.posting_starts_.assign(sorted_tokens.size() + 1, 0);
  index.posting_docs_.reserve(occurrences.size());
  index.posting_weights_.reserve(occurrences.size());
  for (std::size_t i = 0; i < occurrences.size(); ++i) {
    const Occurrence& occurrence = occurrences[i];
    const bool repeat = i > 0 && occurrences[i - 1].token == occurrence.token &&
                        occurrences[i - 1].doc == occurrence.doc;
    if (repeat) continue;
    index.posting_docs_.push_back(occurrence.doc);
    index.posting_weights_.push_back(occurrence.weight);
    ++index.posting_starts_[occurrence.token + 1];
  }
  std::partial_sum(index.posting_starts_.begin(), index.posting_starts_.end(),
                   index.posting_starts_.begin());
  index.posting_docs_.shrink_to_fit();
  index.posting_weights_.shrink_to_fit();

  return index;
}

std::vector<TextIndex::Expansion> TextIndex::expand(std::string_view term, bool last_term) const {
  std::vector<Expansion> expansions;
  const auto vocabulary = static_cast<std::uint32_t>(vocabulary_size());
  const bool match_prefixes = last_term || character_count(term) >= 2;
  const auto first =
      *std::ranges::partition_point(std::views::iota(std::uint32_t{0}, vocabulary),
                                    [&](std::uint32_t id) { return token(id) < term; });
  for (std::uint32_t id = first; id < vocabulary && token(id).starts_with(term); ++id) {
    const std::size_t length = token(id).size();
    if (length == term.size()) {
      expansions.push_back({id, kExactQuality});
    } else if (match_prefixes) {
      const float typed = static_cast<float>(term.size()) / static_cast<float>(length);
      expansions.push_back({id, kPrefixQuality + kPrefixTypedBonus * typed});
    } else {
      break;
    }
  }
  if (term.size() >= kMinTypoLength && is_ascii_letters(term)) add_typo_matches(term, expansions);
  return expansions;
}

// The first token from `id` on that does not start with `prefix` (token `id` does). Galloping
// ahead first: the run of tokens sharing a prefix is usually short.
std::uint32_t TextIndex::first_without_prefix(std::uint32_t id, std::string_view prefix) const {
  const auto vocabulary = static_cast<std::uint32_t>(vocabulary_size());
  std::uint32_t step = 1;
  while (step < vocabulary - id && token(id + step).starts_with(prefix)) {
    id += step;
    step *= 2;
  }
  const std::uint32_t end = std::min(vocabulary, id + step);
  return *std::ranges::partition_point(std::views::iota(id + 1, end), [&](std::uint32_t next) {
    return token(next).starts_with(prefix);
  });
}

// Tokens within the term's edit-distance budget that it is not already a prefix of. The sorted
// vocabulary is walked as a trie: a token reuses the rows of the prefix it shares with the one
// before, and a prefix already out of reach skips every token that starts with it, so the cost
// follows the number of near prefixes, not the size of the vocabulary.
void TextIndex::add_typo_matches(std::string_view term, std::vector<Expansion>& expansions) const {
  const std::size_t max_distance = term.size() >= kTwoTyposLength ? 2 : 1;
  TypoRows rows(term, max_distance);
  const auto vocabulary = static_cast<std::uint32_t>(vocabulary_size());
  std::string_view previous;    // the token the rows were last computed along
  std::size_t valid_depth = 0;  // how many of its characters they cover
  for (std::uint32_t id = 0; id < vocabulary;) {
    const std::string_view candidate = token(id);
    std::size_t depth = 0;
    while (depth < std::min(valid_depth, candidate.size()) && candidate[depth] == previous[depth]) {
      ++depth;
    }
    while (depth < candidate.size() && rows.extend(candidate, depth)) ++depth;
    previous = candidate;
    valid_depth = depth;
    if (depth < candidate.size()) {
      id = first_without_prefix(id, candidate.substr(0, depth + 1));
      continue;
    }
    const std::size_t distance = rows.distance(depth);
    if (distance <= max_distance && !candidate.starts_with(term)) {
      expansions.push_back({id, kTypoQuality[distance]});
    }
    ++id;
  }
}

std::vector<TextIndex::Hit> TextIndex::search(std::string_view query, std::size_t limit) const {
  const std::vector<std::string> terms = query_terms(query);
  if (terms.empty() || limit == 0) return {};
  std::vector<std::vector<Expansion>> expansions;
  expansions.reserve(terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    expansions.push_back(expand(terms[i], i + 1 == terms.size()));
    if (expansions.back().empty()) return {};
  }
  // The term of fewest postings first: later terms then only do real work for the documents
  // still in the running.
  const auto postings_of = [this](const std::vector<Expansion>& term_expansions) {
    std::size_t count = 0;
    for (const Expansion& expansion : term_expansions) {
      count += posting_starts_[expansion.token + 1] - posting_starts_[expansion.token];
    }
    return count;
  };
  std::ranges::stable_sort(expansions, {}, postings_of);
  const std::size_t most_candidates = std::min(postings_of(expansions.front()), document_count_);

  // Per-document scratch indexed by document number: postings arrive in no useful order, and
  // arrays beat any map at catalogue sizes. Only the bitsets (n / 8 bytes each, cache resident)
  // are cleared; a score is written when its document is first seen.
  DocumentBits seen_in_term(document_count_);
  DocumentBits matches_so_far(document_count_);
  const auto term_best = std::make_unique_for_overwrite<float[]>(document_count_);
  const auto total = std::make_unique_for_overwrite<float[]>(document_count_);
  std::vector<std::uint32_t> candidates;  // documents matching every term so far
  std::vector<std::uint32_t> still_matching;
  candidates.reserve(most_candidates);
  still_matching.reserve(most_candidates);
  std::vector<Hit> hits;
  const auto documents = static_cast<double>(document_count_);
  for (std::size_t term = 0; term < expansions.size(); ++term) {
    const bool first_term = term == 0;
    // A token's postings hold each document once, so a term of one token needs no dedup.
    const bool single_token = expansions[term].size() == 1;
    if (!single_token) seen_in_term.clear();
    std::size_t matching = 0;  // documents holding any of the term's tokens
    still_matching.clear();
    for (const auto [token, quality] : expansions[term]) {
      for (std::uint32_t p = posting_starts_[token]; p < posting_starts_[token + 1]; ++p) {
        const std::uint32_t doc = posting_docs_[p];
        const bool first_sight = single_token || seen_in_term.insert(doc);
        matching += first_sight;
        if (!first_term && !matches_so_far.test(doc)) continue;
        const float value = quality * posting_weights_[p];
        if (first_sight) {
          term_best[doc] = value;
          still_matching.push_back(doc);
        } else {
          term_best[doc] = std::max(term_best[doc], value);
        }
      }
    }
    if (still_matching.empty()) return {};
    const auto idf =
        static_cast<float>(std::log(1 + (documents - static_cast<double>(matching) + 0.5) /
                                            (static_cast<double>(matching) + 0.5)));
    const auto score = [&](std::uint32_t doc) {
      return (first_term ? 0 : total[doc]) + idf * term_best[doc];
    };
    if (term + 1 == expansions.size()) {
      hits.reserve(still_matching.size());
      for (const std::uint32_t doc : still_matching) hits.push_back({doc, score(doc)});
      break;
    }
    for (const std::uint32_t doc : candidates) matches_so_far.erase(doc);
    for (const std::uint32_t doc : still_matching) {
      total[doc] = score(doc);
      matches_so_far.insert(doc);
    }
    candidates.swap(still_matching);
  }

  const auto better = [](const Hit& a, const Hit& b) {
    return a.score != b.score ? a.score > b.score : a.doc < b.doc;
  };
  if (limit < hits.size()) {
    std::ranges::partial_sort(hits, hits.begin() + static_cast<std::ptrdiff_t>(limit), better);
    hits.resize(limit);
  } else {
    std::ranges::sort(hits, better);
  }
  return hits;
}

}  // namespace disha::catalog
