#pragma once
// Reading JSON request bodies safely: the media type is checked (415), the document is parsed
// with a depth cap (400 naming "body"), and objects can be held to a list of known fields.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <initializer_list>
#include <string_view>

#include "http/types.hpp"

namespace disha::http {

inline constexpr std::size_t kMaxJsonDepth = 32;

boost::json::value read_json(const Context& context, std::size_t max_depth = kMaxJsonDepth);
// read_json() that must be an object; 422 otherwise.
boost::json::object read_json_object(const Context& context, std::size_t max_depth = kMaxJsonDepth);

// Throws disha::Error(unprocessable) naming the first field of `object` not in `known`
// (prefixed with `path.` when path is not empty).
void reject_unknown_fields(const boost::json::object& object,
                           std::initializer_list<std::string_view> known,
                           std::string_view path = {});

// The string at object[key]; nullopt when absent; 422 naming the field when not a string.
std::optional<std::string_view> optional_string(const boost::json::object& object,
                                                std::string_view key, std::string_view path = {});

}  // namespace disha::http
