#include "http/target.hpp"

#include <boost/url/parse.hpp>

namespace disha::http {

void parse_target(Context& context, std::string_view target, std::size_t url_limit) {
  if (target.size() > url_limit) {
    context.protocol_error = Error(ErrorCode::uri_too_long, "request target exceeds the limit");
    return;
  }
  auto url = boost::urls::parse_origin_form(target);
  if (!url) {
    context.protocol_error = Error(ErrorCode::bad_request, "malformed request target");
    return;
  }
  context.path = url->encoded_path();
  for (auto param : url->params()) {
    context.query.add(std::string(param.key), std::string(param.value));
  }
}

}  // namespace disha::http
