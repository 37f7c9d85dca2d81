#pragma once
// The Career Finder's JSON binding. Every response carries the O*NET credit ("credit").
//
// Request (POST /api/v1/career-test/responses); null means "not given":
//   {"form": "long" | "short"            default "long"
//    "answers": [1..5, ...]              required: 60 (long) or 30 (short) integers, item order
//    "job_zone": 1..5                    optional: only occupations in that Job Zone
//    "scope": "careers" | "onet"         default "careers"
//    "limit": 1..100}                    default 20
// Anything else is rejected with Error(unprocessable) naming the field as it appears in the JSON:
// "answers[7]", "job_zone", or the unknown member's name.
#include <boost/json/value.hpp>
#include <string_view>

#include "features/finder/finder.hpp"

namespace disha::finder {

Request parse_request(const boost::json::value& body);

// The form named by ?form= in GET /api/v1/career-test; Error(unprocessable) naming "form".
Form parse_form(std::string_view text);

// GET /api/v1/career-test: the items of `form` with the answer scale, the areas and Job Zones.
boost::json::value to_json(const Questionnaire& questionnaire, Form form);

// The result: scores, Holland code, ranked matches with bands and explanations, or the reason
// there are none.
boost::json::value to_json(const Result& result);

}  // namespace disha::finder
