#include "http/response.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace disha::http {

Response text_response(Status status, std::string body, std::string_view content_type) {
  Response response{status, 11};
  response.set(beast::http::field::content_type, content_type);
  response.body() = std::move(body);
  return response;
}

Response json_response(Status status, const boost::json::value& body) {
  return text_response(status, boost::json::serialize(body), kJson);
}

Response empty_response(Status status) {
  return Response{status, 11};
}

Response problem_response(const Error& error, const Context& context) {
  const auto code = error.code();
  boost::json::object problem;
  problem["type"] = "/problems/" + std::string(slug(code));
  problem["title"] = title(code);
  problem["status"] = http_status(code);
  problem["detail"] = code == ErrorCode::internal
                          ? "An unexpected error occurred. Quote the request_id when reporting it."
                          : std::string(error.what());
  problem["instance"] = context.path;
  problem["request_id"] = context.request_id;
  if (!error.field().empty()) problem["field"] = error.field();

  auto response = text_response(static_cast<Status>(http_status(code)),
                                boost::json::serialize(problem), kProblemJson);
  response.set(beast::http::field::cache_control, "no-store");
  if (auto delay = error.retry_after()) {
    response.set(beast::http::field::retry_after, std::to_string(delay->count()));
  }
  return response;
}

}  // namespace disha::http
