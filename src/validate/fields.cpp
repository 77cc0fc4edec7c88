// SPDX-License-Identifier: MIT
// Typed readers over the raw tree: each problem becomes a located diagnostic and reading goes on.
#include "validate/fields.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "model/dates.hpp"
#include "validate/wording.hpp"

namespace closeplan::validate::detail {

namespace {

bool is_extension_key(std::string_view key) {
    return key.size() > 2 && key.substr(0, 2) == "x-";
}

constexpr std::array<std::string_view, 12> month_names = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};

// Splits "6/30/2026", "2026-6-30" or "30.06.2026" into three numbers and the separator.
struct date_parts {
    std::array<int, 3> numbers{};
    std::array<std::size_t, 3> widths{};
    char separator = 0;
};

std::optional<date_parts> split_date(std::string_view text) {
    date_parts parts;
    std::size_t part = 0;
    std::size_t i = 0;
    while (part < 3) {
        const auto start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        const auto width = i - start;
        if (width == 0 || width > 4) return std::nullopt;
        std::from_chars(text.data() + start, text.data() + i, parts.numbers[part]);
        parts.widths[part] = width;
        ++part;
        if (part == 3) break;
        if (i >= text.size()) return std::nullopt;
        const char sep = text[i];
        if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
        if (parts.separator != 0 && sep != parts.separator) return std::nullopt;
        parts.separator = sep;
        ++i;
    }
    if (i != text.size()) return std::nullopt;
    return parts;
}

std::optional<std::string> iso_if_real(int y, int m, int d) {
    if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    const model::date candidate{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                std::chrono::day{static_cast<unsigned>(d)}};
    if (!candidate.ok()) return std::nullopt;
    return model::format_iso_date(candidate);
}

// Only unambiguous readings are suggested: 5/6/2026 could be either month first.
std::optional<std::string> likely_iso(std::string_view text) {
    const auto parts = split_date(text);
    if (!parts) return std::nullopt;
    const auto [a, b, c] = parts->numbers;
    if (parts->widths[0] == 4) return iso_if_real(a, b, c);
    if (parts->widths[2] != 4) return std::nullopt;
    if (parts->separator == '.') return iso_if_real(c, b, a);  // European day.month.year
    if (a > 12) return iso_if_real(c, b, a);
    if (b > 12 || a == b) return iso_if_real(c, a, b);  // US month/day/year
    return std::nullopt;
}

std::string impossible_date_hint(std::string_view text) {
    const auto parts = split_date(text);
    if (!parts) return "write dates as YYYY-MM-DD";
    const int y = parts->numbers[0], m = parts->numbers[1];
    if (m < 1 || m > 12) return "months run from 01 to 12";
    const auto last = std::chrono::year_month_day_last{
        std::chrono::year{y}, std::chrono::month_day_last{std::chrono::month{static_cast<unsigned>(m)}}};
    return std::string(month_names[static_cast<std::size_t>(m - 1)]) + ' ' + std::to_string(y) + " has " +
           std::to_string(static_cast<unsigned>(last.day())) + " days";
}

// "`tilte` looks like a misspelling of `title`" when a sibling key is close to the missing one.
std::optional<std::string> misspelt_sibling(const raw_node& map, std::string_view key) {
    const std::array<std::string_view, 1> wanted{key};
    for (const auto& m : map.members)
        if (m.key != key && closest(m.key, wanted))
            return "`" + m.key + "` looks like a misspelling of `" + std::string(key) + "`";
    return std::nullopt;
}

}  // namespace

source_location at(const raw_node& node) {
    return node.where;
}

source_location at_key(const load::raw_member& member) {
    auto where = member.key_where;
    if (where.line == 0) where = member.value.where;
    if (where.pointer.empty()) where.pointer = member.value.where.pointer;
    return where;
}

source_location at_missing(const raw_node& parent, std::string_view key) {
    auto where = parent.where;
    where.pointer = load::pointer_to(where.pointer, key);
    return where;
}

std::string_view describe(const raw_node& node) {
    switch (node.type) {
        case raw_node::kind::null:
            return "nothing";
        case raw_node::kind::scalar:
            return "text";
        case raw_node::kind::sequence:
            return "a list";
        case raw_node::kind::mapping:
            return "a mapping";
    }
    return "nothing";
}

void field_reader::error(std::string code, std::string message, source_location where, std::vector<std::string> hints) {
    diags_.error(std::move(code), std::move(message), std::move(where), std::move(hints));
}

void field_reader::warning(std::string code, std::string message, source_location where,
                           std::vector<std::string> hints) {
    diags_.warning(std::move(code), std::move(message), std::move(where), std::move(hints));
}

void field_reader::check_keys(const raw_node& map, std::span<const std::string_view> known) {
    for (const auto& m : map.members) {
        if (std::find(known.begin(), known.end(), m.key) != known.end() || is_extension_key(m.key)) continue;
        std::vector<std::string> hints;
        if (auto suggestion = closest(m.key, known))
            hints.push_back(did_you_mean(*suggestion));
        else
            hints.push_back("known fields here: " + join_or(known));
        warning("V208", "unknown field " + quote(m.key), at_key(m), std::move(hints));
    }
}

const raw_node* field_reader::member(const raw_node& map, std::string_view key, need n, std::string hint) {
    const raw_node* found = map.find(key);
    if (found && !found->is_null()) return found;
    if (n == need::required) {
        std::vector<std::string> hints;
        if (!hint.empty()) hints.push_back(std::move(hint));
        if (found) {
            error("V202", "required field " + quote(key) + " is empty", at(*found), std::move(hints));
        } else {
            if (auto misspelt = misspelt_sibling(map, key)) hints.push_back(*misspelt);
            error("V202", "missing required field " + quote(key), at_missing(map, key), std::move(hints));
        }
    }
    return nullptr;
}

bool field_reader::expect_mapping(const raw_node& node, std::string_view what, std::string hint) {
    if (node.is_mapping()) return true;
    std::vector<std::string> hints;
    if (!hint.empty()) hints.push_back(std::move(hint));
    error("V209", std::string(what) + " must be a mapping, found " + std::string(describe(node)), at(node),
          std::move(hints));
    return false;
}

bool field_reader::expect_list(const raw_node& node, std::string_view what) {
    if (node.is_sequence()) return true;
    std::vector<std::string> hints;
    if (node.is_scalar())
        hints.push_back("write it as a list: [" + std::string(trim(node.text)) + "]");
    else if (node.is_mapping())
        hints.push_back("start each item on its own line with `- `");
    error("V209", std::string(what) + " must be a list, found " + std::string(describe(node)), at(node),
          std::move(hints));
    return false;
}

std::optional<std::string> field_reader::text_of(const raw_node& node, std::string_view what, need n) {
    if (node.is_null()) {
        if (n == need::required) error("V202", "required field " + quote(what) + " is empty", at(node));
        return std::nullopt;
    }
    if (!node.is_scalar()) {
        error("V209", quote(what) + " must be text, found " + std::string(describe(node)), at(node));
        return std::nullopt;
    }
    auto value = std::string(trim(node.text));
    if (value.empty() && n == need::required) {
        error("V202", "required field " + quote(what) + " is empty", at(node));
        return std::nullopt;
    }
    return value;
}

std::string field_reader::text(const raw_node& map, std::string_view key, need n) {
    auto found = located(map, key, n);
    return found ? std::move(found->text) : std::string();
}

std::optional<located_text> field_reader::located(const raw_node& map, std::string_view key, need n) {
    const raw_node* node = member(map, key, n);
    if (!node) return std::nullopt;
    auto value = text_of(*node, key, n);
    if (!value) return std::nullopt;
    return located_text{std::move(*value), at(*node)};
}

std::vector<std::string> field_reader::text_list(const raw_node& map, std::string_view key) {
    std::vector<std::string> out;
    for (auto& item : located_list(map, key)) out.push_back(std::move(item.text));
    return out;
}

std::vector<located_text> field_reader::located_list(const raw_node& map, std::string_view key) {
    std::vector<located_text> out;
    const raw_node* node = member(map, key, need::optional);
    if (!node || !expect_list(*node, quote(key))) return out;
    for (const auto& item : node->items) {
        if (item.is_null()) continue;
        auto value = text_of(item, key, need::optional);
        if (value && !value->empty()) out.push_back({std::move(*value), at(item)});
    }
    return out;
}

std::vector<located_text> field_reader::text_or_list(const raw_node& node, std::string_view what) {
    std::vector<located_text> out;
    if (node.is_scalar()) {
        auto value = std::string(trim(node.text));
        if (!value.empty()) out.push_back({std::move(value), at(node)});
        return out;
    }
    if (!node.is_sequence()) {
        error("V209", quote(what) + " must be text or a list, found " + std::string(describe(node)), at(node));
        return out;
    }
    for (const auto& item : node.items) {
        if (item.is_null()) continue;
        auto value = text_of(item, what, need::optional);
        if (value && !value->empty()) out.push_back({std::move(*value), at(item)});
    }
    return out;
}

std::optional<model::date> field_reader::date(const raw_node& map, std::string_view key, need n, std::string hint) {
    const raw_node* node = member(map, key, n, std::move(hint));
    if (!node) return std::nullopt;
    return date_of(*node, key);
}

std::optional<model::date> field_reader::date_of(const raw_node& node, std::string_view what) {
    auto value = text_of(node, what, need::required);
    if (!value) return std::nullopt;
    if (auto parsed = model::parse_iso_date(*value)) {
        if (auto why = model::range_problem(*parsed)) {
            error("V204", "date " + quote(*value) + " " + *why, at(node),
                  {"closeplan accepts dates from " + std::to_string(model::earliest_year) + "-01-01 to " +
                   std::to_string(model::latest_year) + "-12-31; check the year for a typo"});
            return std::nullopt;
        }
        return parsed;
    }
    const auto shape_ok = value->size() == 10 && split_date(*value) && (*value)[4] == '-' && (*value)[7] == '-';
    if (shape_ok) {
        error("V204", "date " + quote(*value) + " does not exist", at(node), {impossible_date_hint(*value)});
        return std::nullopt;
    }
    std::vector<std::string> hints{"write dates as YYYY-MM-DD"};
    if (auto suggestion = likely_iso(*value)) hints.push_back(did_you_mean(*suggestion));
    error("V204", quote(what) + " must be a date like 2026-06-30, found " + quote(*value), at(node), std::move(hints));
    return std::nullopt;
}

std::optional<std::size_t> field_reader::choice(const raw_node& map, const choice_spec& spec, need n) {
    const raw_node* node = member(map, spec.field, n, spec.rule);
    if (!node) return std::nullopt;
    return choice_of(*node, spec);
}

std::optional<std::size_t> field_reader::choice_of(const raw_node& node, const choice_spec& spec) {
    auto value = text_of(node, spec.field, need::required);
    if (!value) return std::nullopt;
    for (std::size_t i = 0; i < spec.names.size(); ++i)
        if (spec.names[i] == *value) return i;
    std::vector<std::string> hints;
    const auto word = normalise_word(*value);
    std::optional<std::string> suggestion;
    for (const auto& [synonym, name] : spec.synonyms)
        if (synonym == word) suggestion = std::string(name);
    if (!suggestion) suggestion = closest(*value, std::span<const std::string_view>(spec.names));
    if (suggestion) hints.push_back(did_you_mean(*suggestion));
    hints.push_back(spec.rule);
    error("V203", "unknown " + std::string(spec.field) + ' ' + quote(*value), at(node), std::move(hints));
    return std::nullopt;
}

}  // namespace closeplan::validate::detail
