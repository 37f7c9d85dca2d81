#include "http/json_body.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/string.hpp>

namespace disha::http {

namespace {

bool is_json_media_type(std::string_view content_type) {
  auto media = content_type.substr(0, content_type.find(';'));
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  auto equals = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  };
  return equals(media, "application/json") ||
         (media.size() > 5 && equals(media.substr(media.size() - 5), "+json"));
}

std::string field_name(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

}  // namespace

boost::json::value read_json(const Context& context, std::size_t max_depth) {
  auto content_type = context.request[beast::http::field::content_type];
  if (!is_json_media_type(content_type)) {
    throw Error(ErrorCode::unsupported_media_type,
                "send the body as application/json (got '" + std::string(content_type) + "')",
                "Content-Type");
  }
  boost::json::parse_options options;
  options.max_depth = max_depth;
  boost::system::error_code ec;
  auto value = boost::json::parse(context.request.body(), ec, {}, options);
  if (ec) {
    throw Error(ErrorCode::bad_request, "the body is not valid JSON: " + ec.message(), "body");
  }
  return value;
}

boost::json::object read_json_object(const Context& context, std::size_t max_depth) {
  auto value = read_json(context, max_depth);
  if (!value.is_object()) {
    throw Error(ErrorCode::unprocessable, "the body must be a JSON object", "body");
  }
  return std::move(value.as_object());
}

void reject_unknown_fields(const boost::json::object& object,
                           std::initializer_list<std::string_view> known, std::string_view path) {
  for (const auto& entry : object) {
    if (std::find(known.begin(), known.end(), entry.key()) == known.end()) {
      auto name = field_name(path, entry.key());
      throw Error(ErrorCode::unprocessable, "unknown field " + name, name);
    }
  }
}

std::optional<std::string_view> optional_string(const boost::json::object& object,
                                                std::string_view key, std::string_view path) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (!it->value().is_string()) {
    auto name = field_name(path, key);
    throw Error(ErrorCode::unprocessable, name + " must be a string", name);
  }
  return std::string_view(it->value().as_string());
}

}  // namespace disha::http
