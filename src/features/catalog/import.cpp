#include "features/catalog/import.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "core/csv.hpp"
#include "core/error.hpp"

namespace disha::catalog {

namespace {

const std::map<ImportKind, std::vector<std::string_view>> kImportFields{
    {ImportKind::universities,
     {"slug", "name", "short_name", "state", "city", "institution_type", "year_established",
      "website", "modes"}},
    {ImportKind::programmes,
     {"slug", "university", "course", "name", "level", "discipline", "duration_months",
      "fee_total_inr", "fee_per_semester_inr", "emi_from_inr", "mode", "exam_mode", "eligibility",
      "specialisations", "careers"}},
    {ImportKind::careers, {"slug", "name", "summary", "onet_soc_code"}},
};

constexpr std::string_view kValueSuffixes[] = {"_qualifier", "_source_url", "_verified_on"};

struct ColumnRole {
  std::string header;     // as written in the file
  std::string field;      // a field name, or a factor code
  std::string attribute;  // for factor columns: "", "qualifier", "source_url" or "verified_on"
  bool factor = false;
};

struct RowError {
  std::string column;
  std::string reason;
};

std::vector<std::string> split_list_cell(std::string_view text) {
  std::vector<std::string> items;
  std::string item;
  auto flush = [&] {
    auto begin = item.find_first_not_of(' ');
    auto end = item.find_last_not_of(' ');
    if (begin != std::string::npos) items.push_back(item.substr(begin, end - begin + 1));
    item.clear();
  };
  for (char c : text) {
    if (c == '|' || c == ';') {
      flush();
    } else {
      item += c;
    }
  }
  flush();
  return items;
}

template <class T>
T number_cell(const std::string& text, const std::string& column) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw RowError{column, "'" + text + "' is not " +
                               (std::is_integral_v<T> ? std::string("a whole number")
                                                      : std::string("a number"))};
  }
  return value;
}

double boolean_cell(const std::string& text, const std::string& column) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "true" || lower == "yes" || lower == "1") return 1;
  if (lower == "false" || lower == "no" || lower == "0") return 0;
  throw RowError{column, "'" + text + "' is not true or false"};
}

std::optional<std::string> optional_cell(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// The factor values of a row, from its factor columns.
std::vector<FactorValue> factor_values(const std::vector<ColumnRole>& roles,
                                       const std::vector<std::string>& cells,
                                       const FactorLookup& factors) {
  std::map<std::string, FactorValue> values;
  std::map<std::string, std::string> value_columns;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    const auto& role = roles[i];
    if (!role.factor || cells[i].empty()) continue;
    auto& value = values[role.field];
    value.factor_code = role.field;
    if (role.attribute == "qualifier") {
      value.qualifier = cells[i];
    } else if (role.attribute == "source_url") {
      value.source_url = cells[i];
    } else if (role.attribute == "verified_on") {
      value.verified_on = cells[i];
    } else {
      value_columns[role.field] = role.header;
      const auto* factor = factors(role.field);
      switch (factor->type) {
        case ValueType::number:
          value.number = number_cell<double>(cells[i], role.header);
          break;
        case ValueType::boolean:
          value.number = boolean_cell(cells[i], role.header);
          break;
        default:
          value.text = cells[i];
      }
    }
  }
  std::vector<FactorValue> result;
  for (auto& [code, value] : values) {
    if (!value.number && !value.text) {
      throw RowError{code, "has a qualifier, source or date but no value"};
    }
    result.push_back(std::move(value));
  }
  return result;
}

class RowReader {
 public:
  RowReader(const std::vector<ColumnRole>& roles, const std::vector<std::string>& cells)
      : roles_(roles), cells_(cells) {}

  const std::string& get(std::string_view field) const {
    static const std::string empty;
    for (std::size_t i = 0; i < roles_.size(); ++i) {
      if (!roles_[i].factor && roles_[i].field == field) return cells_[i];
    }
    return empty;
  }
  std::optional<std::string> optional(std::string_view field) const {
    return optional_cell(get(field));
  }
  template <class T>
  std::optional<T> number(std::string_view field) const {
    const auto& text = get(field);
    if (text.empty()) return std::nullopt;
    return number_cell<T>(text, header_of(field));
  }
  std::string header_of(std::string_view field) const {
    for (const auto& role : roles_) {
      if (!role.factor && role.field == field) return role.header;
    }
    return std::string(field);
  }

 private:
  const std::vector<ColumnRole>& roles_;
  const std::vector<std::string>& cells_;
};

}  // namespace

ImportKind parse_import_kind(std::string_view text) {
  if (text == "universities") return ImportKind::universities;
  if (text == "programmes" || text == "programs") return ImportKind::programmes;
  if (text == "careers") return ImportKind::careers;
  throw Error(ErrorCode::unprocessable, "kind must be universities, programmes or careers", "kind");
}

std::map<std::string, std::string> parse_column_mapping(std::string_view text) {
  std::map<std::string, std::string> mapping;
  while (!text.empty()) {
    auto comma = text.find(',');
    auto pair = text.substr(0, comma);
    auto equals = pair.find('=');
    if (equals == std::string_view::npos || equals == 0 || equals + 1 == pair.size()) {
      throw Error(ErrorCode::unprocessable, "map entries are csvcolumn=field, separated by commas",
                  "map");
    }
    mapping.emplace(std::string(pair.substr(0, equals)), std::string(pair.substr(equals + 1)));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return mapping;
}

ImportPlan plan_import(std::string_view csv, ImportKind kind,
                       const std::map<std::string, std::string>& mapping,
                       const FactorLookup& factors, const ImportReferences& references) {
  CsvReader reader(csv);
  auto header = reader.next();
  if (!header) throw Error(ErrorCode::unprocessable, "the file is empty", "file");

  const auto& fields = kImportFields.at(kind);
  const auto scope =
      kind == ImportKind::universities ? EntityKind::university : EntityKind::programme;
  std::vector<ColumnRole> roles;
  for (const auto& name : header->fields) {
    ColumnRole role{name, name, "", false};
    if (auto mapped = mapping.find(name); mapped != mapping.end()) role.field = mapped->second;
    if (std::find(fields.begin(), fields.end(), role.field) == fields.end()) {
      std::string code = role.field;
      for (auto suffix : kValueSuffixes) {
        if (code.ends_with(suffix) && factors(code.substr(0, code.size() - suffix.size()))) {
          role.attribute = std::string(suffix.substr(1));
          code.resize(code.size() - suffix.size());
          break;
        }
      }
      const auto* factor = factors(code);
      if (kind == ImportKind::careers || factor == nullptr || factor->scope != scope) {
        throw Error(ErrorCode::unprocessable,
                    "line " + std::to_string(header->line) + ": unknown column '" + name + "'",
                    "file");
      }
      role.field = code;
      role.factor = true;
    }
    roles.push_back(std::move(role));
  }

  ImportPlan plan;
  std::unordered_map<std::string, std::size_t> first_line_of_slug;
  while (auto record = reader.next()) {
    ++plan.rows;
    const auto line = record->line;
    auto report = [&](std::string column, std::string reason) {
      plan.issues.push_back(ImportIssue{line, std::move(column), std::move(reason)});
    };
    if (record->fields.size() != roles.size()) {
      report("", "has " + std::to_string(record->fields.size()) + " fields, the header " +
                     std::to_string(roles.size()));
      continue;
    }
    RowReader row(roles, record->fields);
    // Maps an error's field name back to the file's column.
    auto column_of = [&](const std::string& field) {
      auto name = field.starts_with("values.") ? field.substr(7) : field;
      name = name.substr(0, name.find('.'));
      for (const auto& role : roles) {
        if (role.field == name) return role.header;
      }
      return name;
    };
    try {
      std::string slug;
      if (kind == ImportKind::universities) {
        University u;
        u.name = row.get("name");
        u.slug = row.get("slug").empty() ? slugify(u.name) : row.get("slug");
        u.short_name = row.optional("short_name");
        u.state = row.optional("state");
        u.city = row.optional("city");
        u.institution_type = row.optional("institution_type");
        u.year_established = row.number<int>("year_established");
        u.website = row.optional("website");
        u.modes = split_list_cell(row.get("modes"));
        u.values = factor_values(roles, record->fields, factors);
        validate(u, factors);
        slug = u.slug;
        plan.universities.push_back(std::move(u));
      } else if (kind == ImportKind::programmes) {
        Programme p;
        p.name = row.get("name");
        p.university_slug = row.get("university");
        p.slug =
            row.get("slug").empty() ? slugify(p.university_slug + " " + p.name) : row.get("slug");
        p.course_slug = row.optional("course");
        p.level = row.get("level");
        p.discipline = row.optional("discipline");
        p.duration_months = row.number<int>("duration_months");
        p.fee_total_inr = row.number<std::int64_t>("fee_total_inr");
        p.fee_per_semester_inr = row.number<std::int64_t>("fee_per_semester_inr");
        p.emi_from_inr = row.number<std::int64_t>("emi_from_inr");
        p.mode = row.get("mode");
        p.exam_mode = row.optional("exam_mode");
        p.eligibility = row.optional("eligibility");
        p.specialisations = split_list_cell(row.get("specialisations"));
        p.career_slugs = split_list_cell(row.get("careers"));
        p.values = factor_values(roles, record->fields, factors);
        validate(p, factors);
        if (!references.university_exists(p.university_slug)) {
          throw RowError{row.header_of("university"), "no university '" + p.university_slug + "'"};
        }
        if (p.course_slug && !references.course_exists(*p.course_slug)) {
          throw RowError{row.header_of("course"), "no course '" + *p.course_slug + "'"};
        }
        for (const auto& career : p.career_slugs) {
          if (!references.career_exists(career)) {
            throw RowError{row.header_of("careers"), "no career '" + career + "'"};
          }
        }
        slug = p.slug;
        plan.programmes.push_back(std::move(p));
      } else {
        Career c;
        c.name = row.get("name");
        c.slug = row.get("slug").empty() ? slugify(c.name) : row.get("slug");
        c.summary = row.get("summary");
        c.onet_soc_code = row.optional("onet_soc_code");
        validate(c);
        slug = c.slug;
        plan.careers.push_back(std::move(c));
      }
      auto [first, added] = first_line_of_slug.emplace(slug, line);
      if (!added) {
        report(row.header_of("slug"),
               "slug '" + slug + "' repeats the row on line " + std::to_string(first->second));
        if (kind == ImportKind::universities) plan.universities.pop_back();
        if (kind == ImportKind::programmes) plan.programmes.pop_back();
        if (kind == ImportKind::careers) plan.careers.pop_back();
      }
    } catch (const RowError& error) {
      report(error.column, error.reason);
    } catch (const Error& error) {
      report(column_of(error.field()), error.what());
    }
  }
  return plan;
}

}  // namespace disha::catalog
