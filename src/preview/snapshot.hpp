// SPDX-License-Identifier: MIT
// What `closeplan preview` serves at one moment: the last good page and PDF,
// and what the latest render said about the plan.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "health/health.hpp"

namespace closeplan::preview {

struct snapshot {
    std::uint64_t generation = 0;  ///< grows with every render; the page polls it to know when to reload
    std::string html;              ///< the last good HTML, exactly as `render -f html` writes it; empty before one
    std::string pdf;               ///< the last good PDF, as `render -f pdf` writes it
    bool failed = false;           ///< the latest render had errors: html and pdf are the earlier ones
    bool strict = false;           ///< --strict: warnings fail a render too, and are shown as errors are
    std::vector<diagnostic> problems;        ///< the latest render's errors and warnings, located
    std::vector<health::finding> findings;   ///< `closeplan check`'s findings for the latest good plan
};

}  // namespace closeplan::preview
