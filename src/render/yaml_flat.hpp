// SPDX-License-Identifier: MIT
// Reading a YAML file of `key: "text"` pairs (labels, style tokens) with every problem located.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"

namespace closeplan::render::detail {

struct flat_value {
    std::string text;
    source_location where;  ///< of the value
};

/// Key -> value. Nested mappings are flattened with dots: `colors: {accent: x}`
/// gives "colors.accent". Values must be scalars; a null value, a list, a
/// duplicate key, or a YAML syntax error is an error reported with `code`
/// at file:line:column. Returns nullopt only when the file cannot be read at all.
using flat_map = std::map<std::string, flat_value, std::less<>>;
std::optional<flat_map> load_flat_yaml(std::string_view text, const std::string& origin, const std::string& code,
                                       diagnostic_sink& diags);

/// The built-in file `path` ("templates/labels/en.yaml") as load_flat_yaml
/// gives it, from the table flattened at build time (no YAML parse), with
/// `origin` as the file of every location. Nullopt when no built-in YAML file
/// has that path. Built-in files load without diagnostics (the build checks).
std::optional<flat_map> built_in_flat(std::string_view path, const std::string& origin);

}  // namespace closeplan::render::detail
