#include "features/catalog/snapshot.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <thread>

#include "core/error.hpp"
#include "features/catalog/cursor.hpp"

namespace disha::catalog {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// FNV-1a over everything that a response can show, so the digest changes with the content.
class Digest {
 public:
  void add(std::string_view text) {
    for (unsigned char c : text) mix(c);
    mix(0xff);
  }
  void add(double number) {
    std::uint64_t bits = 0;
    static_assert(sizeof bits == sizeof number);
    std::memcpy(&bits, &number, sizeof bits);
    for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>(bits >> (8 * i)));
  }
  template <class T>
  void add(const std::optional<T>& value) {
    if (value) {
      add(*value);
    } else {
      mix(0xfe);
    }
  }
  void add(std::int64_t number) { add(static_cast<double>(number)); }
  void add(int number) { add(static_cast<double>(number)); }
  void add(bool flag) { mix(flag ? 1 : 0); }
  void add(const std::vector<std::string>& items) {
    for (const auto& item : items) add(std::string_view(item));
    mix(0xfd);
  }
  void add(const FactorValue& value) {
    add(std::string_view(value.factor_code));
    add(value.number);
    add(value.text);
    add(value.qualifier);
    add(value.source_url);
    add(value.verified_on);
  }
  std::uint64_t value() const noexcept { return hash_; }

 private:
  void mix(unsigned char byte) {
    hash_ ^= byte;
    hash_ *= 0x100000001b3ULL;
  }
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

void add_all(Digest& digest, const std::string& s) {
  digest.add(std::string_view(s));
}
template <class T>
void add_all(Digest& digest, const T& value) {
  digest.add(value);
}
template <class... T>
void add_fields(Digest& digest, const T&... values) {
  (add_all(digest, values), ...);
}

std::uint64_t digest_of(const CatalogData& data) {
  Digest digest;
  for (const auto& f : data.factors) {
    add_fields(digest, f.code, f.label, std::string(to_string(f.group)),
               std::string(to_string(f.type)), f.unit, std::string(to_string(f.direction)),
               std::string(to_string(f.scope)), f.levels, f.description, f.derived_from);
  }
  for (const auto& u : data.universities) {
    add_fields(digest, u.id, u.slug, u.name, u.short_name, u.state, u.city, u.institution_type,
               u.year_established, u.website, u.modes, u.is_demo);
    for (const auto& v : u.values) digest.add(v);
  }
  for (const auto& p : data.programmes) {
    add_fields(digest, p.id, p.slug, p.university_slug, p.course_slug, p.name, p.level,
               p.discipline, p.duration_months, p.fee_total_inr, p.fee_per_semester_inr,
               p.emi_from_inr, p.mode, p.exam_mode, p.eligibility, p.specialisations,
               p.career_slugs, p.is_demo);
    for (const auto& v : p.values) digest.add(v);
  }
  for (const auto& c : data.courses) {
    add_fields(digest, c.id, c.slug, c.name, c.level, c.mode, c.fee_min_inr, c.fee_max_inr,
               c.is_demo);
  }
  for (const auto& c : data.careers) {
    add_fields(digest, c.id, c.slug, c.name, c.summary, c.onet_soc_code, c.is_demo, c.skill_slugs,
               c.next_career_slugs, c.recruiter_slugs);
    for (const auto& b : c.salary_bands) {
      add_fields(digest, b.band, b.years_min, b.years_max, b.salary_inr, b.source, b.year);
    }
  }
  for (const auto& s : data.skills)
    add_fields(digest, s.id, s.slug, s.name, s.kind, s.specification);
  for (const auto& r : data.recruiters) add_fields(digest, r.id, r.slug, r.name);
  return digest.value();
}

std::string fold(std::string_view text) {
  std::string folded(text);
  for (auto& c : folded) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return folded;
}

template <class T>
std::unordered_map<std::string, std::uint32_t> index_slugs(const std::vector<T>& items) {
  std::unordered_map<std::string, std::uint32_t> slugs;
  slugs.reserve(items.size());
  for (std::uint32_t i = 0; i < items.size(); ++i) slugs.emplace(items[i].slug, i);
  return slugs;
}

template <class T>
std::unordered_map<std::int64_t, std::uint32_t> index_ids(const std::vector<T>& items) {
  std::unordered_map<std::int64_t, std::uint32_t> ids;
  ids.reserve(items.size());
  for (std::uint32_t i = 0; i < items.size(); ++i) ids.emplace(items[i].id, i);
  return ids;
}

// A slug, or a positive decimal id.
std::optional<std::uint32_t> lookup(const std::unordered_map<std::string, std::uint32_t>& slugs,
                                    const std::unordered_map<std::int64_t, std::uint32_t>* ids,
                                    std::string_view key) {
  if (auto found = slugs.find(std::string(key)); found != slugs.end()) return found->second;
  if (ids == nullptr) return std::nullopt;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (ec != std::errc() || end != key.data() + key.size()) return std::nullopt;
  if (auto found = ids->find(id); found != ids->end()) return found->second;
  return std::nullopt;
}

TextIndex index_names(std::size_t count, auto fields_of) {
  TextIndex::Builder builder;
  for (std::uint32_t i = 0; i < count; ++i) {
    auto fields = fields_of(i);
    builder.add(i, fields);
  }
  return std::move(builder).build();
}

std::string format_number(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::string("0");
}

}  // namespace

std::string Column::display(double value) const {
  if (std::isnan(value)) return {};
  switch (type) {
    case ValueType::boolean:
      return value != 0 ? "true" : "false";
    case ValueType::grade:
    case ValueType::enumeration:
    case ValueType::text: {
      auto code = static_cast<std::size_t>(value);
      return code < labels.size() ? labels[code] : std::string();
    }
    case ValueType::number:
      break;
  }
  return format_number(value);
}

std::string SortKey::canonical() const {
  std::string key = descending ? "-" : "";
  key += relevance ? "relevance" : column ? column->code : "name";
  return key;
}

// The order of a list: by the sort key, missing values last (by id), ties by id in the
// direction of the sort. A cursor names the last item shown; the next page starts after it.
struct Snapshot::Order {
  struct Key {
    bool missing = false;
    double number = 0;
    std::string_view text;
    std::int64_t id = 0;
  };

  const Snapshot& snapshot;
  EntityKind kind;
  const SortKey& sort;
  const std::vector<float>* scores = nullptr;  // relevance, by entity index

  bool by_name() const noexcept { return !sort.relevance && sort.column == nullptr; }

  Key key(std::uint32_t index) const {
    Key key;
    key.id = snapshot.id_of(kind, index);
    if (sort.relevance) {
      key.number = (*scores)[index];
    } else if (sort.column) {
      key.number = snapshot.value(*sort.column, kind, index);
      key.missing = std::isnan(key.number);
    } else {
      key.text = kind == EntityKind::university ? snapshot.university_sort_names_[index]
                                                : snapshot.programme_sort_names_[index];
    }
    return key;
  }

  bool less(const Key& a, const Key& b) const {
    if (a.missing != b.missing) return b.missing;
    if (a.missing) return a.id < b.id;
    if (by_name()) {
      if (a.text != b.text) return sort.descending ? a.text > b.text : a.text < b.text;
    } else if (a.number != b.number) {
      return sort.descending ? a.number > b.number : a.number < b.number;
    }
    return sort.descending ? a.id > b.id : a.id < b.id;
  }
  bool operator()(std::uint32_t a, std::uint32_t b) const { return less(key(a), key(b)); }

  Key from_cursor(const Cursor& cursor) const {
    Key key;
    key.id = cursor.last_id;
    if (std::holds_alternative<std::monostate>(cursor.last_value)) {
      key.missing = true;
    } else if (const auto* number = std::get_if<double>(&cursor.last_value)) {
      if (by_name())
        throw Error(ErrorCode::bad_request, "cursor does not fit this query", "cursor");
      key.number = *number;
    } else {
      if (!by_name())
        throw Error(ErrorCode::bad_request, "cursor does not fit this query", "cursor");
      key.text = std::get<std::string>(cursor.last_value);
    }
    return key;
  }

  Cursor cursor_after(std::uint32_t index, std::uint64_t fingerprint) const {
    auto last = key(index);
    Cursor cursor{fingerprint, std::monostate{}, last.id};
    if (by_name()) {
      cursor.last_value = std::string(last.text);
    } else if (!last.missing) {
      cursor.last_value = last.number;
    }
    return cursor;
  }
};

Snapshot::Snapshot(CatalogData data, int current_year) : data_(std::move(data)) {
  digest_ = digest_of(data_);
  build_lookups();
  {
    // The largest index builds on another core while the columns fill (jthread joins on exit).
    std::jthread programmes([this] { build_programme_index(); });
    build_columns(current_year);
  }
}

void Snapshot::build_lookups() {
  for (const auto& factor : data_.factors) factors_by_code_.emplace(factor.code, &factor);
  university_slugs_ = index_slugs(data_.universities);
  programme_slugs_ = index_slugs(data_.programmes);
  career_slugs_ = index_slugs(data_.careers);
  course_slugs_ = index_slugs(data_.courses);
  recruiter_slugs_ = index_slugs(data_.recruiters);
  skill_slugs_ = index_slugs(data_.skills);
  university_ids_ = index_ids(data_.universities);
  programme_ids_ = index_ids(data_.programmes);
  career_ids_ = index_ids(data_.careers);

  programmes_of_.resize(data_.universities.size());
  university_of_.reserve(data_.programmes.size());
  programme_careers_.reserve(data_.programmes.size());
  for (std::uint32_t p = 0; p < data_.programmes.size(); ++p) {
    const auto& programme = data_.programmes[p];
    auto university = university_slugs_.at(programme.university_slug);
    university_of_.push_back(university);
    programmes_of_[university].push_back(p);
    std::vector<std::int64_t> careers;
    for (const auto& slug : programme.career_slugs) {
      if (auto found = career_slugs_.find(slug); found != career_slugs_.end()) {
        careers.push_back(data_.careers[found->second].id);
      }
    }
    std::sort(careers.begin(), careers.end());
    programme_careers_.push_back(std::move(careers));
  }

  for (const auto& u : data_.universities) university_sort_names_.push_back(fold(u.name));
  for (const auto& p : data_.programmes) programme_sort_names_.push_back(fold(p.name));

  university_index_ = index_names(data_.universities.size(), [&](std::uint32_t i) {
    const auto& u = data_.universities[i];
    return std::vector<TextField>{{u.name, 3.0},
                                  {u.short_name.value_or(""), 3.0},
                                  {u.city.value_or(""), 1.0},
                                  {u.state.value_or(""), 1.0}};
  });
  career_index_ = index_names(data_.careers.size(), [&](std::uint32_t i) {
    return std::vector<TextField>{{data_.careers[i].name, 3.0}, {data_.careers[i].summary, 1.0}};
  });
  course_index_ = index_names(data_.courses.size(), [&](std::uint32_t i) {
    return std::vector<TextField>{{data_.courses[i].name, 3.0}};
  });
  recruiter_index_ = index_names(data_.recruiters.size(), [&](std::uint32_t i) {
    return std::vector<TextField>{{data_.recruiters[i].name, 3.0}};
  });
}

// Reads only entity fields that build_columns() leaves alone, so both may run at once.
void Snapshot::build_programme_index() {
  programme_index_ = index_names(data_.programmes.size(), [&](std::uint32_t i) {
    const auto& p = data_.programmes[i];
    const auto& u = data_.universities[university_of_[i]];
    return std::vector<TextField>{{p.name, 3.0},
                                  {p.discipline.value_or(""), 2.0},
                                  {u.name, 1.5},
                                  {u.short_name.value_or(""), 1.5},
                                  {u.city.value_or(""), 0.5},
                                  {u.state.value_or(""), 0.5}};
  });
}

Column& Snapshot::add_column(std::string code, std::string label, ValueType type, EntityKind scope,
                             const FactorDefinition* factor) {
  auto column = std::make_unique<Column>();
  column->index = static_cast<std::uint32_t>(columns_.size());
  column->code = std::move(code);
  column->label = std::move(label);
  column->type = type;
  column->scope = scope;
  column->factor = factor;
  column->values.assign(count(scope), kMissing);
  if (factor && type == ValueType::grade) {
    column->labels = factor->levels;
    for (std::size_t i = 0; i < factor->levels.size(); ++i) {
      column->codes.emplace(factor->levels[i], static_cast<double>(i));
    }
  }
  auto& columns = scope == EntityKind::university ? university_columns_ : programme_columns_;
  columns[column->code] = column.get();
  columns_.push_back(std::move(column));
  return *columns_.back();
}

namespace {

// The column's code for a dictionary value, adding it when new.
double intern(Column& column, const std::string& text) {
  auto [found, added] = column.codes.emplace(text, static_cast<double>(column.labels.size()));
  if (added) column.labels.push_back(text);
  return found->second;
}

double encoded(Column& column, const FactorValue& value) {
  if (column.type == ValueType::number || column.type == ValueType::boolean) {
    return value.number.value_or(kMissing);
  }
  if (!value.text) return kMissing;
  if (column.type == ValueType::grade) {
    auto found = column.codes.find(*value.text);
    return found == column.codes.end() ? kMissing : found->second;
  }
  return intern(column, *value.text);
}

}  // namespace

void Snapshot::build_columns(int current_year) {
  using enum EntityKind;
  auto& state = add_column("state", "State", ValueType::enumeration, university, nullptr);
  auto& city = add_column("city", "City", ValueType::enumeration, university, nullptr);
  auto& university_slug =
      add_column("university", "University", ValueType::enumeration, university, nullptr);
  auto& university_demo = add_column("demo", "Demo data", ValueType::boolean, university, nullptr);
  for (std::uint32_t i = 0; i < data_.universities.size(); ++i) {
    const auto& u = data_.universities[i];
    if (u.state) state.values[i] = intern(state, *u.state);
    if (u.city) city.values[i] = intern(city, *u.city);
    university_slug.values[i] = intern(university_slug, u.slug);
    university_demo.values[i] = u.is_demo ? 1 : 0;
  }
  auto& level = add_column("level", "Level", ValueType::enumeration, programme, nullptr);
  auto& discipline =
      add_column("discipline", "Discipline", ValueType::enumeration, programme, nullptr);
  auto& course = add_column("course", "Course", ValueType::enumeration, programme, nullptr);
  auto& programme_demo = add_column("demo", "Demo data", ValueType::boolean, programme, nullptr);
  for (std::uint32_t i = 0; i < data_.programmes.size(); ++i) {
    const auto& p = data_.programmes[i];
    level.values[i] = intern(level, p.level);
    if (p.discipline) discipline.values[i] = intern(discipline, *p.discipline);
    if (p.course_slug) course.values[i] = intern(course, *p.course_slug);
    programme_demo.values[i] = p.is_demo ? 1 : 0;
  }

  for (const auto& factor : data_.factors) {
    auto& column = add_column(factor.code, factor.label, factor.type, factor.scope, &factor);
    if (!factor.derived_from.empty()) fill_derived(column, factor.derived_from, current_year);
  }
  auto fill = [&](EntityKind scope, std::uint32_t index, std::vector<FactorValue>& values) {
    for (const auto& value : values) {
      auto* column = const_cast<Column*>(this->column(value.factor_code, scope));
      if (!column || !column->factor || column->scope != scope ||
          !column->factor->derived_from.empty()) {
        continue;
      }
      column->values[index] = encoded(*column, value);
      if (value.qualifier || value.source_url || value.verified_on) {
        provenance_[std::uint64_t{column->index} << 32 | index] =
            Provenance{intern_text(value.qualifier), intern_text(value.source_url),
                       intern_text(value.verified_on)};
      }
    }
    std::vector<FactorValue>().swap(values);  // the columns hold them now
  };
  for (std::uint32_t i = 0; i < data_.universities.size(); ++i) {
    fill(university, i, data_.universities[i].values);
  }
  for (std::uint32_t i = 0; i < data_.programmes.size(); ++i) {
    fill(programme, i, data_.programmes[i].values);
  }

  for (const auto& column : columns_) {
    if (!column->ordered()) continue;
    university_orders_.emplace(column.get(), std::make_unique<Lazy>());
    programme_orders_.emplace(column.get(), std::make_unique<Lazy>());
  }
  university_by_name_ = std::make_unique<Lazy>();
  programme_by_name_ = std::make_unique<Lazy>();
}

const std::string* Snapshot::intern_text(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return &*strings_.insert(*text).first;
}

// A derived factor's values come from the entity's own fields.
void Snapshot::fill_derived(Column& column, const std::string& field, int current_year) {
  auto number = [](const auto& value) { return value ? static_cast<double>(*value) : kMissing; };
  auto label = [&column](const std::optional<std::string>& text) {
    return text && !text->empty() ? intern(column, *text) : kMissing;
  };
  if (column.scope == EntityKind::university) {
    for (std::uint32_t i = 0; i < data_.universities.size(); ++i) {
      const auto& u = data_.universities[i];
      if (field == "year_established" && u.year_established) {
        column.values[i] = current_year - *u.year_established;
      } else if (field == "institution_type") {
        column.values[i] = label(u.institution_type);
      }
    }
    return;
  }
  for (std::uint32_t i = 0; i < data_.programmes.size(); ++i) {
    const auto& p = data_.programmes[i];
    auto& value = column.values[i];
    if (field == "fee_total_inr") value = number(p.fee_total_inr);
    if (field == "fee_per_semester_inr") value = number(p.fee_per_semester_inr);
    if (field == "emi_from_inr") value = number(p.emi_from_inr);
    if (field == "duration_months") value = number(p.duration_months);
    if (field == "mode") value = label(p.mode);
    if (field == "exam_mode") value = label(p.exam_mode);
    if (field == "specialisations" && !p.specialisations.empty()) {
      value = static_cast<double>(p.specialisations.size());
    }
  }
}

std::size_t Snapshot::count(EntityKind kind) const {
  return kind == EntityKind::university ? data_.universities.size() : data_.programmes.size();
}

std::int64_t Snapshot::id_of(EntityKind kind, std::uint32_t index) const {
  return kind == EntityKind::university ? data_.universities[index].id : data_.programmes[index].id;
}

double Snapshot::value(const Column& column, EntityKind kind, std::uint32_t index) const {
  if (column.scope == kind) return column.values[index];
  // A programme sees its university's columns.
  return column.values[university_of_[index]];
}

const FactorDefinition* Snapshot::factor(std::string_view code) const {
  auto found = factors_by_code_.find(std::string(code));
  return found == factors_by_code_.end() ? nullptr : found->second;
}

const Column* Snapshot::column(std::string_view code, EntityKind kind) const {
  std::string key(code);
  if (kind == EntityKind::programme) {
    if (auto found = programme_columns_.find(key); found != programme_columns_.end()) {
      return found->second;
    }
  }
  auto found = university_columns_.find(key);
  return found == university_columns_.end() ? nullptr : found->second;
}

std::optional<std::uint32_t> Snapshot::find(EntityKind kind, std::string_view key) const {
  return kind == EntityKind::university ? lookup(university_slugs_, &university_ids_, key)
                                        : lookup(programme_slugs_, &programme_ids_, key);
}
std::optional<std::uint32_t> Snapshot::find_career(std::string_view key) const {
  return lookup(career_slugs_, &career_ids_, key);
}
std::optional<std::uint32_t> Snapshot::find_course(std::string_view key) const {
  return lookup(course_slugs_, nullptr, key);
}
std::optional<std::uint32_t> Snapshot::find_recruiter(std::string_view key) const {
  return lookup(recruiter_slugs_, nullptr, key);
}
std::optional<std::uint32_t> Snapshot::find_skill(std::string_view slug) const {
  return lookup(skill_slugs_, nullptr, slug);
}

std::optional<FactorValue> Snapshot::factor_value(EntityKind kind, std::uint32_t index,
                                                  const FactorDefinition& factor) const {
  if (!applies(factor, kind)) return std::nullopt;
  const auto& columns =
      factor.scope == EntityKind::university ? university_columns_ : programme_columns_;
  auto found = columns.find(factor.code);
  if (found == columns.end()) return std::nullopt;
  const Column& column = *found->second;
  const auto entity = factor.scope == kind ? index : university_of_[index];
  const double value = column.values[entity];
  if (std::isnan(value)) return std::nullopt;
  FactorValue result;
  result.factor_code = factor.code;
  if (column.ordered() && column.type != ValueType::grade) {
    result.number = value;
  } else {
    result.text = column.display(value);
  }
  if (auto p = provenance_.find(std::uint64_t{column.index} << 32 | entity);
      p != provenance_.end()) {
    auto copy = [](const std::string* text) {
      return text ? std::optional<std::string>(*text) : std::nullopt;
    };
    result.qualifier = copy(p->second.qualifier);
    result.source_url = copy(p->second.source_url);
    result.verified_on = copy(p->second.verified_on);
  }
  return result;
}

std::vector<FactorValue> Snapshot::stored_values(EntityKind kind, std::uint32_t index) const {
  std::vector<FactorValue> values;
  for (const auto& factor : data_.factors) {
    if (factor.scope != kind || !factor.derived_from.empty()) continue;
    if (auto value = factor_value(kind, index, factor)) values.push_back(std::move(*value));
  }
  return values;
}

const Snapshot::Lazy& Snapshot::sorted_by(const Column* column, EntityKind kind) const {
  const Lazy* lazy = nullptr;
  if (column == nullptr) {
    lazy = kind == EntityKind::university ? university_by_name_.get() : programme_by_name_.get();
  } else {
    const auto& orders = kind == EntityKind::university ? university_orders_ : programme_orders_;
    lazy = orders.at(column).get();
  }
  auto& entry = const_cast<Lazy&>(*lazy);
  std::call_once(entry.once, [&] {
    SortKey ascending{column, false, false};
    Order order{*this, kind, ascending};
    entry.indices.resize(count(kind));
    for (std::uint32_t i = 0; i < entry.indices.size(); ++i) entry.indices[i] = i;
    std::sort(entry.indices.begin(), entry.indices.end(), order);
    entry.present = column == nullptr
                        ? entry.indices.size()
                        : static_cast<std::size_t>(std::count_if(
                              entry.indices.begin(), entry.indices.end(), [&](std::uint32_t i) {
                                return !std::isnan(value(*column, kind, i));
                              }));
  });
  return entry;
}

namespace {

bool satisfies(const Filter& filter, double value) {
  if (std::isnan(value)) return false;  // a value not disclosed satisfies no filter
  switch (filter.op) {
    case Filter::Op::at_least:
      return value >= filter.bound;
    case Filter::Op::at_most:
      return value <= filter.bound;
    case Filter::Op::one_of:
      return std::find(filter.values.begin(), filter.values.end(), value) != filter.values.end();
  }
  return false;
}

// Appends only: GCC 12 at -O3 warns falsely (-Wrestrict) on `"literal" + std::string`.
std::string canonical(const ListQuery& query) {
  std::string text(to_string(query.kind));
  text += '\n';
  text += query.text;
  text += '\n';
  for (const auto& filter : query.filters) {
    text += filter.parameter;
    text += filter.op == Filter::Op::one_of ? '=' : '~';
    text += format_number(filter.bound);
    for (double value : filter.values) {
      text += ',';
      text += format_number(value);
    }
    text += '\n';
  }
  if (query.career_id) {
    text += "career=";
    text += std::to_string(*query.career_id);
    text += '\n';
  }
  text += query.sort.canonical();
  return text;
}

}  // namespace

ListPage Snapshot::list(const ListQuery& query) const {
  const auto kind = query.kind;
  const auto fingerprint_value = fingerprint(canonical(query));
  std::optional<Cursor> cursor;
  if (query.cursor) {
    cursor = decode_cursor(*query.cursor);
    if (cursor->query_fingerprint != fingerprint_value) {
      throw Error(ErrorCode::bad_request,
                  "cursor belongs to another query; keep q, the filters and sort unchanged",
                  "cursor");
    }
  }

  auto matches = [&](std::uint32_t index) {
    for (const auto& filter : query.filters) {
      if (!satisfies(filter, value(*filter.column, kind, index))) return false;
    }
    if (query.career_id) {
      const auto& careers = programme_careers_[index];
      if (!std::binary_search(careers.begin(), careers.end(), *query.career_id)) return false;
    }
    return true;
  };

  std::vector<float> scores;
  std::vector<std::uint32_t> candidates;  // text hits; all entities when there is no text
  const bool searching = !query.text.empty();
  if (searching) {
    const auto& index = kind == EntityKind::university ? university_index_ : programme_index_;
    auto hits = index.search(query.text);
    scores.assign(count(kind), 0.0f);
    candidates.reserve(hits.size());
    for (const auto& hit : hits) {
      scores[hit.doc] = static_cast<float>(hit.score);
      candidates.push_back(hit.doc);
    }
  }

  Order order{*this, kind, query.sort, &scores};
  std::optional<Order::Key> after;
  if (cursor) after = order.from_cursor(*cursor);
  auto is_after_cursor = [&](std::uint32_t index) {
    return !after || order.less(*after, order.key(index));
  };

  ListPage page;
  std::vector<std::uint32_t> selected;
  const std::size_t wanted = query.limit + 1;  // one more tells whether a next page exists
  if (searching) {
    for (auto index : candidates) {
      if (matches(index) && is_after_cursor(index)) selected.push_back(index);
    }
    auto middle = selected.begin() + static_cast<std::ptrdiff_t>(std::min(wanted, selected.size()));
    std::partial_sort(selected.begin(), middle, selected.end(), order);
    selected.erase(middle, selected.end());
  } else {
    const auto& sorted = sorted_by(query.sort.column, kind);
    const std::size_t n = sorted.indices.size();
    const std::size_t present = sorted.present;
    // Descending walks the present values backwards, then the missing ones forwards.
    auto at = [&](std::size_t position) {
      if (!query.sort.descending || position >= present) return sorted.indices[position];
      return sorted.indices[present - 1 - position];
    };
    std::size_t begin = 0;
    if (after) {
      std::size_t low = 0, high = n;  // first position after the cursor
      while (low < high) {
        auto mid = low + (high - low) / 2;
        if (order.less(*after, order.key(at(mid)))) {
          high = mid;
        } else {
          low = mid + 1;
        }
      }
      begin = low;
    }
    for (std::size_t position = begin; position < n && selected.size() < wanted; ++position) {
      auto index = at(position);
      if (matches(index)) selected.push_back(index);
    }
  }

  if (selected.size() > query.limit) {
    selected.resize(query.limit);
    page.next_cursor = encode_cursor(order.cursor_after(selected.back(), fingerprint_value));
  }
  page.items = std::move(selected);

  if (!query.facets.empty()) {
    std::vector<std::map<double, std::size_t>> counts(query.facets.size());
    std::size_t total = 0;
    auto count_entity = [&](std::uint32_t index) {
      const Column* failed = nullptr;
      int failures = 0;
      for (const auto& filter : query.filters) {
        if (satisfies(filter, value(*filter.column, kind, index))) continue;
        if (failed != filter.column) ++failures;
        failed = filter.column;
      }
      if (query.career_id) {
        const auto& careers = programme_careers_[index];
        if (!std::binary_search(careers.begin(), careers.end(), *query.career_id)) return;
      }
      if (failures > 1) return;
      if (failures == 0) ++total;
      for (std::size_t f = 0; f < query.facets.size(); ++f) {
        if (failures == 1 && query.facets[f] != failed) continue;
        double v = value(*query.facets[f], kind, index);
        if (!std::isnan(v)) ++counts[f][v];
      }
    };
    if (searching) {
      for (auto index : candidates) count_entity(index);
    } else {
      for (std::uint32_t index = 0; index < count(kind); ++index) count_entity(index);
    }
    page.total = total;
    for (std::size_t f = 0; f < query.facets.size(); ++f) {
      Facet facet{query.facets[f]->code, {}};
      for (const auto& [code, n] : counts[f]) {
        facet.counts.push_back({query.facets[f]->display(code), n});
      }
      std::stable_sort(facet.counts.begin(), facet.counts.end(),
                       [](const auto& a, const auto& b) { return a.count > b.count; });
      page.facets.push_back(std::move(facet));
    }
  }
  return page;
}

}  // namespace disha::catalog
