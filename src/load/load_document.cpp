// SPDX-License-Identifier: MIT
// Entry points of the load module: pick the syntax, read files, check bytes, parse.
#include "load/load_document.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <limits>
#include <system_error>
#include <vector>

#include "load/load_internal.hpp"
#include "support/utf8.hpp"

namespace closeplan::load {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void throw_unreadable(const std::string& path, std::string reason) {
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    std::vector<std::string> hints;
    if (reason.find("no such file") != std::string::npos)
        hints.emplace_back("check the file name; a relative path starts at the current folder");
    else if (reason.find("permission denied") != std::string::npos)
        hints.emplace_back("check the file's permissions");
    else if (reason.find("is a directory") != std::string::npos)
        hints.emplace_back("name a plan file, not a folder");
    throw error(diagnostic{severity::error, "L100", "cannot read \"" + path + "\": " + reason, {path, 0, 0, {}},
                           std::move(hints)});
}

std::string error_reason(int code) {
    return code == 0 ? std::string("unknown error") : std::generic_category().message(code);
}

// Reads at most `limit` + 1 bytes, so a caller can tell a file over the limit
// even when its size is unknown beforehand (pipes, /dev/stdin).
std::string read_bounded(const std::string& path, std::size_t limit) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec) throw_unreadable(path, ec.message());
    if (fs::is_directory(status)) throw_unreadable(path, error_reason(EISDIR));

    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw_unreadable(path, error_reason(errno));
    std::string text;
    const std::size_t cap = limit == std::numeric_limits<std::size_t>::max() ? limit : limit + 1;
    char buffer[64 * 1024];
    while (text.size() < cap && in) {
        const auto want = std::min(sizeof buffer, cap - text.size());
        in.read(buffer, static_cast<std::streamsize>(want));
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw_unreadable(path, "read error");
    return text;
}

}  // namespace

input_syntax syntax_for_path(std::string_view path) {
    constexpr std::string_view json_suffix = ".json";
    if (path.size() < json_suffix.size()) return input_syntax::yaml;
    const auto tail = path.substr(path.size() - json_suffix.size());
    for (std::size_t i = 0; i < tail.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(tail[i])) != json_suffix[i]) return input_syntax::yaml;
    return input_syntax::json;
}

std::optional<raw_node> load_document(std::string_view text, const std::string& file, input_syntax syntax,
                                      diagnostic_sink& diags, const load_limits& limits) {
    if (!detail::check_text(text, file, diags, limits)) return std::nullopt;
    // Positions count from after the byte-order mark, as editors show them.
    const auto body = utf8::strip_bom(text);
    auto tree = syntax == input_syntax::json ? detail::load_json(body, file, diags, limits)
                                             : detail::load_yaml(body, file, diags, limits);
    if (tree) detail::replace_control_characters(*tree, diags);
    return tree;
}

std::optional<raw_node> load_file(const std::string& path, diagnostic_sink& diags, const load_limits& limits) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
        const auto size = fs::file_size(path, ec);
        if (!ec && size > limits.max_bytes) {
            detail::report_too_large(diags, path, limits, static_cast<std::size_t>(size));
            return std::nullopt;
        }
    }
    const auto text = read_bounded(path, limits.max_bytes);
    if (text.size() > limits.max_bytes) {
        detail::report_too_large(diags, path, limits, std::nullopt);
        return std::nullopt;
    }
    return load_document(text, path, syntax_for_path(path), diags, limits);
}

std::string read_file(const std::string& path) {
    return read_bounded(path, std::numeric_limits<std::size_t>::max());
}

}  // namespace closeplan::load
