// SPDX-License-Identifier: MIT
// Turns libyaml's refusals into located diagnostics with hints.
#pragma once

#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "load/yaml_graph.hpp"

namespace closeplan::load::detail {

/// Reports `error` (from parse_yaml_documents on `text`) as L102, at the
/// offending spot, with a hint when the mistake is a common one.
void report_yaml_failure(const yaml_syntax_error& error, std::string_view text, const std::string& file,
                         diagnostic_sink& diags);

}  // namespace closeplan::load::detail
