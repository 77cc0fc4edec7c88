// SPDX-License-Identifier: MIT
// The fields of the plan format, one table: which keys each mapping accepts
// (the readers' V208 check reads its keys from here), what kind of value
// each holds, whether it is required, and one line on what it means. The
// JSON Schema for editors (`closeplan schema`, docs/schemas/plan.schema.json)
// and the comments of `closeplan init` are generated from the same table, so
// a field added here reaches all three; the readers still decide the details
// (tests/unit/validate/plan_schema_test.cpp holds them to the table).
#pragma once

#include <string_view>
#include <vector>

#include "validate/fields.hpp"

namespace closeplan::validate::detail {

enum class field_kind {
    version,         ///< the format version: 1
    text,            ///< one line of text (a number is read as its text)
    markdown,        ///< CommonMark text
    date,            ///< YYYY-MM-DD, years 1900-2999
    decimal,         ///< plain decimal number: 240000 or 240000.50
    currency,        ///< ISO 4217 code: USD
    language_tag,    ///< BCP 47 tag: en-US
    email,           ///< name@example.com (a doubtful one is a warning only)
    link,            ///< https://, http:// or mailto:
    path,            ///< a local file, relative to the plan
    choice,          ///< one of `choices`
    text_list,       ///< list of text
    markdown_list,   ///< list of CommonMark text
    date_list,       ///< list of dates
    text_or_list,    ///< text, or a list of text
    choice_or_list,  ///< one of `choices`, or a list of them
    object,          ///< mapping with the fields of `object`
    object_list,     ///< list of mappings with the fields of `object`
    text_or_object,  ///< text (a name or an id), or a mapping with the fields of `object`
    path_or_list,    ///< a file path, or a list of mappings with the fields of `object`
};

enum class presence {
    optional,
    required,
    required_unless_done,  ///< required unless the mapping's `status` is done (a milestone's due)
};

struct object_spec;

struct field_spec {
    std::string_view key;
    field_kind kind = field_kind::text;
    presence need = presence::optional;
    std::string_view description;
    const choice_spec& (*choices)() = nullptr;  ///< choice, choice_or_list
    const object_spec& (*object)() = nullptr;   ///< object, object_list, text_or_object, path_or_list
};

struct object_spec {
    std::string_view name;  ///< names it in the schema's $defs: "milestone"
    std::string_view description;
    std::vector<field_spec> fields;
    std::vector<std::string_view> keys;             ///< the fields' keys in order (filled from `fields`)
    std::vector<std::string_view> needs_one_of;     ///< at least one of these keys (a resource's url or path)
};

// The mappings of a plan file, each a static table.
const object_spec& plan_fields();
const object_spec& deal_fields();
const object_spec& party_fields();
const object_spec& stakeholder_fields();
const object_spec& milestone_fields();
const object_spec& resource_fields();
const object_spec& risk_fields();
const object_spec& sign_off_fields();
const object_spec& signatory_fields();
const object_spec& commitment_fields();
const object_spec& scope_fields();
const object_spec& implementation_fields();
const object_spec& contact_fields();
const object_spec& contract_fields();
const object_spec& purchase_fields();
const object_spec& environment_fields();
const object_spec& competitor_fields();
const object_spec& value_entry_fields();
const object_spec& value_match_fields();
// A value map file (`closeplan-value-map: 1`).
const object_spec& value_map_file_fields();

/// The field `key` of `object`, or nullptr.
const field_spec* find_field(const object_spec& object, std::string_view key);

}  // namespace closeplan::validate::detail
