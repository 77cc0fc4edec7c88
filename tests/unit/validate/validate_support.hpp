// SPDX-License-Identifier: MIT
// Test helpers for validate/: load YAML or JSON text, validate it, print every diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "load/load_document.hpp"
#include "validate/validate_plan.hpp"

namespace closeplan::test {

struct validation {
    std::optional<model::plan> plan;
    diagnostic_sink diags;

    /// Every diagnostic formatted, one after the other, separated by a newline.
    [[nodiscard]] std::string report() const {
        std::string out;
        for (const auto& d : diags.all()) {
            if (!out.empty()) out += '\n';
            out += format_diagnostic(d);
        }
        return out;
    }
};

/// Loads `text` as the file `file` (its extension picks YAML or JSON) and validates it.
inline validation validate_text(std::string_view text, const std::string& file = "plan.yaml",
                                const validate::validate_options& options = {}) {
    validation v;
    auto tree = load::load_document(text, file, load::syntax_for_path(file), v.diags);
    if (tree) v.plan = validate::validate_plan(*tree, options, v.diags);
    return v;
}

inline std::string fixture_dir(std::string_view name) {
    return std::string(CLOSEPLAN_SOURCE_DIR) + "/tests/unit/validate/fixtures/" + std::string(name);
}

}  // namespace closeplan::test
