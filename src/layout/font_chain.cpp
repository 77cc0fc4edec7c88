// SPDX-License-Identifier: MIT
// The fallback chain's documented steps (docs/fonts.md), found with fontconfig.
#include "layout/font_chain.hpp"

#include <fontconfig/fontconfig.h>
#include <hb.h>

#include <algorithm>
#include <atomic>
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

std::atomic<bool> fontconfig_read{false};

// Read once, and only when a step of some chain is looked up: it scans the
// font folders' caches, tens of millions of instructions a Latin plan never needs.
FcConfig* fontconfig() {
    static FcConfig* const config = [] {
        fontconfig_read.store(true, std::memory_order_release);
        return FcInitLoadConfigAndFonts();
    }();
    return config;
}

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
    FcConfig* const config = fontconfig();
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

bool fontconfig_initialised() { return fontconfig_read.load(std::memory_order_acquire); }

font_chain::~font_chain() = default;

font_chain::font_chain(const chain_entry& primary, std::vector<candidate> candidates)
    : coverage_(new std::atomic<std::uint8_t>[coverage_size]),  // value-initialised: 0, nothing covered yet
      slots_(new slot[1 + candidates.size()]),
      candidates_(std::move(candidates)) {
    std::lock_guard lock(mutex_);
    add_entry(primary);
}

void font_chain::add_entry(chain_entry e) const {
    const std::size_t i = resolved_.load(std::memory_order_relaxed);
    slot& s = slots_[i];
    s.entry = std::move(e);
    s.bmp.assign(bmp_size, false);
    // The slot is complete before any code point names it: a reader that sees
    // coverage_[cp] == i + 1 (acquire) sees the entry and its BMP set.
    std::vector<hb_codepoint_t> newly;
    if (i < 255) {
        if (const loaded_face* face = load_face(s.entry.faces[0])) {
            const hb::set_ptr code_points(hb_set_create());
            hb_face_collect_unicodes(face->face, code_points.get());
            for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(code_points.get(), &cp);) {
                if (cp < 0x20 || cp >= code_space || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
                if (cp < bmp_size) s.bmp[cp] = true;
                if (coverage_[cp].load(std::memory_order_relaxed) == 0) newly.push_back(cp);
            }
        }
    }
    resolved_.store(i + 1, std::memory_order_release);
    for (const hb_codepoint_t cp : newly) coverage_[cp].store(static_cast<std::uint8_t>(i + 1), std::memory_order_release);
}

bool font_chain::resolve_next() const {
    while (next_candidate_ < candidates_.size()) {
        const candidate& c = candidates_[next_candidate_++];
        chain_entry e{c.family, {}, c.shaped};
        if (c.four_styles) {
            static constexpr std::array<std::string_view, 4> styles = {"Regular", "Bold", "Italic", "Bold Italic"};
            for (std::size_t s = 0; s < 4; ++s) e.faces[s] = find_face(c.family, styles[s]);
            if (!readable(e.faces[0])) continue;
        } else {
            e.faces[0] = find_face(c.family, "Regular");
            e.faces[1] = find_face(c.family, "Bold");
            if (e.faces[0].file.empty()) {
                for (std::size_t at = 0; at < c.scripts.size(); at += 5)
                    missing_.push_back({static_cast<std::uint32_t>(hb_script_from_string(c.scripts.data() + at, 4)), c.package});
                continue;
            }
            if (e.faces[1].file.empty()) e.faces[1] = e.faces[0];
            e.faces[2] = e.faces[0];  // these scripts have no italic: upright, as browsers show them
            e.faces[3] = e.faces[1];
        }
        add_entry(std::move(e));
        return true;
    }
    complete_.store(true, std::memory_order_release);
    return false;
}

int font_chain::resolve_for(char32_t cp) const {
    // Once every step is resolved the coverage is final: no lock for □ characters.
    if (complete_.load(std::memory_order_acquire)) return static_cast<int>(coverage_[cp].load(std::memory_order_relaxed)) - 1;
    std::lock_guard lock(mutex_);
    for (;;) {
        if (const auto c = coverage_[cp].load(std::memory_order_relaxed); c != 0) return static_cast<int>(c) - 1;
        if (!resolve_next()) return -1;
    }
}

void font_chain::resolve_all() const {
    std::lock_guard lock(mutex_);
    while (resolve_next()) {
    }
}

std::size_t font_chain::pending_steps() const {
    std::lock_guard lock(mutex_);
    return candidates_.size() - next_candidate_;
}

bool font_chain::covers(std::size_t i, char32_t cp) const {
    if (i >= resolved_entries()) return false;
    return cp < bmp_size ? slots_[i].bmp[cp] : entry_of(cp) == static_cast<int>(i);
}

std::string_view font_chain::missing_package_for(char32_t cp) const {
    resolve_all();
    const hb_script_t script = hb_unicode_script(hb_unicode_funcs_get_default(), cp);
    std::lock_guard lock(mutex_);
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
    // The candidates in chain order; none is looked up yet.
    std::vector<candidate> candidates;
    if (primary.family != "Liberation Sans") candidates.push_back({"Liberation Sans", {}, {}, false, true});
    for (const auto& step : fallback_steps(lang))
        candidates.push_back({std::string(step.family), std::string(step.package), std::string(step.scripts), step.shaped, false});
    std::shared_ptr<const font_chain> chain(new font_chain(primary, std::move(candidates)));
    std::lock_guard lock(mutex);
    return cache.emplace(key, std::move(chain)).first->second;
}

}  // namespace closeplan::layout
