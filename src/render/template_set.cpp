// SPDX-License-Identifier: MIT
// Finding templates (user folder first, then the built-in copies) and loading labels.
#include "render/template_set.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "render/embedded_files.hpp"
#include "render/template_check.hpp"
#include "render/yaml_flat.hpp"
#include "view/locale_fallback.hpp"
#include "view/locales.hpp"

namespace closeplan::render {
namespace {

namespace fs = std::filesystem;

// Names come from options and locales: never let one climb out of the folder.
bool safe_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.' || c == '/';
    });
}

std::optional<std::string_view> built_in(std::string_view path) {
    const auto& files = embedded_files();
    const auto it = std::lower_bound(files.begin(), files.end(), path,
                                     [](const embedded_file& f, std::string_view p) { return f.path < p; });
    if (it == files.end() || it->path != path) return std::nullopt;
    return it->bytes;
}

// "de_de" -> "de-DE", "zh-hant-tw" -> "zh-Hant-TW": the file names' spelling.
std::optional<std::string> canonical_tag(std::string_view locale) {
    if (locale.empty() || locale.size() > 35) return std::nullopt;
    std::string tag;
    std::size_t part = 0;
    std::size_t part_start = 0;
    for (std::size_t i = 0; i <= locale.size(); ++i) {
        if (i < locale.size() && locale[i] != '-' && locale[i] != '_') {
            const char c = locale[i];
            const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum) return std::nullopt;
            continue;
        }
        std::string sub(locale.substr(part_start, i - part_start));
        if (sub.empty()) return std::nullopt;
        for (auto& c : sub) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (part > 0 && sub.size() == 2) {
            for (auto& c : sub) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        } else if (part > 0 && sub.size() == 4) {
            sub[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sub[0])));
        }
        tag += (part > 0 ? "-" : "") + sub;
        ++part;
        part_start = i + 1;
    }
    return tag;
}

}  // namespace

template_set::template_set(std::string dir) : dir_(std::move(dir)) {
    std::error_code ec;
    if (!fs::is_directory(dir_, ec))
        throw closeplan::error({severity::error, "T401", "template folder `" + dir_ + "` is not a readable folder",
                                {dir_, 0, 0, {}}, {"check the --template-dir path"}});
}

std::shared_ptr<const resource_text> template_set::find_shared(std::string_view name) const {
    if (!safe_name(name)) return nullptr;
    if (auto on_disk = find_in_folder(name)) return std::make_shared<const resource_text>(std::move(*on_disk));
    // Bounded by the built-in files: names that are not one are not kept.
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const resource_text>, std::less<>> kept;
    std::lock_guard lock(mutex);
    if (const auto it = kept.find(name); it != kept.end()) return it->second;
    const std::string key = "templates/" + std::string(name);
    const auto bytes = built_in(key);
    if (!bytes) return nullptr;
    auto shared = std::make_shared<const resource_text>(resource_text{std::string(name), "built-in:" + key, std::string(*bytes)});
    kept.emplace(std::string(name), shared);
    return shared;
}

std::optional<resource_text> template_set::find(std::string_view name) const {
    if (!safe_name(name)) return std::nullopt;
    if (auto on_disk = find_in_folder(name)) return on_disk;
    const std::string key = "templates/" + std::string(name);
    if (const auto bytes = built_in(key)) return resource_text{std::string(name), "built-in:" + key, std::string(*bytes)};
    return std::nullopt;
}

std::optional<resource_text> template_set::find_in_folder(std::string_view name) const {
    if (!dir_.empty()) {
        const fs::path path = fs::path(dir_) / std::string(name);
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) {
            std::ifstream in(path, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            if (!in || in.bad())
                throw closeplan::error({severity::error, "T401", "cannot read template file `" + path.string() + "`",
                                        {path.string(), 0, 0, {}}, {"check the file's permissions"}});
            return resource_text{std::string(name), path.string(), text.str()};
        }
    }
    return std::nullopt;
}

std::optional<detail::flat_map> template_set::find_flat(std::string_view name, const std::string& code,
                                                        diagnostic_sink& diags, bool& exists) const {
    exists = false;
    if (!safe_name(name)) return std::nullopt;
    if (const auto on_disk = find_in_folder(name)) {
        exists = true;
        return detail::load_flat_yaml(on_disk->text, on_disk->origin, code, diags);
    }
    // A built-in file was flattened when closeplan was built: no YAML parse here.
    const std::string key = "templates/" + std::string(name);
    auto entries = detail::built_in_flat(key, "built-in:" + key);
    exists = entries.has_value();
    return entries;
}

view::labels template_set::load_labels(std::string_view locale, diagnostic_sink& diags) const {
    if (!dir_.empty()) return read_labels(locale, diags);
    // The built-in labels never change within a process: parse each language
    // once (batch and library callers render thousands of plans), and replay
    // its diagnostics to every caller.
    struct cached {
        view::labels words;
        diagnostic_sink diags;
    };
    static std::mutex mutex;
    static std::map<std::string, cached, std::less<>> by_locale;
    std::lock_guard lock(mutex);
    auto found = by_locale.find(locale);
    if (found == by_locale.end()) {
        cached entry;
        entry.words = read_labels(locale, entry.diags);
        found = by_locale.emplace(std::string(locale), std::move(entry)).first;
    }
    diags.merge(found->second.diags);
    return found->second.words;
}

view::labels template_set::read_labels(std::string_view locale, diagnostic_sink& diags) const {
    std::vector<std::string> chain;  // most specific first
    if (const auto tag = canonical_tag(locale)) {
        chain.push_back(*tag);
        // zh reads zh-CN, zh-HK zh-TW, pt-PT pt-BR: the built-in locale in the tag's script.
        if (const auto same_script = view::built_in_for_script(*tag); !same_script.empty())
            chain.emplace_back(same_script);
        if (const auto dash = tag->find('-'); dash != std::string::npos) chain.push_back(tag->substr(0, dash));
    } else {
        std::string message = "`";  // appended, not `"`" + ...`: GCC 12 warns falsely (-Wrestrict) on that
        message.append(locale).append("` is not a language tag");
        diags.error("T403", std::move(message), {},
                    {"write a BCP 47 tag such as one of the built-in locales: " + view::built_in_locale_list()});
    }
    if (std::find(chain.begin(), chain.end(), "en") == chain.end()) chain.push_back("en");

    std::map<std::string, std::string> merged;
    // Sorted views of merged's English keys (map keys never move), so no second copy of every key.
    std::vector<std::string_view> english_keys;
    bool found_specific = false;
    std::string language = "en";  // the most specific file read: its plural rules fit its words
    // English first, so every other language only overrides what it has.
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        bool exists = false;
        const auto entries = find_flat("labels/" + *it + ".yaml", "T403", diags, exists);
        if (!exists) {
            if (*it == "en")
                diags.error("T403", "no labels/en.yaml", {}, {"the English labels are the fallback for every language"});
            continue;
        }
        if (!entries) continue;
        for (const auto& [key, value] : *entries) {
            if (*it == "en") {
                // English comes first and a flat map is sorted: the views stay sorted.
                english_keys.push_back(merged.insert_or_assign(merged.end(), key, value.text)->first);
                continue;
            }
            if (!english_keys.empty() && !std::binary_search(english_keys.begin(), english_keys.end(), key) &&
                !std::binary_search(english_keys.begin(), english_keys.end(), view::plural_base(key))) {
                std::vector<std::string> names;
                for (const auto k : english_keys) names.emplace_back(k);
                std::vector<std::string> hints = {"labels/en.yaml lists every key templates use"};
                if (auto near = detail::closest_name(key, names)) hints.insert(hints.begin(), "did you mean `" + *near + "`?");
                diags.warning("T403", "unknown label `" + key + "`", value.where, hints);
            }
            merged.insert_or_assign(key, value.text);
        }
        if (*it != "en") {
            found_specific = true;
            language = *it;
        }
    }
    if (!found_specific && !chain.empty() && chain.front().substr(0, 2) != "en")
        diags.warning("T408", "no labels for `" + std::string(locale) + "`; using English", {},
                      {"add labels/" + chain.front() + ".yaml to a template folder"});
    return view::labels::in_language(std::move(merged), language);
}

std::optional<std::string> canonical_language_tag(std::string_view locale) { return canonical_tag(locale); }

}  // namespace closeplan::render
