#include "features/catalog/rest.hpp"

#include <boost/json/array.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/object.hpp>

#include "features/catalog/cursor.hpp"
#include "features/catalog/json.hpp"
#include "features/catalog/query.hpp"
#include "http/conditional.hpp"
#include "http/response.hpp"

namespace disha::catalog {

namespace {

namespace json = boost::json;
using Awaitable = boost::asio::awaitable<http::Response>;
using SnapshotPtr = std::shared_ptr<const Snapshot>;

// Catalogue responses change only when the catalogue does: clients revalidate every time and
// get 304 while their ETag is current.
constexpr std::string_view kCacheControl = "no-cache";

// Answers from the snapshot with validators: 304 when the client's copy is current, otherwise
// the body that render(storage) builds, its tree in one arena freed at once after serialising.
template <class Render>
http::Response cached(const http::Context& context, const Snapshot& snapshot, Render render) {
  auto etag = http::entity_tag(snapshot.digest(), context.request);
  if (auto not_modified = http::not_modified(context.request, etag, kCacheControl)) {
    return std::move(*not_modified);
  }
  json::monotonic_resource arena;
  auto response = http::json_response(http::Status::ok, render(json::storage_ptr(&arena)));
  http::set_validators(response, etag, kCacheControl);
  return response;
}

[[noreturn]] void not_found(std::string_view what, std::string_view key) {
  throw Error(ErrorCode::not_found, "no " + std::string(what) + " '" + std::string(key) + "'");
}

// The columns a list item shows values of: those it was filtered and sorted by.
std::vector<const Column*> shown_columns(const ListQuery& query) {
  std::vector<const Column*> columns;
  auto add = [&](const Column* column) {
    if (column && std::find(columns.begin(), columns.end(), column) == columns.end()) {
      columns.push_back(column);
    }
  };
  for (const auto& filter : query.filters) add(filter.column);
  add(query.sort.column);
  return columns;
}

template <class ItemJson>
http::Response list_entities(const http::Context& context, const Snapshot& snapshot,
                             EntityKind kind, ItemJson item_json) {
  auto query = parse_list_query(snapshot, kind, context.query.items());
  return cached(context, snapshot, [&](json::storage_ptr storage) {
    auto page = snapshot.list(query);
    auto columns = shown_columns(query);
    json::array items(storage);
    items.reserve(page.items.size());
    for (auto index : page.items) items.push_back(item_json(snapshot, index, columns, storage));
    return list_page_json(std::move(items), page);
  });
}

// Small lists (careers, courses, recruiters, factors): matched by q, ordered by relevance or
// by position, paginated with an offset cursor bound to the query.
struct SmallList {
  std::vector<std::uint32_t> order;  // indices in display order
  std::size_t limit = kDefaultLimit;
  std::size_t offset = 0;
  std::uint64_t fingerprint = 0;
};

// An equality filter of a small list and the values it accepts.
struct ListFilter {
  std::string_view name;
  std::initializer_list<std::string_view> allowed;
};

SmallList small_list(const http::Context& context, std::size_t count, const TextIndex* index,
                     std::initializer_list<ListFilter> filters,
                     const std::function<bool(std::uint32_t)>& keep) {
  SmallList list;
  std::string canonical(context.route);
  const std::string* limit = nullptr;
  const std::string* cursor = nullptr;
  std::string text;
  for (const auto& [name, value] : context.query.items()) {
    if (name == "limit") {
      limit = &value;
    } else if (name == "cursor") {
      cursor = &value;
    } else if (name == "q" && index) {
      text = value;
      canonical += "\nq=" + value;
    } else if (auto filter = std::find_if(filters.begin(), filters.end(),
                                          [&](const ListFilter& f) { return f.name == name; });
               filter != filters.end()) {
      if (std::find(filter->allowed.begin(), filter->allowed.end(), value) ==
          filter->allowed.end()) {
        std::string allowed;
        for (auto item : filter->allowed)
          allowed += (allowed.empty() ? "" : ", ") + std::string(item);
        throw Error(ErrorCode::bad_request, name + ": must be one of " + allowed, name);
      }
      canonical += "\n" + name + "=" + value;
    } else {
      throw Error(ErrorCode::bad_request, name + ": unknown parameter", name);
    }
  }
  list.limit = parse_limit(limit);
  list.fingerprint = fingerprint(canonical);
  if (cursor) {
    auto position = decode_cursor(*cursor);
    const auto* offset = std::get_if<double>(&position.last_value);
    if (position.query_fingerprint != list.fingerprint || offset == nullptr || *offset < 0) {
      throw Error(ErrorCode::bad_request, "cursor belongs to another query", "cursor");
    }
    list.offset = static_cast<std::size_t>(*offset);
  }
  if (!text.empty()) {
    for (const auto& hit : index->search(text)) {
      if (keep(hit.doc)) list.order.push_back(hit.doc);
    }
  } else {
    for (std::uint32_t i = 0; i < count; ++i) {
      if (keep(i)) list.order.push_back(i);
    }
  }
  return list;
}

template <class ItemJson>
json::object small_page(const SmallList& list, ItemJson item_json) {
  json::array items;
  auto end = std::min(list.order.size(), list.offset + list.limit);
  for (auto i = list.offset; i < end; ++i) items.push_back(item_json(list.order[i]));
  json::value next = nullptr;
  if (end < list.order.size()) {
    next = encode_cursor(Cursor{list.fingerprint, static_cast<double>(end), 0});
  }
  return {{"items", std::move(items)}, {"next_cursor", next}};
}

bool matches(const http::Context& context, std::string_view name, std::string_view value) {
  auto wanted = context.query.get(name);
  return !wanted || *wanted == value;
}

}  // namespace

void add_routes(http::Router& router, CatalogService& service) {
  using http::Method;
  const http::RouteOptions read{.policy = http::Policy::public_access()};

  router.add(
      Method::get, "/api/v1/universities",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        co_return list_entities(
            context, *snapshot, EntityKind::university,
            [](const Snapshot& s, std::uint32_t i, const auto& columns, json::storage_ptr storage) {
              return university_json(s, i, columns, storage);
            });
      },
      read);
  router.add(
      Method::get, "/api/v1/universities/{key}",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        auto key = context.param("key");
        auto index = snapshot->find(EntityKind::university, key);
        if (!index) not_found("university", key);
        co_return cached(context, *snapshot, [&](json::storage_ptr) {
          return university_detail_json(*snapshot, *index);
        });
      },
      read);
  router.add(
      Method::get, "/api/v1/programmes",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        co_return list_entities(
            context, *snapshot, EntityKind::programme,
            [](const Snapshot& s, std::uint32_t i, const auto& columns, json::storage_ptr storage) {
              return programme_json(s, i, columns, storage);
            });
      },
      read);
  router.add(
      Method::get, "/api/v1/programmes/{key}",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        auto key = context.param("key");
        auto index = snapshot->find(EntityKind::programme, key);
        if (!index) not_found("programme", key);
        co_return cached(context, *snapshot, [&](json::storage_ptr) {
          return programme_detail_json(*snapshot, *index);
        });
      },
      read);

  router.add(
      Method::get, "/api/v1/careers",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        const auto& careers = snapshot->data().careers;
        auto list = small_list(context, careers.size(), &snapshot->career_index(), {},
                               [](std::uint32_t) { return true; });
        co_return cached(context, *snapshot, [&](json::storage_ptr) {
          return small_page(list, [&](std::uint32_t i) { return career_json(careers[i]); });
        });
      },
      read);
  router.add(
      Method::get, "/api/v1/careers/{key}",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        auto index = snapshot->find_career(context.param("key"));
        if (!index) not_found("career", context.param("key"));
        co_return cached(context, *snapshot,
                         [&](json::storage_ptr) { return career_detail_json(*snapshot, *index); });
      },
      read);
  router.add(
      Method::get, "/api/v1/courses",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        const auto& courses = snapshot->data().courses;
        auto list = small_list(context, courses.size(), &snapshot->course_index(),
                               {{"level", {"UG", "PG", "diploma"}},
                                {"mode", {"online", "distance", "hybrid", "campus"}}},
                               [&](std::uint32_t i) {
                                 return matches(context, "level", courses[i].level) &&
                                        matches(context, "mode", courses[i].mode);
                               });
        co_return cached(context, *snapshot, [&](json::storage_ptr) {
          return small_page(list, [&](std::uint32_t i) { return course_json(courses[i]); });
        });
      },
      read);
  router.add(
      Method::get, "/api/v1/courses/{key}",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        auto index = snapshot->find_course(context.param("key"));
        if (!index) not_found("course", context.param("key"));
        co_return cached(context, *snapshot, [&](json::storage_ptr) {
          return course_json(snapshot->data().courses[*index]);
        });
      },
      read);
  router.add(
      Method::get, "/api/v1/recruiters",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        const auto& recruiters = snapshot->data().recruiters;
        auto list = small_list(context, recruiters.size(), &snapshot->recruiter_index(), {},
                               [](std::uint32_t) { return true; });
        co_return cached(context, *snapshot, [&](json::storage_ptr) {
          return small_page(list, [&](std::uint32_t i) { return recruiter_json(recruiters[i]); });
        });
      },
      read);
  router.add(
      Method::get, "/api/v1/recruiters/{key}",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        auto index = snapshot->find_recruiter(context.param("key"));
        if (!index) not_found("recruiter", context.param("key"));
        co_return cached(context, *snapshot, [&](json::storage_ptr) {
          return recruiter_json(snapshot->data().recruiters[*index]);
        });
      },
      read);
  router.add(
      Method::get, "/api/v1/factors",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        const auto& factors = snapshot->data().factors;
        auto list =
            small_list(context, factors.size(), nullptr,
                       {{"group", {"recognition", "fees", "learning", "outcomes", "support"}},
                        {"scope", {"university", "programme"}},
                        {"type", {"number", "boolean", "grade", "enum", "text"}}},
                       [&](std::uint32_t i) {
                         return matches(context, "group", to_string(factors[i].group)) &&
                                matches(context, "scope", to_string(factors[i].scope)) &&
                                matches(context, "type", to_string(factors[i].type));
                       });
        co_return cached(context, *snapshot, [&](json::storage_ptr) {
          return small_page(list, [&](std::uint32_t i) { return factor_json(factors[i]); });
        });
      },
      read);
  router.add(
      Method::get, "/api/v1/factors/{code}",
      [&service](http::Context& context) -> Awaitable {
        auto snapshot = service.snapshot();
        const auto* factor = snapshot->factor(context.param("code"));
        if (!factor) not_found("factor", context.param("code"));
        co_return cached(context, *snapshot,
                         [&](json::storage_ptr) { return factor_json(*factor); });
      },
      read);
}

}  // namespace disha::catalog
