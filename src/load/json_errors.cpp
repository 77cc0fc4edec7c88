// SPDX-License-Identifier: MIT
// Turns nlohmann's parse errors into short, located diagnostics with hints.
#include "load/json_errors.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "load/load_internal.hpp"

namespace closeplan::load::detail {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 9:
// syntax error while parsing object key - unexpected '}'; expected string literal".
// Keeps what follows " - " and drops "; last read: '...'", which echoes raw input.
std::string core_message(const std::string& what) {
    std::string message = what;
    if (const auto dash = message.find(" - "); dash != std::string::npos) {
        message.erase(0, dash + 3);
    } else if (const auto colon = message.find(": "); colon != std::string::npos) {
        message.erase(0, colon + 2);
    }
    if (const auto last_read = message.find("; last read: '"); last_read != std::string::npos) {
        const auto expected = message.find("'; expected ", last_read);
        message.erase(last_read, expected == std::string::npos ? std::string::npos : expected + 1 - last_read);
    }
    return message;
}

// Where the offending token starts: after the last accepted token, past the
// blanks and at most one separator that the parser took before failing.
std::size_t token_start(std::string_view text, std::size_t cursor, std::size_t last_read) {
    std::size_t i = std::min(cursor, text.size());
    while (i < text.size() && is_blank(text[i])) ++i;
    if (i < last_read && (text[i] == ',' || text[i] == ':')) {
        ++i;
        while (i < text.size() && is_blank(text[i])) ++i;
    }
    return std::min(i, last_read);
}

std::string word_at(std::string_view text, std::size_t start) {
    std::size_t end = start;
    while (end < text.size() && end - start < 40 &&
           (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_' || text[end] == '-' ||
            static_cast<unsigned char>(text[end]) >= 0x80u))
        ++end;
    return std::string(text.substr(start, end - start));
}

// "True", "NULL", "tru": a JSON literal misspelt rather than text left unquoted.
bool looks_like_literal(std::string word) {
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (std::string_view literal : {"true", "false", "null"})
        if (literal.starts_with(word)) return true;
    return false;
}

bool after_comma(std::string_view text, std::size_t start) {
    while (start > 0 && is_blank(text[start - 1])) --start;
    return start > 0 && text[start - 1] == ',';
}

struct explained {
    std::string message;
    std::vector<std::string> hints;
};

explained explain_invalid_literal(std::string_view text, std::size_t start, bool after_value) {
    const char c = start < text.size() ? text[start] : '\0';
    if (c == '/' || c == '#')
        return {"comments are not allowed in JSON",
                {"remove the comment, or write the plan in YAML, which allows # comments"}};
    if (c == '\'')
        return {"strings must be in double quotes", {"JSON writes text and keys in double quotes: \"name\""}};
    if (after_value)
        return {"unexpected text after the end of the JSON value",
                {"a JSON file holds one value; remove what follows its closing } or ]"}};
    const auto word = word_at(text, start);
    if (word.empty()) return {"unexpected character", {"put text in double quotes"}};
    if (looks_like_literal(word))
        return {"invalid literal " + quote(word), {"JSON's literals are lowercase: true, false, null"}};
    return {"unquoted text " + quote(word), {"JSON needs double quotes around text and keys: \"" + word + "\""}};
}

explained explain(std::string message, std::string_view text, std::size_t start, bool inside_value) {
    if (message.starts_with("invalid literal"))
        return explain_invalid_literal(text, start, message.find("expected end of input") != std::string::npos);
    if (message.starts_with("unexpected end of input")) {
        if (!inside_value && std::all_of(text.begin(), text.end(), is_blank))
            return {"file is empty", {"a JSON plan is one object: { \"closeplan\": 1, ... }"}};
        return {std::move(message), {"the file ends too early: close every { with } and every [ with ]"}};
    }
    std::vector<std::string> hints;
    const bool closing = message.starts_with("unexpected '}'") || message.starts_with("unexpected ']'");
    if (closing && after_comma(text, start)) {
        hints.emplace_back("remove the comma before the closing bracket; JSON does not allow a trailing comma");
    } else if (message.starts_with("unexpected '}'") && message.ends_with("expected ']'")) {
        hints.emplace_back("close the list with ]");
    } else if (message.starts_with("unexpected ']'") && message.ends_with("expected '}'")) {
        hints.emplace_back("close the object with }");
    } else if (message.starts_with("unexpected number literal") && start > 0 && text[start - 1] == '0') {
        hints.emplace_back("JSON numbers do not start with 0; write " + word_at(text, start) + ", or \"0" +
                           word_at(text, start) + "\" to keep the text");
    } else if (!closing && message.starts_with("unexpected ") &&
               (message.ends_with("expected '}'") || message.ends_with("expected ']'"))) {
        hints.emplace_back("separate the items with a comma");
    } else if (message.ends_with("expected end of input")) {
        hints.emplace_back("a JSON file holds one value; remove what follows its closing } or ]");
    } else if (message.starts_with("invalid string: control character")) {
        hints.emplace_back("escape it: write a line break as \\n and a tab as \\t");
    } else if (message.starts_with("invalid string: missing closing quote")) {
        hints.emplace_back("close the string with \"");
    } else if (message.starts_with("invalid string: forbidden character after backslash")) {
        hints.emplace_back("write a backslash as \\\\");
    }
    return {std::move(message), std::move(hints)};
}

}  // namespace

void report_json_failure(const json_failure& failure, std::string_view text, std::size_t cursor,
                         bool inside_value, const std::string& file, diagnostic_sink& diags) {
    const std::size_t last_read = std::min(failure.position == 0 ? 0 : failure.position - 1, text.size());
    auto message = core_message(failure.what);
    // Problems inside a string are best shown where they are, not at its opening quote.
    const bool in_string = message.starts_with("invalid string:") && message.find("missing closing quote") == std::string::npos;
    const std::size_t at = in_string ? last_read : token_start(text, cursor, last_read);
    auto [wording, hints] = explain(std::move(message), text, at, inside_value);
    diags.error("L103", std::move(wording), location_at(line_index(text), file, at), std::move(hints));
}

}  // namespace closeplan::load::detail
