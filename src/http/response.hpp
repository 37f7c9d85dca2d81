#pragma once
// Building responses. The server sets the HTTP version, keep-alive and Content-Length.
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "http/types.hpp"

namespace disha::http {

inline constexpr std::string_view kJson = "application/json";
inline constexpr std::string_view kProblemJson = "application/problem+json";

Response text_response(Status status, std::string body, std::string_view content_type);
Response json_response(Status status, const boost::json::value& body);
Response empty_response(Status status);

// The RFC 9457 rendering of an error: type, title, status, detail, instance, request_id and,
// when the error names one, field. Internal errors never show their message.
Response problem_response(const Error& error, const Context& context);

}  // namespace disha::http
