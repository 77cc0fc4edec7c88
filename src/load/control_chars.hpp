// SPDX-License-Identifier: MIT
// Replacing control characters in untrusted text (a loaded value, a sheet's
// cell) with U+FFFD, so that no terminal escape, bell or NEL from a CRM field
// reaches a document or a terminal, and nothing is dropped in silence.
#pragma once

#include <cstddef>
#include <string>

#include "closeplan/diagnostics.hpp"

namespace closeplan::load {

/// What replace_control_characters replaced: the first code point and how many.
struct replaced_controls {
    unsigned first = 0;
    std::size_t count = 0;
};

/// Replaces C0 and C1 control characters in `text` with U+FFFD. Tab and line
/// feed are ordinary text; a carriage return only as part of CRLF.
replaced_controls replace_control_characters(std::string& text);

/// One warning (L113) at `where` for the characters `replaced` says were replaced; none when count is 0.
/// `what` names the value in the message when `where` alone would not (a sheet's cell).
void report_replaced_controls(diagnostic_sink& diags, const source_location& where, const replaced_controls& replaced,
                              std::string_view what = {});

}  // namespace closeplan::load
