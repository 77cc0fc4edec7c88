// SPDX-License-Identifier: MIT
// Turns nlohmann's parse errors into short, located diagnostics with hints.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"

namespace closeplan::load::detail {

/// What nlohmann's SAX parse_error said.
struct json_failure {
    std::string what;          ///< exception text, "[json.exception.parse_error.101] parse error at ..."
    std::size_t position = 0;  ///< bytes read so far, so the last byte read is position - 1
};

/// `cursor` is the end of the last token the parser accepted; `inside_value`
/// tells whether an object or array was still open.
void report_json_failure(const json_failure& failure, std::string_view text, std::size_t cursor,
                         bool inside_value, const std::string& file, diagnostic_sink& diags);

}  // namespace closeplan::load::detail
