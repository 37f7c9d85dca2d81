#include "features/accounts/graphql.hpp"

namespace disha::accounts {

using graphql::ResolveInfo;
using graphql::Result;

void add_graphql(graphql::SchemaBuilder& builder, AccountService& service) {
  builder.object("User", "A Disha account as its owner sees it.")
      .field({.name = "id", .type_text = "Int!"})
      .field({.name = "email", .type_text = "String!"})
      .field({.name = "name", .type_text = "String!"})
      .field({.name = "role", .type_text = "String!", .description = "learner, expert, advisor or admin."})
      .field({.name = "createdAt", .type_text = "String!"});
  builder.extend("Query").field(
      {.name = "me",
       .type_text = "User",
       .description = "The signed-in user; null for an anonymous caller.",
       .resolve = [&service](const ResolveInfo& info) {
         const auto* principal = info.request.find<http::Principal>();
         if (!principal) return Result();
         // The session was checked on the way in; the account is read off the I/O thread.
         return Result::later([&service, principal = *principal]() -> boost::asio::awaitable<Result> {
           auto user = co_await service.me(principal);
           co_return Result::object(to_json(user));
         });
       }});
}

}  // namespace disha::accounts
