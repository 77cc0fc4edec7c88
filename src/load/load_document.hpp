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
    std::size_t max_nodes = 200'000;            ///< values, counted with aliases expanded (L106)
    std::size_t max_depth = 64;                 ///< nested lists/mappings; deeper is refused (L107); at most 256
};

/// Picks the syntax from the file name: `.json` is JSON, anything else YAML.
input_syntax syntax_for_path(std::string_view path);

/// Parses `text` (the whole file) into a raw tree. `file` is used only for
/// locations. Reports into `diags` and returns nullopt when the file cannot be
/// read as a tree: invalid UTF-8 or UTF-16/32 (L101, at each bad sequence, up
/// to 10), syntax error (L102 YAML, L103 JSON), too large (L105), alias
/// explosion or too many values (L106), too deep (L107), NUL bytes (L108).
/// These are reported but do not stop loading: duplicate keys (L104, at the
/// second; the first wins), list or null keys (L109) and merge keys (L110),
/// whose members are left out, a second YAML document (L111, the first is
/// kept), and custom YAML tags (warning L112). Never throws for bad input.
///
/// Columns count bytes, 1-based; a UTF-8 byte-order mark is skipped and not
/// counted. JSON strings become quoted scalars and numbers, true and false
/// plain ones, with the text as written (`1.50` stays "1.50"), so a JSON file
/// gives the same tree as the equivalent YAML file.
///
/// Example:
/// ```cpp
/// diagnostic_sink diags;
/// auto tree = load_document("owner: buyer\n", "plan.yaml", input_syntax::yaml, diags);
/// // tree->find("owner")->where is plan.yaml:1:8, pointer "/owner"
/// ```
std::optional<raw_node> load_document(std::string_view text, const std::string& file,
                                      input_syntax syntax, diagnostic_sink& diags,
                                      const load_limits& limits = {});

/// Reads a file from disk (binary) and loads it with the syntax syntax_for_path
/// picks. A file that cannot be opened raises closeplan::error (code L100, the
/// location names the file only); oversized files are refused (L105) before
/// reading them whole. `-` is not stdin here: the CLI reads stdin itself.
std::optional<raw_node> load_file(const std::string& path, diagnostic_sink& diags,
                                  const load_limits& limits = {});

/// Reads a whole file into a string; throws closeplan::error (L100) when it cannot.
std::string read_file(const std::string& path);

}  // namespace closeplan::load
