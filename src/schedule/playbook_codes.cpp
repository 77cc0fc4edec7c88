// SPDX-License-Identifier: MIT
#include "schedule/playbook_codes.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace closeplan::schedule::detail {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> renamed = {{
    {"V202", "P601"},
    {"V208", "P602"},
    {"V209", "P603"},
    {"V203", "P604"},
    {"R301", "P606"},
    {"R302", "P607"},
    {"V204", "P610"},
}};

}  // namespace

void forward_as_playbook_codes(const diagnostic_sink& from, diagnostic_sink& to) {
    for (auto d : from.all()) {
        for (const auto& [plan_code, playbook_code] : renamed) {
            if (d.code != plan_code) continue;
            d.code = std::string(playbook_code);
            // A misspelt key in a playbook would silently drop a step's dependency
            // or duration in every deal scheduled from it, so it is an error here.
            if (d.code == "P602") d.level = severity::error;
            break;
        }
        to.report(std::move(d));
    }
}

void report_in_file_order(const diagnostic_sink& problems, diagnostic_sink& diags) {
    auto sorted = problems.all();
    std::stable_sort(sorted.begin(), sorted.end(), [](const diagnostic& a, const diagnostic& b) {
        return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
    });
    for (auto& d : sorted) diags.report(std::move(d));
}

}  // namespace closeplan::schedule::detail
