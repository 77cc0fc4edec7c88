// SPDX-License-Identifier: MIT
// Writing one value as YAML text: plain when YAML reads it back as the same
// text, else double-quoted with escapes. Shared by the text edit and the
// rewrite of the tree.
#pragma once

#include <string>
#include <string_view>

namespace closeplan::sheet {

/// Whether `text` can stand as written inside quotes or a block value: no
/// control character other than those in `allowed_controls` (e.g. "\n\t" in
/// a literal block), no character a YAML 1.1 reader takes as a line break
/// (U+0085, U+2028, U+2029) and no byte-order mark. YAML forbids the rest
/// unescaped, so such text goes double-quoted with escapes.
bool printable(std::string_view text, std::string_view allowed_controls);

/// Whether `text` can be written plain and read back as the same text (not
/// null, not a comment, not a key). `in_flow`: inside `{ }` or `[ ]`, where
/// `,` and brackets end a plain value too.
bool plain_safe(std::string_view text, bool in_flow);

/// `"…"` with `\` `"` and control characters escaped (a line break as `\n`).
std::string double_quoted(std::string_view text);

/// `text` plain when plain_safe, else double-quoted.
std::string yaml_value(std::string_view text, bool in_flow);

}  // namespace closeplan::sheet
