// SPDX-License-Identifier: MIT
// Reading a YAML file of `key: "text"` pairs (labels, style tokens) with every problem located.
#include "render/yaml_flat.hpp"

#include <yaml-cpp/yaml.h>

namespace closeplan::render::detail {
namespace {

constexpr int max_depth = 8;
constexpr std::size_t max_entries = 5000;

source_location at(const YAML::Mark& mark, const std::string& origin) {
    // yaml-cpp marks are 0-based; ours are 1-based.
    return {origin, mark.line + 1, mark.column + 1, {}};
}

struct flattener {
    const std::string& origin;
    const std::string& code;
    diagnostic_sink& diags;
    flat_map out;
    std::map<std::string, source_location, std::less<>> key_marks;
    bool too_many = false;

    void walk(const YAML::Node& map, const std::string& prefix, int depth) {
        for (const auto& member : map) {
            const YAML::Node& key = member.first;
            const YAML::Node& value = member.second;
            if (!key.IsScalar()) {
                diags.error(code, "keys must be plain words", at(key.Mark(), origin));
                continue;
            }
            const std::string name = prefix + key.Scalar();
            const auto key_where = at(key.Mark(), origin);
            if (const auto seen = key_marks.find(name); seen != key_marks.end()) {
                // yaml-cpp keeps both silently; a second value is almost always a mistake.
                diags.error(code, "duplicate key `" + name + "`", key_where,
                            {"first defined at line " + std::to_string(seen->second.line)});
                continue;
            }
            key_marks.emplace(name, key_where);
            if (value.IsMap()) {
                if (depth >= max_depth) {
                    diags.error(code, "`" + name + "` is nested too deeply", key_where);
                    continue;
                }
                walk(value, name + ".", depth + 1);
            } else if (value.IsScalar()) {
                if (out.size() >= max_entries) {
                    if (!too_many) diags.error(code, "more than " + std::to_string(max_entries) + " entries", key_where);
                    too_many = true;
                    continue;
                }
                out.insert_or_assign(name, flat_value{value.Scalar(), at(value.Mark(), origin)});
            } else if (value.IsSequence()) {
                diags.error(code, "`" + name + "` must be text, not a list", at(value.Mark(), origin),
                            {"write one line of text in quotes"});
            } else {
                diags.error(code, "`" + name + "` has no value", key_where,
                            {"write the value after the colon, in quotes (an unquoted # starts a comment)"});
            }
        }
    }
};

}  // namespace

std::optional<flat_map> load_flat_yaml(std::string_view text, const std::string& origin, const std::string& code,
                                       diagnostic_sink& diags) {
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        diags.error(code, "YAML syntax: " + e.msg, at(e.mark, origin));
        return std::nullopt;
    }
    if (!root || root.IsNull()) return flat_map{};
    if (!root.IsMap()) {
        diags.error(code, "expected `key: value` lines at the top of the file", at(root.Mark(), origin));
        return std::nullopt;
    }
    flattener f{origin, code, diags, {}, {}, false};
    try {
        f.walk(root, "", 0);
    } catch (const YAML::Exception& e) {
        diags.error(code, "YAML: " + e.msg, at(e.mark, origin));
        return std::nullopt;
    }
    return std::move(f.out);
}

}  // namespace closeplan::render::detail
