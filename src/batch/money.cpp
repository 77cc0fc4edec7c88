// SPDX-License-Identifier: MIT
// Exact amount parsing: digits are counted, never passed through a double.
#include "batch/money.hpp"

#include <array>
#include <limits>
#include <utility>
#include <vector>

namespace closeplan::batch {

namespace {

struct symbol {
    std::string_view text;
    std::string_view code;
};

// Longest first, so `US$` wins over `$`.
constexpr std::array<symbol, 8> symbols{{{"US$", "USD"}, {"CA$", "CAD"}, {"A$", "AUD"}, {"$", "USD"},
                                         {"\xE2\x82\xAC", "EUR"}, {"\xC2\xA3", "GBP"}, {"\xC2\xA5", "JPY"},
                                         {"CHF", "CHF"}}};

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
    auto is_space = [](std::string_view v, std::size_t i) {
        if (v[i] == ' ' || v[i] == '\t') return std::size_t{1};
        // U+00A0 and U+202F (narrow no-break space) group thousands in French exports.
        if (v.substr(i).starts_with("\xC2\xA0")) return std::size_t{2};
        if (v.substr(i).starts_with("\xE2\x80\xAF")) return std::size_t{3};
        return std::size_t{0};
    };
    while (!s.empty()) {
        auto n = is_space(s, 0);
        if (!n) break;
        s.remove_prefix(n);
    }
    while (!s.empty()) {
        bool trimmed = false;
        for (std::size_t n : {1u, 2u, 3u}) {
            if (s.size() >= n && is_space(s, s.size() - n) == n) {
                s.remove_suffix(n);
                trimmed = true;
                break;
            }
        }
        if (!trimmed) break;
    }
    return s;
}

// Takes a currency symbol or an ISO code off either end of the text.
std::string take_currency(std::string_view& text) {
    text = trim(text);
    for (const auto& s : symbols) {
        if (text.starts_with(s.text)) {
            text.remove_prefix(s.text.size());
            text = trim(text);
            return std::string(s.code);
        }
        if (text.ends_with(s.text)) {
            text.remove_suffix(s.text.size());
            text = trim(text);
            return std::string(s.code);
        }
    }
    if (text.size() > 3 && is_upper(text[0]) && is_upper(text[1]) && is_upper(text[2]) && !is_upper(text[3])) {
        std::string code(text.substr(0, 3));
        text = trim(text.substr(3));
        return code;
    }
    if (text.size() > 3 && is_upper(text[text.size() - 1]) && is_upper(text[text.size() - 2]) &&
        is_upper(text[text.size() - 3]) && !is_upper(text[text.size() - 4])) {
        std::string code(text.substr(text.size() - 3));
        text = trim(text.substr(0, text.size() - 3));
        return code;
    }
    return {};
}

// What a double printed with all its digits looks like: 15 or more significant
// digits. People and CRMs that store decimals exactly never write that many.
bool is_float_noise(std::string_view integer_part, std::string_view fraction) {
    std::size_t significant = 0;
    bool started = false;
    for (std::string_view part : {integer_part, fraction})
        for (char c : part) {
            started = started || c != '0';
            if (started) ++significant;
        }
    return significant >= 15;
}

// Adds one in the last digit of a decimal digit string, carrying as far as needed.
void add_one(std::string& digits) {
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it != '9') {
            ++*it;
            return;
        }
        *it = '0';
    }
    digits.insert(digits.begin(), '1');
}

}  // namespace

int minor_digits(std::string_view currency) {
    for (auto zero : {"JPY", "KRW", "VND", "CLP", "ISK", "HUF"})
        if (currency == zero) return currency == "HUF" ? 2 : 0;
    for (auto three : {"BHD", "KWD", "OMR", "JOD", "TND", "IQD", "LYD"})
        if (currency == three) return 3;
    return 2;
}

std::string money::decimal_text() const {
    const bool negative = minor < 0;
    // Work in unsigned so the most negative value cannot overflow.
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
    std::uint64_t unit = 1;
    for (int i = 0; i < scale; ++i) unit *= 10;
    std::string out = (negative ? "-" : "") + std::to_string(magnitude / unit);
    if (scale > 0) {
        auto fraction = std::to_string(magnitude % unit);
        out += "." + std::string(static_cast<std::size_t>(scale) - fraction.size(), '0') + fraction;
    }
    return out;
}

money_result parse_money(std::string_view text, decimal_mark mark, std::string_view default_currency) {
    std::string_view rest = trim(text);
    if (rest.empty()) return std::string("is empty");
    bool negative = false;
    if (rest.front() == '-' || rest.front() == '(') {
        negative = true;
        if (rest.front() == '(' && rest.back() == ')') rest = rest.substr(1, rest.size() - 2);
        else if (rest.front() == '(') return std::string("has an unclosed parenthesis");
        else rest.remove_prefix(1);
    }
    std::string currency = take_currency(rest);
    if (!negative && !rest.empty() && rest.front() == '-') {  // `$-5.00`
        negative = true;
        rest.remove_prefix(1);
    }
    if (currency.empty()) currency = std::string(default_currency);
    if (rest.empty() || !is_digit(rest.front())) return std::string("is not an amount (expected 240000, $240,000.00 or 240.000,00 €)");

    // Collect digits and the positions of the marks between them.
    std::string digits;
    std::string marks;                   // each mark, in order
    std::vector<std::size_t> mark_at;    // digits before each mark
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const char c = rest[i];
        if (is_digit(c)) {
            digits.push_back(c);
        } else if (c == ',' || c == '.' || c == '\'' || c == ' ') {
            if (i + 1 >= rest.size() || !is_digit(rest[i + 1])) return std::string("is not an amount (a separator is not followed by digits)");
            marks.push_back(c);
            mark_at.push_back(digits.size());
        } else if (rest.substr(i).starts_with("\xC2\xA0") || rest.substr(i).starts_with("\xE2\x80\xAF")) {
            const std::size_t width = rest.substr(i).starts_with("\xC2\xA0") ? 2 : 3;
            if (i + width >= rest.size() || !is_digit(rest[i + width])) return std::string("is not an amount");
            marks.push_back(' ');
            mark_at.push_back(digits.size());
            i += width - 1;
        } else if ((c == 'k' || c == 'K' || c == 'm' || c == 'M') && i + 1 == rest.size()) {
            return std::string("uses a k/M abbreviation; write the full amount");
        } else {
            return std::string("is not an amount (expected 240000, $240,000.00 or 240.000,00 €)");
        }
    }

    // Which mark is the decimal one: the last mark, when it differs from the
    // others, occurs once and is not followed by exactly three digits...
    std::size_t fraction_digits = 0;
    if (!marks.empty()) {
        const char last = marks.back();
        const std::size_t after_last = digits.size() - mark_at.back();
        const bool last_unique = marks.find(last) == marks.size() - 1;
        bool last_is_decimal = false;
        if (last == ' ' || last == '\'') {
            last_is_decimal = false;
        } else if (marks.find_first_not_of(last) != std::string::npos) {
            last_is_decimal = last_unique;  // `1,234.56` / `1.234,56`
            if (!last_unique) return std::string("mixes separators in a way that is not a number");
        } else if (!last_unique) {
            last_is_decimal = false;  // `1,234,567`
        } else if (after_last != 3) {
            last_is_decimal = true;  // `9552.0`, `240000,50`
        } else {
            // ...and with one mark before three digits, the export's convention decides.
            last_is_decimal = (last == '.') == (mark == decimal_mark::point);
        }
        if (last_is_decimal) {
            fraction_digits = after_last;
            marks.pop_back();
            mark_at.pop_back();
        }
        // Grouping marks must sit every three digits.
        for (std::size_t k = 0; k < mark_at.size(); ++k) {
            const std::size_t next = k + 1 < mark_at.size() ? mark_at[k + 1] : digits.size() - fraction_digits;
            if (next - mark_at[k] != 3 || (k == 0 && (mark_at[0] == 0 || mark_at[0] > 3)))
                return std::string("has a thousands separator in the wrong place");
        }
    }

    const int scale = minor_digits(currency);
    std::string integer_part = digits.substr(0, digits.size() - fraction_digits);
    std::string fraction = digits.substr(digits.size() - fraction_digits);
    while (fraction.size() > static_cast<std::size_t>(scale) && fraction.back() == '0') fraction.pop_back();
    bool rounded = false;
    if (fraction.size() > static_cast<std::size_t>(scale)) {
        if (!is_float_noise(integer_part, fraction))
            return std::string("has more decimals than ") + (currency.empty() ? std::string("an amount") : currency) +
                   " allows (" + std::to_string(scale) + "); round it in the CRM export";
        rounded = true;
    }
    const bool round_up = rounded && fraction[static_cast<std::size_t>(scale)] >= '5';
    if (rounded) fraction.resize(static_cast<std::size_t>(scale));
    fraction.append(static_cast<std::size_t>(scale) - fraction.size(), '0');
    std::string all = integer_part + fraction;
    if (round_up) add_one(all);
    std::size_t first_nonzero = all.find_first_not_of('0');
    if (first_nonzero != std::string::npos && all.size() - first_nonzero > 18) return std::string("is too large");
    std::int64_t minor = 0;
    for (char c : all) minor = minor * 10 + (c - '0');
    money result;
    result.minor = negative ? -minor : minor;
    result.scale = scale;
    result.currency = std::move(currency);
    result.rounded = rounded;
    return result;
}

std::optional<decimal_mark> proven_mark(std::string_view text) {
    const auto last_point = text.rfind('.');
    const auto last_comma = text.rfind(',');
    if (last_point == std::string_view::npos && last_comma == std::string_view::npos) return std::nullopt;
    if (last_point != std::string_view::npos && last_comma != std::string_view::npos)
        return last_point > last_comma ? decimal_mark::point : decimal_mark::comma;  // the last mark is decimal
    const char mark = last_point != std::string_view::npos ? '.' : ',';
    const auto last = std::min(last_point, last_comma);
    const auto as_decimal = mark == '.' ? decimal_mark::point : decimal_mark::comma;
    const auto as_grouping = mark == '.' ? decimal_mark::comma : decimal_mark::point;
    if (text.find(mark) != last) return as_grouping;  // `1,234,567`: a mark that repeats groups
    std::size_t digits_after = 0;
    while (last + 1 + digits_after < text.size() && is_digit(text[last + 1 + digits_after])) ++digits_after;
    if (digits_after == 0) return std::nullopt;  // not a number; parse_money says why
    return digits_after == 3 ? std::nullopt : std::optional<decimal_mark>(as_decimal);
}

}  // namespace closeplan::batch
