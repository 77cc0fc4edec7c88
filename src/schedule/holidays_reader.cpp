// SPDX-License-Identifier: MIT
// Reading a holidays file: a list of ISO dates, each optionally with a name.
#include <array>
#include <string_view>

#include "load/load_document.hpp"
#include "schedule/business_calendar.hpp"
#include "schedule/playbook_codes.hpp"
#include "validate/fields.hpp"

namespace closeplan::schedule {

namespace {

using load::raw_node;
using validate::detail::field_reader;
using validate::detail::need;

constexpr std::array<std::string_view, 2> holiday_keys = {"date", "name"};

std::vector<holiday> read_holidays(const raw_node& root, field_reader& fields, diagnostic_sink& own) {
    std::vector<holiday> out;
    if (root.is_null()) return out;  // an empty file: no holidays (a region with none this year)
    if (!root.is_sequence()) {
        own.error("P611", "a holidays file must be a list of dates, found " +
                              std::string(validate::detail::describe(root)),
                  root.where, {"write one `- 2026-07-03` or `- { date: 2026-07-03, name: Independence Day }` a line"});
        return out;
    }
    for (const auto& item : root.items) {
        if (item.is_scalar()) {
            if (auto day = fields.date_of(item, "date")) out.push_back({*day, {}, item.where});
            continue;
        }
        if (!item.is_mapping()) {
            own.error("P611", "each holiday must be a date or a mapping with `date:`, found " +
                                  std::string(validate::detail::describe(item)),
                      item.where);
            continue;
        }
        fields.check_keys(item, holiday_keys);
        auto day = fields.date(item, "date", need::required);
        auto name = fields.text(item, "name");
        if (day) out.push_back({*day, std::move(name), item.where});
    }
    return out;
}

std::optional<std::vector<holiday>> holidays_from_tree(const std::optional<raw_node>& root, diagnostic_sink& loading,
                                                       diagnostic_sink& diags) {
    diags.merge(loading);
    if (!root || loading.has_errors()) return std::nullopt;
    diagnostic_sink renamed;
    diagnostic_sink problems;
    field_reader fields(renamed);
    auto holidays = read_holidays(*root, fields, problems);
    detail::forward_as_playbook_codes(renamed, problems);
    detail::report_in_file_order(problems, diags);
    if (problems.has_errors()) return std::nullopt;
    return holidays;
}

}  // namespace

std::optional<std::vector<holiday>> load_holidays_text(std::string_view text, const std::string& file,
                                                       diagnostic_sink& diags) {
    diagnostic_sink loading;
    const auto root = load::load_document(text, file, load::syntax_for_path(file), loading);
    return holidays_from_tree(root, loading, diags);
}

std::optional<std::vector<holiday>> load_holidays(const std::string& path, diagnostic_sink& diags) {
    diagnostic_sink loading;
    const auto root = load::load_file(path, loading);
    return holidays_from_tree(root, loading, diags);
}

}  // namespace closeplan::schedule
