#pragma once
// Validators for cacheable GET responses (RFC 9110 §8.8.3, §13.1.2): a strong ETag derived
// from a version of the content and the request that shaped the representation, answered with
// 304 Not Modified when If-None-Match already holds it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/types.hpp"

namespace disha::http {

// "\"<16 hex digits>\"" from a content version and everything of the request that changes the
// body: the target and the Accept header.
std::string entity_tag(std::uint64_t content_version, const Request& request);

// 304 with the ETag when the request's If-None-Match lists it (or is "*").
std::optional<Response> not_modified(const Request& request, std::string_view etag,
                                     std::string_view cache_control);

// Sets ETag and Cache-Control on a response built for the same request.
void set_validators(Response& response, std::string_view etag, std::string_view cache_control);

}  // namespace disha::http
