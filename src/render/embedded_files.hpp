// SPDX-License-Identifier: MIT
// The built-in copies of templates/ and styles/ (generated at build time).
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace closeplan::render {

struct embedded_file {
    std::string_view path;  ///< relative to the source root: "templates/buyer-plan.html.mustache"
    std::string_view bytes;
};

/// Every embedded file, sorted by path.
const std::vector<embedded_file>& embedded_files();

/// One `key: value` of a built-in YAML file, as detail::load_flat_yaml gives it.
struct embedded_flat_entry {
    std::string_view key;  ///< dotted: "colors.accent"
    std::string_view value;
    int line = 0;  ///< 1-based position of the value in the YAML file
    int column = 0;
};

/// A built-in YAML file (labels, styles) already flattened.
struct embedded_flat_file {
    std::string_view path;  ///< as in embedded_files(): "templates/labels/en.yaml"
    std::span<const embedded_flat_entry> entries;  ///< sorted by key
};

/// Every embedded .yaml file, flattened at build time by closeplan_flatten_yaml
/// (the same load_flat_yaml the run-time path uses), sorted by path. Reading
/// them costs no YAML parse in each process.
std::span<const embedded_flat_file> embedded_flat_files();

}  // namespace closeplan::render
