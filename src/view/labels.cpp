// SPDX-License-Identifier: MIT
// Label look-up and locale formatting of dates, counts and amounts, all driven by the labels (never the C++ locale).
#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "view/build_parts.hpp"

namespace closeplan::view {

std::string labels::get(std::string_view key) const {
    const auto it = lookup_.find(key);
    if (it == lookup_.end()) {
        std::string missing = "[";  // appended, not "[" + ...: GCC 12 warns falsely (-Wrestrict) on that
        missing.append(key).append("]");
        return missing;
    }
    return it->second;
}

bool labels::has(std::string_view key) const { return lookup_.find(key) != lookup_.end(); }

namespace {

std::string two_digits(unsigned v) {
    std::string out;
    out += static_cast<char>('0' + (v / 10) % 10);
    out += static_cast<char>('0' + v % 10);
    return out;
}

std::string trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

std::vector<std::string> split_commas(std::string_view list) {
    std::vector<std::string> items;
    for (std::size_t start = 0;;) {
        const auto comma = list.find(',', start);
        items.push_back(trim(list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return items;
}

// A month list with the wrong number of names falls back to the month number,
// which is still correct, rather than to a wrong or missing name.
std::vector<std::string> month_names(const std::map<std::string, std::string, std::less<>>& entries,
                                     std::string_view key) {
    const auto found = entries.find(key);
    if (found == entries.end()) return {};
    auto names = split_commas(found->second);
    if (names.size() != 12) return {};
    return names;
}

std::string month_name(const std::vector<std::string>& names, unsigned month) {
    if (names.size() == 12 && month >= 1 && month <= 12) return names[month - 1];
    return two_digits(month);
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

labels::labels(std::map<std::string, std::string> entries, std::string_view language, language_tag)
    : plurals_(plural_rules::for_language(language)) {
    entries_.merge(entries);  // moves the nodes: maps differing only in their order share node types
    lookup_.reserve(entries_.size());
    for (const auto& [key, text] : entries_) lookup_.emplace(key, text);
    const auto pattern = entries_.find("date.pattern");
    dates_.pattern = pattern != entries_.end() ? pattern->second : "{yyyy}-{mm}-{dd}";
    const auto pattern_short = entries_.find("date.pattern_short");
    dates_.pattern_short = pattern_short != entries_.end() ? pattern_short->second : dates_.pattern;
    dates_.months = month_names(entries_, "date.months");
    dates_.months_long = month_names(entries_, "date.months_long");
}

namespace {

// Appends `pattern` to `out` through `literal(out, text)`, replacing each
// {name} for which `value(name, out)` appends the value and returns true; any
// other {name} stays as written. One reading of label patterns for dates and
// for every other label.
template <class Value, class Literal>
void expand_into(std::string& out, std::string_view pattern, Value&& value, Literal&& literal) {
    std::size_t i = 0;
    while (i < pattern.size()) {
        const auto open = pattern.find('{', i);
        if (open == std::string_view::npos) break;
        const auto close = pattern.find('}', open + 1);
        if (close == std::string_view::npos) break;
        literal(out, pattern.substr(i, open - i));
        if (!value(pattern.substr(open + 1, close - open - 1), out)) literal(out, pattern.substr(open, close - open + 1));
        i = close + 1;
    }
    literal(out, pattern.substr(i));
}

template <class Value>
std::string expand(std::string_view pattern, Value&& value) {
    std::string out;
    out.reserve(pattern.size() + 16);
    expand_into(out, pattern, value, [](std::string& to, std::string_view text) { to.append(text); });
    return out;
}

// A date or an amount is one unit on a page: its spaces become no-break spaces
// (U+00A0), which the PDF's line breaking, browsers and Markdown viewers honour.
// Appends `text` with its spaces as no-break spaces.
void append_held(std::string& out, std::string_view text) {
    for (const char c : text) {
        if (c == ' ')
            out += "\u00a0";
        else
            out += c;
    }
}

std::string held_together(std::string text) {
    std::string out;
    out.reserve(text.size() + 4);
    append_held(out, text);
    return out;
}

// Appends `v` in decimal, as std::to_string writes it, padded with zeros to `width` digits.
void append_number(std::string& out, int v, std::size_t width = 0) {
    char digits[16];
    const auto end = std::to_chars(digits, digits + sizeof digits, v).ptr;
    const auto size = static_cast<std::size_t>(end - digits);
    if (size < width) out.append(width - size, '0');
    out.append(digits, size);
}

}  // namespace

namespace {

// Each value is made only when the pattern asks for it, and written once,
// straight into the date with its spaces held together (a page has dozens of
// dates, a batch thousands of pages).
std::string format_date_as(model::date d, const labels& words, std::string_view pattern) {
    const auto day = static_cast<unsigned>(d.day());
    const auto month = static_cast<unsigned>(d.month());
    const int year = static_cast<int>(d.year());
    const auto& style = words.dates();
    std::string out;
    out.reserve(pattern.size() + 16);
    expand_into(
        out, pattern,
        [&](std::string_view name, std::string& to) {
            if (name == "d") {
                append_number(to, static_cast<int>(day));
            } else if (name == "dd") {
                to += two_digits(day);
            } else if (name == "m") {
                append_number(to, static_cast<int>(month));
            } else if (name == "mm") {
                to += two_digits(month);
            } else if (name == "mon") {
                append_held(to, month_name(style.months, month));
            } else if (name == "month") {
                append_held(to, month_name(style.months_long, month));
            } else if (name == "yyyy") {
                append_number(to, year, 4);
            } else {
                return false;
            }
            return true;
        },
        append_held);
    return out;
}

}  // namespace

std::string format_date(model::date d, const labels& words) { return format_date_as(d, words, words.dates().pattern); }

std::string format_day_month(model::date d, const labels& words) {
    return format_date_as(d, words, words.dates().pattern_short);
}

namespace detail {

std::string fill(std::string_view pattern, std::initializer_list<placeholder> values) {
    return fill(pattern, std::span<const placeholder>(values.begin(), values.size()));
}

std::string fill(std::string_view pattern, std::span<const placeholder> values) {
    return expand(pattern, [&](std::string_view name, std::string& out) {
        const placeholder* found = nullptr;
        for (const auto& v : values)
            if (v.first == name) found = &v;
        if (found) out += found->second;
        return found != nullptr;
    });
}

std::string count_text(const labels& words, std::string_view key, int n) {
    const auto chosen = plural_key(key, n, words.plurals().get(), [&](std::string_view k) { return words.has(k); });
    return fill(words.get(chosen), {{"n", std::to_string(n)}});
}

std::string format_amount(std::string_view amount, std::string_view currency, const labels& words) {
    std::string_view digits = amount;
    const bool negative = !digits.empty() && digits.front() == '-';
    if (negative) digits.remove_prefix(1);
    const auto dot = digits.find('.');
    const auto whole = digits.substr(0, dot);
    const auto fraction = dot == std::string_view::npos ? std::string_view() : digits.substr(dot + 1);
    std::string number;
    // Anything but plain decimal text is shown as written: never guess, never round.
    if (!all_digits(whole) || (dot != std::string_view::npos && !all_digits(fraction))) {
        number = std::string(amount);
    } else {
        const std::string group = words.has("number.group") ? words.get("number.group") : ",";
        const std::string decimal = words.has("number.decimal") ? words.get("number.decimal") : ".";
        if (negative) number += '-';
        for (std::size_t k = 0; k < whole.size(); ++k) {
            if (k > 0 && (whole.size() - k) % 3 == 0) number += group;
            number += whole[k];
        }
        if (!fraction.empty()) number += decimal + std::string(fraction);
    }
    if (currency.empty()) return number;
    const std::string pattern = words.has("amount.pattern") ? words.get("amount.pattern") : "{currency} {amount}";
    return held_together(fill(pattern, {{"currency", std::string(currency)}, {"amount", number}}));
}

std::string label_of(const labels& words, std::string_view prefix, std::string_view name) {
    // A page looks up dozens of these ("status.not_started"): the key is put
    // together on the stack when it fits, with no string made for it.
    std::array<char, 64> buffer;
    const std::size_t size = prefix.size() + 1 + name.size();
    if (size > buffer.size()) return words.get(std::string(prefix) + "." + std::string(name));
    std::copy(prefix.begin(), prefix.end(), buffer.begin());
    buffer[prefix.size()] = '.';
    std::copy(name.begin(), name.end(), buffer.begin() + static_cast<std::ptrdiff_t>(prefix.size() + 1));
    return words.get(std::string_view(buffer.data(), size));
}

}  // namespace detail

}  // namespace closeplan::view
