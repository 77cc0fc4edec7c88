// SPDX-License-Identifier: MIT
// Turns libyaml's refusals into located diagnostics with hints.
#include "load/yaml_errors.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <vector>

#include "load/load_internal.hpp"

namespace closeplan::load::detail {

namespace {

constexpr std::string_view quote_hint = "close the quoted value with its closing quote";
constexpr std::string_view escape_hint = "in double quotes write a backslash as \\\\, or use single quotes";
constexpr std::string_view list_hint = "check the indentation: items of one list start in the same column";
constexpr std::string_view mapping_hint = "check the indentation: keys of one mapping start in the same column";
constexpr std::string_view extra_bracket_hint = "remove the extra ] or }, or quote the value that contains it";

// The libyaml problems (0.2.5) that have an obvious fix. A row applies when
// the problem starts with `problem`, the context with `context`, and the
// character at the offending spot is one of `at` (any when empty; none of
// them when it starts with ^); every row
// that applies adds its hint.
struct known_problem {
    std::string_view problem;
    std::string_view context;
    std::string_view at;
    std::string_view hint;
};

constexpr known_problem known_problems[] = {
    {"found character that cannot start any token", "", "\t", "indent with spaces, not tabs"},
    {"found a tab character", "", "", "indent with spaces, not tabs"},
    {"mapping values are not allowed", "", "", "quote a value that contains \": \", e.g. title: \"Phase 1: discovery\""},
    {"block sequence entries are not allowed", "", "", list_hint},
    {"did not find expected '-' indicator", "", "", list_hint},
    {"did not find expected key", "", "-", list_hint},
    {"did not find expected key", "while parsing a block mapping", "^-]}", mapping_hint},
    {"did not find expected key", "", "]}", extra_bracket_hint},
    {"did not find expected node content", "", "]}", extra_bracket_hint},
    {"did not find expected ',' or '}'", "", "", "close every { with a matching }"},
    {"did not find expected ',' or ']'", "", "", "close every [ with a matching ]"},
    {"found unknown escape character", "", "", escape_hint},
    {"did not find expected hexdecimal number", "", "", escape_hint},
    {"found unexpected end of stream", "while scanning a quoted scalar", "", quote_hint},
    {"found undefined alias", "", "", "define the anchor (&name) before the alias (*name) that uses it"},
    {"found character that cannot start any token", "", "@`", "quote a value that starts with @ or `"},
    {"could not find expected ':'", "while scanning a simple key", "",
     "end this key with \": \" on the same line; a key is one line of at most 1024 characters"},
    {"did not find expected alphabetic or numeric character", "while scanning an a", "",
     "anchor and alias names use only letters, digits, - and _"},
    {"did not find expected <document start>", "", "",
     "after a `...` line the next document starts with `---`; closeplan reads one plan per file"},
    {"control characters are not allowed", "", "",
     "remove the control character, or write it as an escape in double quotes, e.g. \"\\t\""},
};

bool any_of(std::string_view set, char c) {
    if (set.starts_with('^')) return set.find(c, 1) == std::string_view::npos;
    return set.empty() || set.find(c) != std::string_view::npos;
}

char char_at(std::string_view text, const yaml_mark& mark) {
    if (mark.is_null() || static_cast<std::size_t>(mark.pos) >= text.size()) return '\n';  // the end reads as a line end
    return text[static_cast<std::size_t>(mark.pos)];
}

source_location location_of(const yaml_mark& mark, const std::string& file) {
    if (mark.is_null()) return {file, 0, 0, {}};
    return {file, mark.line + 1, mark.column + 1, {}};
}

// libyaml says "found invalid Unicode character escape code" at the escape's
// hex digits; yaml-cpp named the code point, which tells the user far more.
std::optional<unsigned long> escaped_code_point(std::string_view text, const yaml_mark& mark) {
    if (mark.is_null() || mark.pos < 2) return std::nullopt;
    const auto at = static_cast<std::size_t>(mark.pos);
    const char kind = text[at - 1];
    const std::size_t digits = kind == 'x' ? 2 : kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
    if (digits == 0 || text[at - 2] != '\\' || at + digits > text.size()) return std::nullopt;
    return std::stoul(std::string(text.substr(at, digits)), nullptr, 16);
}

// libyaml ends a line at NEL, LS and PS too, so one pasted into a plain value
// splits it, and the error comes a token later; editors show no break there.
// The first such character on the line of the error or the one before, if any.
std::optional<yaml_mark> yaml_1_1_break_before(std::string_view text, const yaml_mark& where) {
    if (where.is_null()) return std::nullopt;
    const auto end = std::min(static_cast<std::size_t>(where.pos), text.size());
    std::size_t from = where.line > 0 ? static_cast<std::size_t>(where.pos - where.column) - 1 : 0;  // the '\n' before
    from = from == 0 ? 0 : text.rfind('\n', from - 1) + 1;  // npos + 1 is 0: the first line
    for (std::size_t i = from; i + 1 < end; ++i) {
        const auto c = text.substr(i, 3);
        if (!c.starts_with("\xC2\x85") && c != "\xE2\x80\xA8" && c != "\xE2\x80\xA9") continue;
        const auto line_start = i == 0 ? 0 : text.rfind('\n', i - 1) + 1;
        const auto lines_between = std::count(text.begin() + static_cast<std::ptrdiff_t>(i),
                                              text.begin() + static_cast<std::ptrdiff_t>(end), '\n');
        return yaml_mark{static_cast<long>(i), where.line - static_cast<int>(lines_between),
                         static_cast<int>(i - line_start)};
    }
    return std::nullopt;
}

// "while parsing a flow sequence", "... a block mapping", "... a block collection".
bool opens_collection(std::string_view context) {
    return context.ends_with("mapping") || context.ends_with("sequence") || context.ends_with("collection");
}

}  // namespace

void report_yaml_failure(const yaml_syntax_error& error, std::string_view text, const std::string& file,
                         diagnostic_sink& diags) {
    std::string message = error.problem.empty() ? "YAML syntax error" : error.problem;
    yaml_mark where = error.where;
    std::vector<std::string> hints;
    const char at = char_at(text, where);
    if (error.problem.starts_with("found invalid Unicode character escape code")) {
        if (const auto code_point = escaped_code_point(text, where)) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "U+%04lX", *code_point);
            message = std::string("invalid unicode escape ") + buf;
            if (*code_point >= 0xD800 && *code_point <= 0xDFFF)
                hints.emplace_back(
                    "YAML has no \\u surrogate pairs: write the character itself, or use \\U with 8 hex digits");
            where.pos -= 2, where.column -= 2;  // at the backslash
        }
    }
    if (error.problem.starts_with("found unknown escape character") && !where.is_null() &&
        static_cast<std::size_t>(where.pos) + 1 < text.size())
        message += ": " + std::string(text.substr(static_cast<std::size_t>(where.pos) + 1, 1));
    if (error.problem.starts_with("mapping values are not allowed") && where.column >= 1024)
        hints.emplace_back("a key is at most 1024 characters long (YAML 1.1)");
    const auto line_break = yaml_1_1_break_before(text, where);
    if (line_break) {
        where = *line_break;
        hints.emplace_back("U+0085, U+2028 and U+2029 end a line in YAML 1.1: remove the character, or write it "
                           "as \\N, \\L or \\P in double quotes");
    } else if (error.context.starts_with("while scanning a simple key") && !error.context_where.is_null()) {
        where = error.context_where;  // the text that wanted to be a key, not the line after it
    }
    for (const auto& known : known_problems)
        if (!line_break && error.problem.starts_with(known.problem) && error.context.starts_with(known.context) &&
            any_of(known.at, at))
            hints.emplace_back(known.hint);
    if (error.problem.starts_with("found unexpected end of stream") && !error.context_where.is_null()) {
        // The end of the file is no help: say where the value that never ends begins.
        message = "quoted value is never closed";
        where = error.context_where;
    } else if (opens_collection(error.context) && !error.context_where.is_null() &&
               error.context_where.line != where.line) {
        // Where the open bracket, list or mapping began, when that is on another line.
        message += " " + error.context + " that starts at line " + std::to_string(error.context_where.line + 1) +
                   ", column " + std::to_string(error.context_where.column + 1);
    }
    diags.error("L102", std::move(message), location_of(where, file), std::move(hints));
}

}  // namespace closeplan::load::detail
