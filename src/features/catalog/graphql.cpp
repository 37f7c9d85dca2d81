#include "features/catalog/graphql.hpp"

#include <map>

#include "features/catalog/admin.hpp"
#include "features/catalog/json.hpp"
#include "features/catalog/query.hpp"
#include "http/policy.hpp"

namespace disha::catalog {

namespace {

namespace json = boost::json;
using graphql::FieldDefinition;
using graphql::InputValue;
using graphql::ResolveInfo;
using graphql::Result;

// Every field of one request reads the same snapshot, taken at its first catalogue field.
struct PinnedSnapshot {
  std::shared_ptr<const Snapshot> snapshot;
};

// Programme detail renderings of one request, by programme index.
using ProgrammeDetails = std::map<std::uint32_t, json::object>;

const Snapshot& snapshot_of(const ResolveInfo& info, CatalogService& service) {
  return *info.request.get<PinnedSnapshot>([&] { return PinnedSnapshot{service.snapshot()}; }).snapshot;
}

std::string_view slug_of(const ResolveInfo& info) {
  const auto* source = graphql::json_object_of(info.source);
  const auto* slug = source ? source->if_contains("slug") : nullptr;
  return slug && slug->is_string() ? std::string_view(slug->get_string()) : std::string_view();
}

std::string text_argument(const ResolveInfo& info, std::string_view name) {
  const auto* value = info.argument(name);
  return value ? std::string(value->get_string()) : std::string();
}

std::int64_t int_argument(const ResolveInfo& info, std::string_view name, std::int64_t fallback) {
  const auto* value = info.argument(name);
  return value ? value->to_number<std::int64_t>() : fallback;
}

Result objects(json::array items) {
  std::vector<Result> results;
  results.reserve(items.size());
  for (auto& item : items) results.push_back(Result::object(std::move(item.as_object())));
  return Result::list(std::move(results));
}

// The GraphQL arguments of a list as the REST list's query parameters, so both go through one
// parser (parse_list_query) with one set of rules and messages.
QueryParams list_params(const ResolveInfo& info) {
  QueryParams params;
  if (auto search = text_argument(info, "search"); !search.empty()) params.emplace_back("q", search);
  if (auto sort = text_argument(info, "sort"); !sort.empty()) params.emplace_back("sort", sort);
  if (auto career = info.argument("career")) params.emplace_back("career", std::string(career->get_string()));
  if (auto after = info.argument("after")) params.emplace_back("cursor", std::string(after->get_string()));
  params.emplace_back("limit", std::to_string(int_argument(info, "first", kDefaultLimit)));
  if (const auto* filters = info.argument("filters")) {
    for (const auto& item : filters->get_array()) {
      const auto& filter = item.get_object();
      std::string code(filter.at("code").get_string());
      if (const auto* any_of = filter.if_contains("anyOf"); any_of && any_of->is_array()) {
        std::string joined;
        for (const auto& value : any_of->get_array()) {
          joined += (joined.empty() ? "" : ",") + std::string(value.get_string());
        }
        params.emplace_back(code, joined);
      }
      if (const auto* min = filter.if_contains("min"); min && min->is_string()) {
        params.emplace_back(code + "_min", std::string(min->get_string()));
      }
      if (const auto* max = filter.if_contains("max"); max && max->is_string()) {
        params.emplace_back(code + "_max", std::string(max->get_string()));
      }
    }
  }
  if (const auto* facets = info.argument("facets")) {
    std::string joined;
    for (const auto& value : facets->get_array()) joined += (joined.empty() ? "" : ",") + std::string(value.get_string());
    if (!joined.empty()) params.emplace_back("facets", joined);
  }
  return params;
}

json::object connection_json(const Snapshot& snapshot, EntityKind kind, const ListPage& page,
                             const json::storage_ptr& storage) {
  json::array items(storage);
  items.reserve(page.items.size());
  for (auto index : page.items) {
    items.push_back(kind == EntityKind::university ? university_json(snapshot, index, {}, storage)
                                                   : programme_json(snapshot, index, {}, storage));
  }
  return list_page_json(std::move(items), page);
}

// The REST page's facets, {code: counts}, as a list of Facet objects.
Result facets_of(const ResolveInfo& info) {
  const auto* facets = graphql::json_object_of(info.source)->if_contains("facets");
  if (!facets || !facets->is_object()) return Result();
  std::vector<Result> items;
  for (const auto& [code, counts] : facets->get_object()) {
    items.push_back(Result::object(json::object{{"code", code}, {"counts", counts}}));
  }
  return Result::list(std::move(items));
}

std::vector<InputValue> list_arguments(bool programmes) {
  std::vector<InputValue> arguments{
      {.name = "search", .type_text = "String", .description = "Full-text search (prefixes and typos tolerated)."},
      {.name = "filters", .type_text = "[FactorFilter!]", .description = "Every filter must hold."},
      {.name = "sort",
       .type_text = "String",
       .description = "A factor code, `name` or `relevance`; a leading `-` sorts descending."},
      {.name = "first", .type_text = "Int", .description = "Page size, 1 to 100.", .default_value = json::value(20)},
      {.name = "after", .type_text = "String", .description = "The `nextCursor` of the previous page."},
      {.name = "facets", .type_text = "[String!]", .description = "Factor codes to count values of."},
  };
  if (programmes) {
    arguments.insert(arguments.begin() + 2, {.name = "career",
                                             .type_text = "String",
                                             .description = "Only programmes leading to this career (slug)."});
  }
  return arguments;
}

void add_types(graphql::SchemaBuilder& builder, CatalogService& service) {
  builder.input_object("FactorFilter", "A condition on one factor, as the REST lists' CODE=, CODE_min and CODE_max.")
      .input_field({.name = "code", .type_text = "String!", .description = "The factor's code (`naac`, `fee_total`…)."})
      .input_field({.name = "anyOf", .type_text = "[String!]", .description = "Equal to one of these values."})
      .input_field({.name = "min", .type_text = "String", .description = "At least this (a number or a grade)."})
      .input_field({.name = "max", .type_text = "String", .description = "At most this."});

  builder.object("Factor", "A comparison factor: what it measures and how values compare.")
      .field({.name = "code", .type_text = "String!"})
      .field({.name = "label", .type_text = "String!"})
      .field({.name = "group", .type_text = "String!"})
      .field({.name = "type", .type_text = "String!"})
      .field({.name = "unit", .type_text = "String!"})
      .field({.name = "direction", .type_text = "String!"})
      .field({.name = "scope", .type_text = "String!"})
      .field({.name = "levels", .type_text = "[String!]!"})
      .field({.name = "description", .type_text = "String!"})
      .field({.name = "derived", .type_text = "Boolean!"});

  builder.object("FactorValue", "One factor's value for a university or programme, with its provenance.")
      .field({.name = "code", .type_text = "String!"})
      .field({.name = "label", .type_text = "String!"})
      .field({.name = "group", .type_text = "String!"})
      .field({.name = "unit", .type_text = "String!"})
      .field({.name = "value", .type_text = "JSON", .description = "Null when not disclosed."})
      .field({.name = "disclosed", .type_text = "Boolean!"})
      .field({.name = "qualifier", .type_text = "String"})
      .field({.name = "sourceUrl", .type_text = "String"})
      .field({.name = "verifiedOn", .type_text = "String"});

  auto factors_of = [&service](EntityKind kind) {
    return [&service, kind](const ResolveInfo& info) {
      const auto& snapshot = snapshot_of(info, service);
      auto index = snapshot.find(kind, slug_of(info));
      return index ? objects(factor_values_json(snapshot, kind, *index)) : Result::list({});
    };
  };

  // A university's programmes: one batch for all the universities of a request.
  auto programmes_of = [&service](const ResolveInfo& info) {
    using Key = std::pair<std::string, std::int64_t>;
    auto& loader = info.request.loader<Key>(
        "catalog.programmes_of_university",
        [&service, &state = info.request](const std::vector<Key>& keys) -> boost::asio::awaitable<std::vector<Result>> {
          const auto& snapshot = *state.get<PinnedSnapshot>([&] { return PinnedSnapshot{service.snapshot()}; }).snapshot;
          const auto& storage = state.json_storage();
          std::vector<Result> results;
          for (const auto& [slug, first] : keys) {
            json::array items(storage);
            if (auto university = snapshot.find(EntityKind::university, slug)) {
              for (auto programme : snapshot.programmes_of(*university)) {
                if (static_cast<std::int64_t>(items.size()) >= first) break;
                items.push_back(programme_json(snapshot, programme, {}, storage));
              }
            }
            results.push_back(objects(std::move(items)));
          }
          co_return results;
        });
    auto first = std::clamp<std::int64_t>(int_argument(info, "first", kDefaultLimit), 0, kMaxLimit);
    return loader.load({std::string(slug_of(info)), first});
  };

  // Sources are REST renderings; each kind has a member the others lack.
  builder
      .interface("CatalogEntry", "What universities, programmes and careers have in common.",
                 [](const std::any& source) -> std::string_view {
                   const auto* entry = graphql::json_object_of(source);
                   if (!entry) return {};
                   if (entry->contains("programme_count")) return "University";
                   if (entry->contains("university")) return "Programme";
                   if (entry->contains("onet_soc_code")) return "Career";
                   return {};
                 })
      .field({.name = "id", .type_text = "Int!"})
      .field({.name = "slug", .type_text = "String!"})
      .field({.name = "name", .type_text = "String!"})
      .field({.name = "isDemo", .type_text = "Boolean!", .description = "Generated demo data, not a real entry."});

  builder.object("University", "An online or campus university of the catalogue.")
      .implements("CatalogEntry")
      .field({.name = "id", .type_text = "Int!"})
      .field({.name = "slug", .type_text = "String!"})
      .field({.name = "name", .type_text = "String!"})
      .field({.name = "shortName", .type_text = "String"})
      .field({.name = "state", .type_text = "String"})
      .field({.name = "city", .type_text = "String"})
      .field({.name = "institutionType", .type_text = "String"})
      .field({.name = "yearEstablished", .type_text = "Int"})
      .field({.name = "website", .type_text = "String"})
      .field({.name = "modes", .type_text = "[String!]!"})
      .field({.name = "programmeCount", .type_text = "Int!"})
      .field({.name = "isDemo", .type_text = "Boolean!"})
      .field({.name = "factors", .type_text = "[FactorValue!]!", .description = "Every university factor, disclosed or not.",
              .resolve = factors_of(EntityKind::university), .cost = {.default_size = 40}})
      .field({.name = "programmes",
              .type_text = "[Programme!]!",
              .arguments = {{.name = "first", .type_text = "Int", .default_value = json::value(20)}},
              .resolve = programmes_of,
              .cost = {.size_argument = "first", .default_size = 20}});

  // A programme's university: one batch for all the programmes of a request.
  auto university_of = [&service](const ResolveInfo& info) {
    std::string slug(graphql::json_object_of(info.source)->at("university").at("slug").get_string());
    auto& loader = info.request.loader<std::string>(
        "catalog.university",
        [&service, &state = info.request](const std::vector<std::string>& keys) -> boost::asio::awaitable<std::vector<Result>> {
          const auto& snapshot = *state.get<PinnedSnapshot>([&] { return PinnedSnapshot{service.snapshot()}; }).snapshot;
          std::vector<Result> results;
          for (const auto& slug : keys) {
            auto index = snapshot.find(EntityKind::university, slug);
            results.push_back(index ? Result::object(university_json(snapshot, *index, {}, state.json_storage()))
                                    : Result());
          }
          co_return results;
        });
    return loader.load(slug);
  };

  // Fields only the programme's detail rendering has: rendered once per programme and request,
  // however many of its fields are asked for.
  auto detail = [&service](std::string member) {
    return [&service, member](const ResolveInfo& info) {
      const auto& snapshot = snapshot_of(info, service);
      auto index = snapshot.find(EntityKind::programme, slug_of(info));
      if (!index) return Result();
      auto& rendered = info.request.get<ProgrammeDetails>([] { return ProgrammeDetails{}; });
      auto found = rendered.find(*index);
      if (found == rendered.end()) found = rendered.emplace(*index, programme_detail_json(snapshot, *index)).first;
      return graphql::from_json(*info.field.type, found->second.at(member));
    };
  };

  builder.object("CareerLink", "A career named by slug.")
      .field({.name = "slug", .type_text = "String!"})
      .field({.name = "name", .type_text = "String!"});

  builder.object("Programme", "A programme (degree or diploma) a university offers.")
      .implements("CatalogEntry")
      .field({.name = "id", .type_text = "Int!"})
      .field({.name = "slug", .type_text = "String!"})
      .field({.name = "name", .type_text = "String!"})
      .field({.name = "level", .type_text = "String"})
      .field({.name = "discipline", .type_text = "String"})
      .field({.name = "mode", .type_text = "String"})
      .field({.name = "examMode", .type_text = "String"})
      .field({.name = "durationMonths", .type_text = "Int"})
      .field({.name = "feeTotalInr", .type_text = "Float"})
      .field({.name = "feePerSemesterInr", .type_text = "Float"})
      .field({.name = "emiFromInr", .type_text = "Float"})
      .field({.name = "isDemo", .type_text = "Boolean!"})
      .field({.name = "university", .type_text = "University!", .resolve = university_of})
      .field({.name = "eligibility", .type_text = "String", .resolve = detail("eligibility")})
      .field({.name = "specialisations", .type_text = "[String!]!", .resolve = detail("specialisations")})
      .field({.name = "careers", .type_text = "[CareerLink!]!", .resolve = detail("careers")})
      .field({.name = "factors", .type_text = "[FactorValue!]!", .description = "Every programme factor, disclosed or not.",
              .resolve = factors_of(EntityKind::programme), .cost = {.default_size = 40}});

  builder.object("FacetCount").field({.name = "value", .type_text = "String!"}).field({.name = "count", .type_text = "Int!"});
  builder.object("Facet").field({.name = "code", .type_text = "String!"}).field({.name = "counts", .type_text = "[FacetCount!]!"});
  for (std::string item : {"University", "Programme"}) {
    builder.object(item + "Connection", "A page of " + item + " results in the list's order.")
        .field({.name = "items", .type_text = "[" + item + "!]!"})
        .field({.name = "nextCursor", .type_text = "String", .description = "Null on the last page."})
        .field({.name = "total", .type_text = "Int", .description = "How many match; only when facets were asked for."})
        .field({.name = "facets", .type_text = "[Facet!]", .resolve = facets_of});
  }

  builder.object("SalaryBand", "What the career pays at a stage of experience.")
      .field({.name = "band", .type_text = "String!"})
      .field({.name = "yearsMin", .type_text = "Int"})
      .field({.name = "yearsMax", .type_text = "Int"})
      .field({.name = "salaryInr", .type_text = "Float!"})
      .field({.name = "salaryLpa", .type_text = "Float"})
      .field({.name = "source", .type_text = "String"})
      .field({.name = "year", .type_text = "Int"});
  builder.object("Skill")
      .field({.name = "slug", .type_text = "String!"})
      .field({.name = "name", .type_text = "String!"})
      .field({.name = "kind", .type_text = "String"})
      .field({.name = "specification", .type_text = "String"});
  builder.object("Recruiter")
      .field({.name = "id", .type_text = "Int!"})
      .field({.name = "slug", .type_text = "String!"})
      .field({.name = "name", .type_text = "String!"});
  builder.object("Career", "A career with its salary by experience, skills, recruiters and next steps.")
      .implements("CatalogEntry")
      .field({.name = "id", .type_text = "Int!"})
      .field({.name = "slug", .type_text = "String!"})
      .field({.name = "name", .type_text = "String!"})
      .field({.name = "summary", .type_text = "String!"})
      .field({.name = "onetSocCode", .type_text = "String"})
      .field({.name = "isDemo", .type_text = "Boolean!"})
      .field({.name = "salaryBands", .type_text = "[SalaryBand!]!"})
      .field({.name = "skills", .type_text = "[Skill!]!"})
      .field({.name = "nextCareers", .type_text = "[CareerLink!]!"})
      .field({.name = "recruiters", .type_text = "[Recruiter!]!"});
}

Result careers_result(const Snapshot& snapshot) {
  json::array items;
  for (std::uint32_t i = 0; i < snapshot.data().careers.size(); ++i) items.push_back(career_detail_json(snapshot, i));
  return objects(std::move(items));
}

void add_queries(graphql::SchemaBuilder& builder, CatalogService& service) {
  auto list = [&service](EntityKind kind) {
    return [&service, kind](const ResolveInfo& info) {
      const auto& snapshot = snapshot_of(info, service);
      auto query = parse_list_query(snapshot, kind, list_params(info));
      return Result::object(connection_json(snapshot, kind, snapshot.list(query), info.request.json_storage()));
    };
  };
  auto one = [&service](EntityKind kind) {
    return [&service, kind](const ResolveInfo& info) {
      const auto& snapshot = snapshot_of(info, service);
      auto slug = text_argument(info, "slug");
      auto index = snapshot.find(kind, slug);
      if (!index) return Result();
      return Result::object(kind == EntityKind::university ? university_json(snapshot, *index)
                                                           : programme_json(snapshot, *index));
    };
  };
  const InputValue slug{.name = "slug", .type_text = "String!", .description = "The slug or numeric id."};
  builder.extend("Query")
      .field({.name = "universities",
              .type_text = "UniversityConnection!",
              .description = "Universities with search, filters on any factor, sorting and cursor pages.",
              .arguments = list_arguments(false),
              .resolve = list(EntityKind::university),
              .cost = {.size_argument = "first", .default_size = 20}})
      .field({.name = "university", .type_text = "University", .arguments = {slug}, .resolve = one(EntityKind::university)})
      .field({.name = "programmes",
              .type_text = "ProgrammeConnection!",
              .description = "Programmes with search, filters on any factor, sorting and cursor pages.",
              .arguments = list_arguments(true),
              .resolve = list(EntityKind::programme),
              .cost = {.size_argument = "first", .default_size = 20}})
      .field({.name = "programme", .type_text = "Programme", .arguments = {slug}, .resolve = one(EntityKind::programme)})
      .field({.name = "careers",
              .type_text = "[Career!]!",
              .resolve = [&service](const ResolveInfo& info) { return careers_result(snapshot_of(info, service)); },
              .cost = {.default_size = 20}})
      .field({.name = "career",
              .type_text = "Career",
              .arguments = {slug},
              .resolve =
                  [&service](const ResolveInfo& info) {
                    const auto& snapshot = snapshot_of(info, service);
                    auto index = snapshot.find_career(text_argument(info, "slug"));
                    return index ? Result::object(career_detail_json(snapshot, *index)) : Result();
                  }})
      .field({.name = "factors",
              .type_text = "[Factor!]!",
              .description = "Every comparison factor, in display order.",
              .resolve =
                  [&service](const ResolveInfo& info) {
                    json::array items;
                    for (const auto& factor : snapshot_of(info, service).data().factors) items.push_back(factor_json(factor));
                    return objects(std::move(items));
                  },
              .cost = {.default_size = 40}});
}

const http::Principal& admin(const ResolveInfo& info) {
  const auto* principal = info.request.find<http::Principal>();
  http::enforce(http::Policy::roles({"admin"}), principal);
  return *principal;
}

json::object input_of(const ResolveInfo& info) {
  const auto* input = info.argument("input");
  if (!input || !input->is_object()) throw Error(ErrorCode::unprocessable, "input must be a JSON object", "input");
  return input->get_object();
}

// A fresh rendering of the entity after a write (the snapshot has been swapped by then).
Result entity_result(CatalogService& service, Table table, const std::string& key) {
  auto snapshot = service.snapshot();
  if (table == Table::factors) {
    const auto* factor = snapshot->factor(key);
    return factor ? Result::object(factor_json(*factor)) : Result();
  }
  if (table == Table::careers) {
    auto index = snapshot->find_career(key);
    return index ? Result::object(career_detail_json(*snapshot, *index)) : Result();
  }
  auto kind = table == Table::universities ? EntityKind::university : EntityKind::programme;
  auto index = snapshot->find(kind, key);
  if (!index) return Result();
  return Result::object(kind == EntityKind::university ? university_json(*snapshot, *index)
                                                       : programme_json(*snapshot, *index));
}

void add_mutations(graphql::SchemaBuilder& builder, CatalogService& service) {
  struct Entity {
    Table table;
    std::string name;
    std::string collection;
    std::string key;  // the argument naming one: slug, or code for a factor
  };
  auto mutation = builder.extend("Mutation");
  for (const auto& [table, name, collection, key_name] :
       {Entity{Table::universities, "University", "universities", "slug"},
        Entity{Table::programmes, "Programme", "programmes", "slug"}, Entity{Table::careers, "Career", "careers", "slug"},
        Entity{Table::factors, "Factor", "factors", "code"}}) {
    const InputValue input{.name = "input",
                           .type_text = "JSON!",
                           .description = "The same body as POST/PUT /api/v1/" + collection + "."};
    const InputValue slug{.name = key_name, .type_text = "String!"};
    mutation.field({.name = "create" + name,
                    .type_text = name + "!",
                    .description = "Admin only. Creates a " + name + " (409 when the " + key_name + " is taken).",
                    .arguments = {input},
                    .resolve = [&service, table](const ResolveInfo& info) {
                      auto actor = admin(info).user_id;
                      return Result::later([&service, table, body = input_of(info), actor]() -> boost::asio::awaitable<Result> {
                        auto key = co_await create_entity(service, table, body, actor);
                        co_return entity_result(service, table, key);
                      });
                    }});
    mutation.field({.name = "update" + name,
                    .type_text = name + "!",
                    .description = "Admin only. Replaces a " + name + ".",
                    .arguments = {slug, input},
                    .resolve = [&service, table, key_name](const ResolveInfo& info) {
                      auto actor = admin(info).user_id;
                      return Result::later([&service, table, key = text_argument(info, key_name), body = input_of(info),
                                            actor]() -> boost::asio::awaitable<Result> {
                        co_await update_entity(service, table, key, body, actor);
                        co_return entity_result(service, table, key);
                      });
                    }});
    mutation.field({.name = "delete" + name,
                    .type_text = "Boolean!",
                    .description = "Admin only. Deletes a " + name + " and what hangs off it.",
                    .arguments = {slug},
                    .resolve = [&service, table, key_name](const ResolveInfo& info) {
                      auto actor = admin(info).user_id;
                      return Result::later(
                          [&service, table, key = text_argument(info, key_name), actor]() -> boost::asio::awaitable<Result> {
                            co_await remove_entity(service, table, key, actor);
                            co_return Result::leaf(true);
                          });
                    }});
  }

  builder.enum_type("CatalogEntityKind", "What a factor value belongs to.")
      .value("UNIVERSITY", "A university's own factor (its scope is `university`).")
      .value("PROGRAMME", "A programme's own factor (its scope is `programme`).");
  const std::vector<InputValue> value_of{
      {.name = "entity", .type_text = "CatalogEntityKind!"},
      {.name = "slug", .type_text = "String!", .description = "The university's or programme's slug."},
      {.name = "code", .type_text = "String!", .description = "The factor's code."}};
  auto owner_of = [](const ResolveInfo& info) {
    return text_argument(info, "entity") == "UNIVERSITY" ? EntityKind::university : EntityKind::programme;
  };
  auto with_input = value_of;
  with_input.push_back({.name = "input",
                        .type_text = "JSON!",
                        .description = "The body of PUT /api/v1/{universities,programmes}/{key}/factors/{code}."});
  mutation.field({.name = "setFactorValue",
                  .type_text = "FactorValue!",
                  .description = "Admin only. Sets one factor value, with its qualifier and source.",
                  .arguments = with_input,
                  .resolve = [&service, owner_of](const ResolveInfo& info) {
                    auto actor = admin(info).user_id;
                    return Result::later([&service, owner = owner_of(info), key = text_argument(info, "slug"),
                                          code = text_argument(info, "code"), body = input_of(info),
                                          actor]() -> boost::asio::awaitable<Result> {
                      co_await set_value(service, owner, key, code, body, actor);
                      auto snapshot = service.snapshot();
                      auto index = snapshot->find(owner, key);
                      const auto* factor = snapshot->factor(code);
                      if (!index || !factor) co_return Result();
                      auto stored = snapshot->factor_value(owner, *index, *factor);
                      co_return Result::object(factor_value_json(*factor, stored ? &*stored : nullptr));
                    });
                  }});
  mutation.field({.name = "removeFactorValue",
                  .type_text = "Boolean!",
                  .description = "Admin only. Removes one factor value (it becomes not disclosed).",
                  .arguments = value_of,
                  .resolve = [&service, owner_of](const ResolveInfo& info) {
                    auto actor = admin(info).user_id;
                    return Result::later([&service, owner = owner_of(info), key = text_argument(info, "slug"),
                                          code = text_argument(info, "code"), actor]() -> boost::asio::awaitable<Result> {
                      co_await remove_value(service, owner, key, code, actor);
                      co_return Result::leaf(true);
                    });
                  }});
}

}  // namespace

void add_graphql(graphql::SchemaBuilder& builder, CatalogService& service) {
  add_types(builder, service);
  add_queries(builder, service);
  add_mutations(builder, service);
}

}  // namespace disha::catalog
