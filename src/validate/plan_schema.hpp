// SPDX-License-Identifier: MIT
// JSON Schemas (2020-12) of the input files, for editors: generated from the
// field table (validate/plan_fields.hpp) and the enum names (choices.hpp), so
// they describe what the validator reads. `closeplan schema` prints them;
// docs/schemas/plan.schema.json and value-map.schema.json are the same text
// (the test plan_schema.committed_files_are_generated compares them).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace closeplan::validate {

/// The schemas closeplan can print, by the name `closeplan schema NAME` takes.
struct schema_file {
    std::string_view name;       ///< "plan", "value-map"
    std::string_view file_name;  ///< "plan.schema.json"
};
const std::vector<schema_file>& schema_files();

/// The schema text (two-space indented JSON, ending in a newline), or empty
/// for an unknown name.
std::string schema_json(std::string_view name);

}  // namespace closeplan::validate
