// SPDX-License-Identifier: MIT
// Loading YAML and JSON text into a raw_tree, with every syntax problem located.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "load/raw_tree.hpp"

namespace closeplan::load {

enum class input_syntax { yaml, json };

struct load_limits {
    std::size_t max_bytes = 4u * 1024u * 1024u;  ///< larger files are refused (L105)
    std::size_t max_nodes = 200'000;            ///< bounds alias expansion (L106)
    std::size_t max_depth = 64;                 ///< deeper nesting is refused (L107)
};

/// Picks the syntax from the file name: `.json` is JSON, anything else YAML.
input_syntax syntax_for_path(std::string_view path);

/// Parses `text` (the whole file) into a raw tree. `file` is used only for
/// locations. Reports into `diags` and returns nullopt when the file cannot be
/// read as a tree: invalid UTF-8 (L101, with line:column of the first bad
/// byte), too large (L105), syntax error (L102 YAML, L103 JSON), duplicate key
/// (L104, both positions), alias explosion (L106), too deep (L107).
/// Duplicate keys are reported but do not stop loading (the first wins).
std::optional<raw_node> load_document(std::string_view text, const std::string& file,
                                      input_syntax syntax, diagnostic_sink& diags,
                                      const load_limits& limits = {});

/// Reads a file from disk and loads it. A file that cannot be opened raises
/// closeplan::error (code L100); oversized files are refused before reading them whole.
std::optional<raw_node> load_file(const std::string& path, diagnostic_sink& diags,
                                  const load_limits& limits = {});

/// Reads a whole file into a string; throws closeplan::error (L100) when it cannot.
std::string read_file(const std::string& path);

}  // namespace closeplan::load
