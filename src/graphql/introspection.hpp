#pragma once
// Introspection (spec §4): the __Schema, __Type, __Field, __InputValue, __EnumValue and
// __Directive types with resolvers over the Schema itself, the meta-fields __schema, __type and
// __typename, and the directives every schema has (@skip, @include, @deprecated, @specifiedBy).
#include <vector>

#include "graphql/schema.hpp"

namespace disha::graphql {

void add_introspection_types(SchemaBuilder& builder);
FieldDefinition schema_meta_field_definition();
FieldDefinition type_meta_field_definition();
FieldDefinition typename_meta_field_definition();
std::vector<DirectiveDefinition> built_in_directives();
bool is_introspection_type(std::string_view name);

}  // namespace disha::graphql
