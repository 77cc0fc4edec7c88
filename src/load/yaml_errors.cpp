// SPDX-License-Identifier: MIT
// Turns yaml-cpp's parser exceptions into located diagnostics with hints.
#include "load/yaml_errors.hpp"

#include <cctype>
#include <cstdio>
#include <optional>
#include <vector>

#include "load/load_internal.hpp"

namespace closeplan::load::detail {

namespace {

struct known_message {
    std::string_view prefix;
    std::string_view hint;
};

// yaml-cpp's ErrorMsg texts (0.7) that have an obvious fix.
constexpr known_message known_messages[] = {
    {"illegal tab when looking for indentation", "indent with spaces, not tabs"},
    {"illegal map value", "quote a value that contains \": \", e.g. title: \"Phase 1: discovery\""},
    {"illegal block entry", "check the indentation: items of one list start in the same column"},
    {"end of map not found", "check the indentation: keys of one mapping start in the same column"},
    {"end of sequence not found", "check the indentation: items of one list start in the same column"},
    {"end of map flow not found", "close every { with a matching }"},
    {"end of sequence flow not found", "close every [ with a matching ]"},
    {"illegal flow end", "remove the extra ] or }, or quote the value that contains it"},
    {"unknown escape character", "in double quotes write a backslash as \\\\, or use single quotes"},
    {"illegal EOF in scalar", "close the quoted value with its closing quote"},
    {"the referenced anchor is not defined", "define the anchor (&name) before the alias (*name) that uses it"},
    {"unknown token", "quote a value that starts with @ or `"},
};

std::string tidy(std::string message) {
    while (!message.empty() && (message.back() == '.' || message.back() == ' ')) message.pop_back();
    // Keeps acronyms such as "YAML directives ..." and "TAG directives ..." as they are.
    if (message.size() > 1 && std::isupper(static_cast<unsigned char>(message[0])) &&
        !std::isupper(static_cast<unsigned char>(message[1])))
        message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    return message;
}

// yaml-cpp prints the bad code point in decimal ("invalid unicode: 55357").
std::optional<unsigned long> invalid_code_point(std::string_view message) {
    constexpr std::string_view prefix = "invalid unicode: ";
    if (!message.starts_with(prefix)) return std::nullopt;
    const std::string digits(message.substr(prefix.size()));
    if (digits.empty() || !std::isdigit(static_cast<unsigned char>(digits[0]))) return std::nullopt;
    return std::stoul(digits);
}

source_location mark_location(const yaml_failure& failure, const std::string& file) {
    if (failure.line < 0) return {file, 0, 0, {}};
    return {file, failure.line + 1, failure.column + 1, {}};
}

}  // namespace

void report_yaml_failure(const yaml_failure& failure, const std::string& file, diagnostic_sink& diags,
                         const load_limits& limits) {
    if (failure.too_deep) {
        // Only reached if yaml-cpp's guard fires before the prescan's own depth limit.
        report_too_deep(diags, limits, mark_location(failure, file));
        return;
    }
    std::string message = tidy(failure.message);
    std::vector<std::string> hints;
    if (auto code_point = invalid_code_point(message)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "U+%04lX", *code_point);
        message = std::string("invalid unicode escape ") + buf;
        if (*code_point >= 0xD800 && *code_point <= 0xDFFF)
            hints.emplace_back("YAML has no \\u surrogate pairs: write the character itself, or use \\U with 8 hex digits");
    }
    for (const auto& known : known_messages)
        if (message.starts_with(known.prefix)) hints.emplace_back(known.hint);
    if (message.empty()) message = "YAML syntax error";
    diags.error("L102", std::move(message), mark_location(failure, file), std::move(hints));
}

}  // namespace closeplan::load::detail
