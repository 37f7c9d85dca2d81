#pragma once
// The rules every catalogue write obeys, whoever writes (CSV import, admin API, generator):
// lengths, ranges, enums, slugs, URLs and dates, and factor values typed by their factor.
// Each check throws disha::Error(unprocessable) naming the field at fault.
#include <functional>
#include <string_view>

#include "features/catalog/model.hpp"

namespace disha::catalog {

// Finds a factor by code, or null.
using FactorLookup = std::function<const FactorDefinition*(std::string_view code)>;

void validate(const University& university, const FactorLookup& factors);
void validate(const Programme& programme, const FactorLookup& factors);
void validate(const Career& career);
void validate(const FactorDefinition& factor);
// A value for `owner` entities: the factor must exist, apply to that kind, not be derived from
// an entity field, and the value must fit its type (numbers finite, booleans 0/1, grades and
// fixed enums one of the levels). Errors name `field`.
void validate_value(const FactorValue& value, EntityKind owner, const FactorLookup& factors,
                    std::string_view field);

}  // namespace disha::catalog
