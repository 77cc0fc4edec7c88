// SPDX-License-Identifier: MIT
// The fallback chain's documented steps (docs/fonts.md), found with fontconfig.
#include "layout/font_chain.hpp"

#include <fontconfig/fontconfig.h>
#include <hb.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <tuple>

#include "layout/harfbuzz.hpp"
#include "layout/shaping.hpp"

namespace closeplan::layout {

namespace {

constexpr std::size_t code_space = 0x110000;
constexpr std::size_t bmp_size = 0x10000;

// The one table of the chain after the document's family. Liberation Sans
// already paints Latin (with Vietnamese), Greek, Cyrillic and Hebrew; Noto Sans
// Hebrew follows for the rare sign it lacks. The CJK step's family is chosen by language.
constexpr std::string_view cjk_family = "Noto Sans CJK";
const std::vector<fallback_step>& steps_table() {
    static const std::vector<fallback_step> steps = {
        {"Noto Sans Arabic", "fonts-noto-core", "Arab", true},
        {"Noto Sans Hebrew", "fonts-noto-core", "Hebr", true},
        {"Noto Sans Devanagari", "fonts-noto-core", "Deva", true},
        {"Noto Sans Thai", "fonts-noto-core", "Thai", true},
        {cjk_family, "fonts-noto-cjk", "Hani Hira Kana Hang Bopo", false},
        {"Noto Sans", "fonts-noto-core", "Latn Grek Cyrl", false},
    };
    return steps;
}

// Noto Sans CJK's faces by region: Japanese, Korean, Simplified and Traditional Chinese.
std::string_view cjk_region(std::string_view lang) {
    std::string tag(lang);
    std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto starts = [&tag](std::string_view p) { return tag == p || tag.starts_with(std::string(p) + "-"); };
    if (starts("ko")) return "KR";
    if (tag.starts_with("zh")) {
        for (const std::string_view traditional : {"-tw", "-hk", "-mo", "-hant"})
            if (tag.find(traditional) != std::string::npos) return "TC";
        return "SC";
    }
    return "JP";
}

// Debian's paths, for a machine without fontconfig's configuration.
chain_face documented_path(std::string_view family, std::string_view style) {
    const bool bold = style == "Bold";
    if (family.starts_with(cjk_family)) {
        static const std::map<std::string_view, unsigned> index = {{"JP", 0}, {"KR", 1}, {"SC", 2}, {"TC", 3}, {"HK", 4}};
        const auto it = index.find(family.substr(family.size() - 2));
        return {std::string("/usr/share/fonts/opentype/noto/NotoSansCJK-") + (bold ? "Bold" : "Regular") + ".ttc",
                it == index.end() ? 0 : it->second};
    }
    std::string name;
    for (const char c : family)
        if (c != ' ') name.push_back(c);
    return {"/usr/share/fonts/truetype/noto/" + name + "-" + std::string(style) + ".ttf", 0};
}

bool readable(const chain_face& f) { return !f.file.empty() && load_face(f) != nullptr; }

}  // namespace

std::vector<fallback_step> fallback_steps(std::string_view lang) {
    std::vector<fallback_step> steps = steps_table();
    static const std::map<std::string_view, std::string_view> cjk = {
        {"JP", "Noto Sans CJK JP"}, {"KR", "Noto Sans CJK KR"}, {"SC", "Noto Sans CJK SC"}, {"TC", "Noto Sans CJK TC"}};
    for (auto& s : steps)
        if (s.family == cjk_family) s.family = cjk.at(cjk_region(lang));
    return steps;
}

chain_face find_face(std::string_view family, std::string_view style) {
    static std::mutex mutex;
    static std::map<std::pair<std::string, std::string>, chain_face> found;
    std::lock_guard lock(mutex);
    const auto key = std::make_pair(std::string(family), std::string(style));
    if (const auto it = found.find(key); it != found.end()) return it->second;
    chain_face face;
    // The first match by path and face index, so the same machine always picks the same file.
    static FcConfig* const config = FcInitLoadConfigAndFonts();  // read once: it scans the font folders' caches
    if (config) {
        FcPattern* pattern = FcPatternCreate();
        FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(key.first.c_str()));
        FcPatternAddString(pattern, FC_STYLE, reinterpret_cast<const FcChar8*>(key.second.c_str()));
        FcObjectSet* objects = FcObjectSetBuild(FC_FILE, FC_INDEX, nullptr);
        if (FcFontSet* set = FcFontList(config, pattern, objects)) {
            std::vector<std::pair<std::string, int>> files;
            for (int i = 0; i < set->nfont; ++i) {
                FcChar8* file = nullptr;
                int index = 0;
                if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
                FcPatternGetInteger(set->fonts[i], FC_INDEX, 0, &index);
                const std::string path(reinterpret_cast<const char*>(file));
                // Variable fonts and WOFF files are not what the subsetter embeds.
                if (path.ends_with(".ttf") || path.ends_with(".otf") || path.ends_with(".ttc"))
                    files.emplace_back(path, index & 0xFFFF);
            }
            std::sort(files.begin(), files.end());
            if (!files.empty()) face = {files.front().first, static_cast<unsigned>(files.front().second)};
            FcFontSetDestroy(set);
        }
        FcObjectSetDestroy(objects);
        FcPatternDestroy(pattern);
    }
    if (!readable(face)) face = documented_path(family, style);
    if (!readable(face)) face = {};
    found[key] = face;
    return face;
}

bool font_chain::covers(std::size_t i, char32_t cp) const {
    if (i >= covers_.size()) return false;
    return cp < bmp_size ? covers_[i][cp] : entry_of(cp) == static_cast<int>(i);
}

std::string_view font_chain::missing_package_for(char32_t cp) const {
    const hb_script_t script = hb_unicode_script(hb_unicode_funcs_get_default(), cp);
    for (const auto& m : missing_)
        if (m.script == script) return m.package;
    return {};
}

std::shared_ptr<const font_chain> font_chain::make(const chain_entry& primary, std::string_view lang) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const font_chain>> cache;
    std::string key = std::string(cjk_region(lang));
    for (const auto& f : primary.faces) key += '\n' + f.file + '#' + std::to_string(f.index);
    {
        std::lock_guard lock(mutex);
        if (const auto it = cache.find(key); it != cache.end()) return it->second;
    }
    auto chain = std::make_shared<font_chain>();
    chain->entries_.push_back(primary);
    if (primary.family != "Liberation Sans") {
        chain_entry liberation{"Liberation Sans", {}, false};
        static constexpr std::array<std::string_view, 4> styles = {"Regular", "Bold", "Italic", "Bold Italic"};
        for (std::size_t s = 0; s < 4; ++s) liberation.faces[s] = find_face("Liberation Sans", styles[s]);
        if (readable(liberation.faces[0])) chain->entries_.push_back(liberation);
    }
    for (const auto& step : fallback_steps(lang)) {
        chain_entry e{std::string(step.family), {}, step.shaped};
        e.faces[0] = find_face(step.family, "Regular");
        e.faces[1] = find_face(step.family, "Bold");
        if (e.faces[0].file.empty()) {
            for (std::size_t at = 0; at < step.scripts.size(); at += 5)
                chain->missing_.push_back({static_cast<std::uint32_t>(hb_script_from_string(step.scripts.data() + at, 4)),
                                           std::string(step.package)});
            continue;
        }
        if (e.faces[1].file.empty()) e.faces[1] = e.faces[0];
        e.faces[2] = e.faces[0];  // these scripts have no italic: upright, as browsers show them
        e.faces[3] = e.faces[1];
        chain->entries_.push_back(std::move(e));
    }
    chain->coverage_.assign(code_space, 0);
    for (std::size_t i = 0; i < chain->entries_.size() && i < 255; ++i) {
        const loaded_face* face = load_face(chain->entries_[i].faces[0]);
        std::vector<bool> bmp(bmp_size, false);
        if (face) {
            const hb::set_ptr code_points(hb_set_create());
            hb_face_collect_unicodes(face->face, code_points.get());
            for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(code_points.get(), &cp);) {
                if (cp < 0x20 || cp >= code_space || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
                if (cp < bmp_size) bmp[cp] = true;
                if (chain->coverage_[cp] == 0) chain->coverage_[cp] = static_cast<std::uint8_t>(i + 1);
            }
        }
        chain->covers_.push_back(std::move(bmp));
    }
    std::lock_guard lock(mutex);
    return cache.emplace(key, std::move(chain)).first->second;
}

}  // namespace closeplan::layout
