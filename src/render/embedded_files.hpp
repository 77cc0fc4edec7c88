// SPDX-License-Identifier: MIT
// The built-in copies of templates/ and styles/ (generated at build time).
#pragma once

#include <string_view>
#include <vector>

namespace closeplan::render {

struct embedded_file {
    std::string_view path;  ///< relative to the source root: "templates/buyer-plan.html.mustache"
    std::string_view bytes;
};

/// Every embedded file, sorted by path.
const std::vector<embedded_file>& embedded_files();

}  // namespace closeplan::render
