// SPDX-License-Identifier: MIT
// Path confinement: both the spelling and the real location must stay inside, so neither
// `../` nor a symlink planted in the plan's folder can make closeplan read another file.
#include "validate/paths.hpp"

#include <filesystem>
#include <optional>
#include <system_error>
#include <vector>

#include "validate/wording.hpp"

namespace closeplan::validate::detail {

namespace fs = std::filesystem;

namespace {

// Component-wise, so /plans/acme-old is not inside /plans/acme.
bool within(const fs::path& candidate, const fs::path& root) {
    auto c = candidate.begin();
    for (const auto& part : root) {
        if (part.empty()) continue;  // trailing separator
        while (c != candidate.end() && c->empty()) ++c;
        if (c == candidate.end() || *c != part) return false;
        ++c;
    }
    return true;
}

bool within_any(const fs::path& candidate, const std::vector<fs::path>& roots) {
    for (const auto& root : roots)
        if (within(candidate, root)) return true;
    return false;
}

// weakly_canonical leaves a dangling symlink in place; follow it by hand so a link
// to a not-yet-existing file outside is still caught.
std::optional<fs::path> real_location(const fs::path& candidate) {
    std::error_code ec;
    fs::path current = fs::weakly_canonical(candidate, ec);
    if (ec) return std::nullopt;
    for (int hops = 0; hops < 40; ++hops) {
        const auto status = fs::symlink_status(current, ec);
        if (ec || !fs::is_symlink(status)) return current;
        const auto target = fs::read_symlink(current, ec);
        if (ec) return std::nullopt;
        current = fs::weakly_canonical(target.is_absolute() ? target : current.parent_path() / target, ec);
        if (ec) return std::nullopt;
    }
    return std::nullopt;  // a loop of links
}

}  // namespace

local_file resolve_local_file(std::string_view written, const validate_options& options) {
    local_file result;
    for (char c : written)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            result.state = path_state::bad_characters;
            return result;
        }

    std::error_code ec;
    const fs::path base = options.base_dir.empty() ? fs::path(".") : fs::path(options.base_dir);
    const fs::path written_path{std::string(written)};
    const fs::path open = written_path.is_absolute() ? written_path : base / written_path;
    result.open_path = open.string();

    std::vector<fs::path> lexical_roots, real_roots;
    std::vector<fs::path> roots{base};
    for (const auto& dir : options.asset_dirs) roots.emplace_back(dir);
    for (const auto& root : roots) {
        const auto absolute = fs::absolute(root, ec).lexically_normal();
        if (ec) continue;
        lexical_roots.push_back(absolute);
        const auto real = fs::weakly_canonical(absolute, ec);
        if (!ec) real_roots.push_back(real);
    }

    const auto lexical = fs::absolute(open, ec).lexically_normal();
    if (ec) return result;
    if (!within_any(lexical, lexical_roots)) {
        result.state = path_state::outside;
        return result;
    }
    const auto real = real_location(open);
    if (!real) return result;
    if (!within_any(*real, real_roots)) {
        result.state = path_state::link_outside;
        return result;
    }
    result.state = path_state::inside;
    const auto status = fs::status(*real, ec);
    result.exists = !ec && fs::exists(status);
    result.regular = result.exists && fs::is_regular_file(status);
    return result;
}

std::optional<local_file> check_local_file(field_reader& fields, const located_text& path,
                                           const validate_options& options, std::string_view what, if_missing missing) {
    const std::string confine_hint =
        "keep local files inside the plan's folder, or name their folder with --assets DIR";
    auto file = resolve_local_file(path.text, options);
    switch (file.state) {
        case path_state::inside:
            break;
        case path_state::outside:
            fields.error("V207", std::string(what) + " path " + quote(path.text) + " leaves the allowed folders",
                         path.where, {confine_hint});
            return std::nullopt;
        case path_state::link_outside:
            fields.error("V207",
                         std::string(what) + " path " + quote(path.text) +
                             " is a symbolic link to a place outside the allowed folders",
                         path.where, {confine_hint});
            return std::nullopt;
        case path_state::bad_characters:
            fields.error("V207", std::string(what) + " path " + quote(path.text) + " contains control characters",
                         path.where);
            return std::nullopt;
        case path_state::unresolvable:
            fields.error("V207", std::string(what) + " path " + quote(path.text) + " cannot be resolved", path.where,
                         {"check the folders on the way for loops of symbolic links or missing permissions"});
            return std::nullopt;
    }
    if (!file.regular) {
        const std::string problem = file.exists ? " is not a file" : " not found";
        const std::string hint = "paths are relative to the plan file's folder";
        if (missing == if_missing::fail)
            fields.error("V214", std::string(what) + " file " + quote(path.text) + problem, path.where, {hint});
        else
            fields.warning("V213", std::string(what) + " file " + quote(path.text) + problem, path.where, {hint});
    }
    return file;
}

}  // namespace closeplan::validate::detail
