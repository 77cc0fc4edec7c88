// SPDX-License-Identifier: MIT
// The built-in YAML files, read from the table closeplan_flatten_yaml wrote at build time.
#include <algorithm>

#include "render/embedded_files.hpp"
#include "render/yaml_flat.hpp"

namespace closeplan::render::detail {

std::optional<flat_map> built_in_flat(std::string_view path, const std::string& origin) {
    const auto files = embedded_flat_files();
    const auto it = std::lower_bound(files.begin(), files.end(), path,
                                     [](const embedded_flat_file& f, std::string_view p) { return f.path < p; });
    if (it == files.end() || it->path != path) return std::nullopt;
    flat_map out;
    // The table is sorted by key, as the map is: each entry goes at the end.
    for (const auto& entry : it->entries)
        out.emplace_hint(out.end(), std::string(entry.key),
                         flat_value{std::string(entry.value), {origin, entry.line, entry.column, {}}});
    return out;
}

}  // namespace closeplan::render::detail
