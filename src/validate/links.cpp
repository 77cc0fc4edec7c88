// SPDX-License-Identifier: MIT
// Link checks: an allow-list of schemes, because a deny-list misses the next `javascript:` trick.
#include "validate/links.hpp"

#include <algorithm>

#include "validate/wording.hpp"

namespace closeplan::validate::detail {

namespace {

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string lowercase(std::string_view text) {
    std::string out;
    for (char c : text) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

// RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by ':'.
std::optional<std::string_view> scheme_of(std::string_view url) {
    const auto colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0) return std::nullopt;
    const auto scheme = url.substr(0, colon);
    if (!is_alpha(scheme.front())) return std::nullopt;
    for (char c : scheme)
        if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return std::nullopt;
    return scheme;
}

const std::string allowed_hint = "links must start with https://, http:// or mailto:";

}  // namespace

std::optional<link_problem> check_link(std::string_view url) {
    // Browsers strip or ignore these, so " javascript:" or "java\tscript:" would run.
    const bool has_blank_or_control = std::any_of(url.begin(), url.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7f;
    });
    if (has_blank_or_control)
        return link_problem{"link " + quote(url) + " contains spaces or control characters",
                            {"remove them; write a space inside a link as %20"}};
    if (url.find('\\') != std::string_view::npos)
        return link_problem{"link " + quote(url) + " contains a backslash", {"use / in links"}};
    const auto scheme = scheme_of(url);
    if (!scheme)
        return link_problem{"link " + quote(url) + " is not a full address",
                            {"write a full https:// link, or use `path:` for a local file"}};
    const auto name = lowercase(*scheme);
    const auto rest = url.substr(scheme->size() + 1);
    if (name == "http" || name == "https") {
        if (rest.substr(0, 2) != "//" || rest.size() == 2 || rest[2] == '/' || rest[2] == '?' || rest[2] == '#')
            return link_problem{"link " + quote(url) + " has no host", {"write it as https://host/path"}};
        return std::nullopt;
    }
    if (name == "mailto") {
        if (rest.find('@') == std::string_view::npos)
            return link_problem{"mailto link " + quote(url) + " has no email address",
                                {"write it as mailto:name@example.com"}};
        return std::nullopt;
    }
    return link_problem{"link scheme " + quote(*scheme) + " is not allowed", {allowed_hint}};
}

bool plausible_email(std::string_view email) {
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 || email.find('@', at + 1) != std::string_view::npos) return false;
    for (char c : email)
        if (static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == ',' || c == ';') return false;
    const auto domain = email.substr(at + 1);
    const auto dot = domain.find('.');
    return dot != std::string_view::npos && dot != 0 && domain.back() != '.' &&
           domain.find("..") == std::string_view::npos;
}

}  // namespace closeplan::validate::detail
