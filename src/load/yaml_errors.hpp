// SPDX-License-Identifier: MIT
// Turns yaml-cpp's parser exceptions into located diagnostics with hints.
#pragma once

#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "load/load_document.hpp"

namespace closeplan::load::detail {

/// What yaml-cpp said, with its 0-based mark (-1 when it gave none).
struct yaml_failure {
    std::string message;
    int line = -1;
    int column = -1;
    bool too_deep = false;  ///< YAML::DeepRecursion: yaml-cpp's own nesting guard
};

void report_yaml_failure(const yaml_failure& failure, const std::string& file, diagnostic_sink& diags,
                         const load_limits& limits);

}  // namespace closeplan::load::detail
