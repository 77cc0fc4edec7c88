// SPDX-License-Identifier: MIT
// Token boundaries in JSON text, for positions nlohmann's SAX parser does not give.
#include "load/json_scan.hpp"

#include <charconv>
#include <system_error>

namespace closeplan::load::detail {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t skip_digits(std::string_view text, std::size_t i) {
    while (i < text.size() && is_digit(text[i])) ++i;
    return i;
}

}  // namespace

std::size_t json_number_end(std::string_view text, std::size_t pos) {
    std::size_t i = pos;
    if (i < text.size() && text[i] == '-') ++i;
    if (i >= text.size() || !is_digit(text[i])) return no_token;
    i = text[i] == '0' ? i + 1 : skip_digits(text, i);
    if (i < text.size() && text[i] == '.') {
        const auto digits = skip_digits(text, i + 1);
        if (digits == i + 1) return no_token;
        i = digits;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
        const auto digits = skip_digits(text, j);
        if (digits == j) return no_token;
        i = digits;
    }
    return i;
}

std::size_t json_string_end(std::string_view text, std::size_t pos) {
    for (std::size_t i = pos + 1; i < text.size(); ++i) {
        if (text[i] == '\\')
            ++i;
        else if (text[i] == '"')
            return i + 1;
    }
    return no_token;
}

std::optional<std::string> without_huge_numbers(std::string_view text) {
    std::optional<std::string> copy;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            const auto end = json_string_end(text, i);
            if (end == no_token) break;
            i = end;
        } else if (c == '-' || is_digit(c)) {
            const auto end = json_number_end(text, i);
            if (end == no_token) {
                ++i;
                continue;
            }
            double value = 0;
            const auto result = std::from_chars(text.data() + i, text.data() + end, value);
            if (result.ec == std::errc::result_out_of_range) {
                if (!copy) copy.emplace(text);
                (*copy)[i] = '0';
                for (std::size_t j = i + 1; j < end; ++j) (*copy)[j] = ' ';
            }
            i = end;
        } else {
            ++i;
        }
    }
    return copy;
}

}  // namespace closeplan::load::detail
