#pragma once
#include <cstddef>
#include <string_view>

#include "http/types.hpp"

namespace disha::http {

// Fills context.path (still percent-encoded, so routing sees the real segments) and
// context.query (decoded) from the request target, or sets context.protocol_error: 414 past
// url_limit, 400 for a target that is not origin-form (`/path?query`).
void parse_target(Context& context, std::string_view target, std::size_t url_limit);

}  // namespace disha::http
