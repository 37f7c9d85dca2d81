#pragma once
// The catalogue as an immutable in-memory snapshot: every read (lists, search, filters, sort,
// facets, details, compare) is answered from it without a database round trip. A write builds
// a new snapshot from the database and swaps it in atomically (see service.hpp); readers keep
// the one they started with.
//
// Factor values are held column-wise: one double per entity for each factor and attribute
// (NaN = not disclosed). Ordered values compare as numbers: booleans are 0/1, grades their
// level index (worst = 0); enums and text are dictionary codes, for equality only.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include "features/catalog/model.hpp"
#include "features/catalog/text_index.hpp"

namespace disha::catalog {

// Everything the repository loads.
struct CatalogData {
  std::int64_t revision = 0;
  std::vector<FactorDefinition> factors;  // by position
  std::vector<University> universities;
  std::vector<Programme> programmes;
  std::vector<Course> courses;
  std::vector<Career> careers;
  std::vector<Skill> skills;
  std::vector<Recruiter> recruiters;
};

struct Column {
  std::uint32_t index = 0;  // in the snapshot's list of columns
  std::string code;
  std::string label;
  ValueType type = ValueType::number;
  EntityKind scope = EntityKind::university;
  const FactorDefinition* factor = nullptr;  // null for attributes such as state or level
  std::vector<double> values;                // one per entity of the scope
  std::vector<std::string> labels;           // grade levels, or the enum/text dictionary
  std::unordered_map<std::string, double> codes;

  bool ordered() const noexcept {
    return type == ValueType::number || type == ValueType::boolean || type == ValueType::grade;
  }
  bool facetable() const noexcept {
    return type == ValueType::enumeration || type == ValueType::boolean || type == ValueType::grade;
  }
  // The value as shown to people: a number, true/false, or the level/dictionary label.
  std::string display(double value) const;
};

// One condition of a list query, on one column.
struct Filter {
  const Column* column = nullptr;
  enum class Op { at_least, at_most, one_of } op = Op::one_of;
  double bound = 0;            // at_least / at_most
  std::vector<double> values;  // one_of
  std::string parameter;       // the query parameter it came from, for errors
};

struct SortKey {
  const Column* column = nullptr;  // null: by name, or by relevance when `relevance`
  bool relevance = false;
  bool descending = false;
  std::string canonical() const;
};

struct ListQuery {
  EntityKind kind = EntityKind::university;
  std::string text;  // q; empty: no text search
  std::vector<Filter> filters;
  std::optional<std::int64_t> career_id;  // programmes leading to this career
  SortKey sort;
  std::size_t limit = 20;
  std::optional<std::string> cursor;
  std::vector<const Column*> facets;
};

struct FacetCount {
  std::string value;
  std::size_t count = 0;
};
struct Facet {
  std::string code;
  std::vector<FacetCount> counts;  // most first, then by value
};

struct ListPage {
  std::vector<std::uint32_t> items;  // entity indices in the snapshot
  std::optional<std::string> next_cursor;
  // With facets requested: how many entities match, and disjunctive counts per facet value
  // (each facet counted under every filter except its own).
  std::optional<std::size_t> total;
  std::vector<Facet> facets;
};

class Snapshot {
 public:
  // current_year turns year_established into years since establishment.
  Snapshot(CatalogData data, int current_year);
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  const CatalogData& data() const noexcept { return data_; }
  std::int64_t revision() const noexcept { return data_.revision; }
  // A hash of the whole content: equal snapshots on different instances give equal ETags.
  std::uint64_t digest() const noexcept { return digest_; }

  const FactorDefinition* factor(std::string_view code) const;
  // Columns a list of `kind` can filter, sort and facet on (a programme also sees its
  // university's columns).
  const Column* column(std::string_view code, EntityKind kind) const;
  // Entity index by slug or by numeric id.
  std::optional<std::uint32_t> find(EntityKind kind, std::string_view key) const;
  std::optional<std::uint32_t> find_career(std::string_view key) const;
  std::optional<std::uint32_t> find_course(std::string_view key) const;
  std::optional<std::uint32_t> find_recruiter(std::string_view key) const;
  std::optional<std::uint32_t> find_skill(std::string_view slug) const;

  std::uint32_t university_of(std::uint32_t programme) const { return university_of_[programme]; }
  std::span<const std::uint32_t> programmes_of(std::uint32_t university) const {
    return programmes_of_[university];
  }
  std::int64_t id_of(EntityKind kind, std::uint32_t index) const;
  // The value of column for an entity of `kind` (NaN when not disclosed).
  double value(const Column& column, EntityKind kind, std::uint32_t index) const;
  // Whether entities of `kind` carry the factor: its own scope, and for a programme also its
  // university's factors.
  static bool applies(const FactorDefinition& factor, EntityKind kind) noexcept {
    return factor.scope == kind || kind == EntityKind::programme;
  }
  // The entity's value of the factor (derived ones included) with its provenance, or nullopt
  // when not disclosed.
  std::optional<FactorValue> factor_value(EntityKind kind, std::uint32_t index,
                                          const FactorDefinition& factor) const;
  // The entity's own stored values (derived ones excluded), as an admin would write them.
  std::vector<FactorValue> stored_values(EntityKind kind, std::uint32_t index) const;

  // Throws disha::Error (bad_request, field "cursor") for a cursor of another query.
  ListPage list(const ListQuery& query) const;

  // Small lists (careers, courses, recruiters, factors) matched against q by name.
  const TextIndex& career_index() const noexcept { return career_index_; }
  const TextIndex& course_index() const noexcept { return course_index_; }
  const TextIndex& recruiter_index() const noexcept { return recruiter_index_; }

 private:
  struct Order;
  struct Lazy {
    std::once_flag once;
    std::vector<std::uint32_t> indices;  // ascending (value, id), missing values last
    std::size_t present = 0;             // how many have a value
  };

  struct Provenance {
    const std::string* qualifier = nullptr;
    const std::string* source_url = nullptr;
    const std::string* verified_on = nullptr;
  };

  void build_lookups();
  void build_programme_index();
  void build_columns(int current_year);
  void fill_derived(Column& column, const std::string& field, int current_year);
  const std::string* intern_text(const std::optional<std::string>& text);
  Column& add_column(std::string code, std::string label, ValueType type, EntityKind scope,
                     const FactorDefinition* factor);
  const Lazy& sorted_by(const Column* column, EntityKind kind) const;
  std::size_t count(EntityKind kind) const;

  // Entities keep their fields; their factor values move into the columns (and qualifiers and
  // sources into provenance_), which keeps a 100,000-programme catalogue small.
  CatalogData data_;
  std::uint64_t digest_ = 0;
  std::unordered_map<std::uint64_t, Provenance> provenance_;  // column index << 32 | entity
  std::unordered_set<std::string> strings_;                   // provenance texts, stored once
  std::vector<std::unique_ptr<Column>> columns_;
  std::unordered_map<std::string, const Column*> university_columns_;
  std::unordered_map<std::string, const Column*> programme_columns_;
  std::unordered_map<std::string, const FactorDefinition*> factors_by_code_;
  std::unordered_map<std::string, std::uint32_t> university_slugs_, programme_slugs_, career_slugs_,
      course_slugs_, recruiter_slugs_, skill_slugs_;
  std::unordered_map<std::int64_t, std::uint32_t> university_ids_, programme_ids_, career_ids_;
  std::vector<std::uint32_t> university_of_;
  std::vector<std::vector<std::uint32_t>> programmes_of_;
  std::vector<std::vector<std::int64_t>> programme_careers_;  // career ids, sorted
  std::vector<std::string> university_sort_names_, programme_sort_names_;
  TextIndex university_index_, programme_index_, career_index_, course_index_, recruiter_index_;
  // One entry per ordered column, made at construction; each sorts on first use.
  std::unordered_map<const Column*, std::unique_ptr<Lazy>> university_orders_, programme_orders_;
  std::unique_ptr<Lazy> university_by_name_, programme_by_name_;
};

}  // namespace disha::catalog
