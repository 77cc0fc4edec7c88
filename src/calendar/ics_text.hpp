// SPDX-License-Identifier: MIT
// RFC 5545 text rules: escaping TEXT values and folding content lines.
#pragma once

#include <string>
#include <string_view>

namespace closeplan::calendar {

/// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped,
/// every line end (CRLF, CR, LF) written as `\n`. Other control characters
/// are not allowed in TEXT and become a space; tab is kept.
std::string escape_text(std::string_view value);

/// One content line as it goes into the file: folded so that no physical
/// line is longer than 75 octets (continuations start with one space), never
/// inside a UTF-8 sequence, each physical line ended by CRLF.
std::string fold_line(std::string_view line);

/// `NAME:escaped value`, folded.
std::string text_property(std::string_view name, std::string_view value);

}  // namespace closeplan::calendar
