// SPDX-License-Identifier: MIT
// Painting laid-out pages: our own content streams and embedded fonts, in a libharu document
// (objects, checked images, link annotations, bookmarks, info, saving).
#include "render/pdf.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <variant>
#include <vector>

#include "layout/font_chain.hpp"
#include "layout/glyph_runs.hpp"
#include "layout/hpdf_errors.hpp"
#include "layout/winansi.hpp"
#include "render/font_subset.hpp"
#include "render/pdf_arena.hpp"
#include "render/pdf_content.hpp"
#include "render/pdf_file.hpp"
#include "render/pdf_images.hpp"
#include "render/pdf_metadata.hpp"
#include "render/pdf_objects.hpp"
#include "render/pdf_structure.hpp"
#include "render/pdf_type0_font.hpp"
#include "render/span_language.hpp"

namespace closeplan::render {
namespace {

using layout::font_face;

using layout::hpdf_errors;

std::string hex(HPDF_STATUS v) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string s = "0x";
    for (int shift = 12; shift >= 0; shift -= 4) s.push_back(digits[(v >> shift) & 0xFu]);
    return s;
}

std::string hint_for(HPDF_STATUS code) {
    switch (code) {
        case HPDF_FILE_OPEN_ERROR:
        case HPDF_FILE_IO_ERROR:
        case HPDF_TTF_CANNOT_EMBEDDING_FONT:
        case HPDF_TTF_INVALID_CMAP:
        case HPDF_TTF_INVALID_FOMAT:
        case HPDF_TTF_MISSING_TABLE:
        case HPDF_INVALID_TTC_FILE:
        case HPDF_INVALID_FONT_NAME:
        case HPDF_INVALID_FONTDEF_DATA:
        case HPDF_UNSUPPORTED_FONT_TYPE:
            return "check the font files: readable TrueType (.ttf) files that allow embedding (fonts-liberation2)";
        case HPDF_INVALID_PNG_IMAGE:
        case HPDF_LIBPNG_ERROR:
        case HPDF_INVALID_JPEG_DATA:
        case HPDF_UNSUPPORTED_JPEG_FORMAT:
        case HPDF_INVALID_IMAGE:
            return "re-save the image as a plain RGB PNG or baseline JPEG";
        case HPDF_FAILD_TO_ALLOC_MEM:
            return "the system ran out of memory; try again with fewer documents at once";
        default:
            if (code >= HPDF_PAGE_INVALID_PARAM_COUNT && code <= HPDF_PAGE_OUT_OF_RANGE) {
                return "a page or text could not be drawn; this is a bug in closeplan's layout, please report it";
            }
            return "this is a bug in closeplan, please report it with the plan that caused it";
    }
}

const char* base14_name(const std::string& family, font_face face) {
    static constexpr std::array<const char*, 4> helvetica = {"Helvetica", "Helvetica-Bold", "Helvetica-Oblique",
                                                             "Helvetica-BoldOblique"};
    static constexpr std::array<const char*, 4> times = {"Times-Roman", "Times-Bold", "Times-Italic",
                                                         "Times-BoldItalic"};
    static constexpr std::array<const char*, 4> courier = {"Courier", "Courier-Bold", "Courier-Oblique",
                                                           "Courier-BoldOblique"};
    const auto i = static_cast<std::size_t>(face);
    if (family.starts_with("Times")) return times[i];
    if (family == "Courier") return courier[i];
    return helvetica[i];
}

bool allowed_url(const std::string& url) {
    std::string scheme;
    for (const char c : url.substr(0, 8)) scheme.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    return scheme.starts_with("https://") || scheme.starts_with("http://") || scheme.starts_with("mailto:");
}

// libharu writes the URI bytes as they are; a PDF URI must be 7-bit ASCII.
std::string percent_encode(const std::string& url) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(url.size());
    for (const char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
            c == '{' || c == '|' || c == '}') {
            out.push_back('%');
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 15]);
        } else {
            out.push_back(ch);
        }
    }
    return out;
}

struct doc_free {
    void operator()(HPDF_Doc pdf) const { HPDF_Free(pdf); }
};
using doc_ptr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, doc_free>;

// A tagged file's document is made afresh in the thread's arena (pdf_arena.hpp).
// The untagged file (measuring only) sets up libharu's UTF-8 encoder, whose
// tables cost as much as painting the page: HPDF_NewDoc empties a document but
// keeps them, so each thread keeps one untagged document for its next PDF.
// libharu fixes a document's error record when it creates it, so the record
// lives as long as the thread.
struct thread_pdf {
    hpdf_errors errs;
    doc_ptr spare;
};

thread_pdf& this_thread_pdf() {
    thread_local thread_pdf state;
    return state;
}

// A face as the painter uses it: libharu's font dictionary, and for an
// embedded family the subset that turns code points into glyph ids.
struct painted_font {
    HPDF_Font dict = nullptr;
    const font_subset* subset = nullptr;  ///< null for a standard font (WinAnsi text)
};

struct embedded_font {
    HPDF_Font dict = nullptr;
    std::unique_ptr<font_subset> subset;
};

class painter {
public:
    painter(const layout::paged_document& doc, diagnostic_sink& diags, const pdf_standard& standard, bool tagged)
        : in_(doc), diags_(diags), standard_(standard), tagged_(tagged), languages_(doc.lang) {}
    ~painter() {
        if (!pdf_) return;
        if (tagged_) {
            free_arena_doc(pdf_);
        } else if (ok()) {
            this_thread_pdf().spare.reset(pdf_);
        } else {
            HPDF_Free(pdf_);
        }
    }
    painter(const painter&) = delete;
    painter& operator=(const painter&) = delete;

    std::string run() {
        auto& state = this_thread_pdf();
        errs_ = {};
        const bool fresh = tagged_ || !state.spare;
        if (tagged_) {
            pdf_ = new_arena_doc(layout::record_hpdf_error, &errs_);
        } else if (fresh) {
            pdf_ = HPDF_New(layout::record_hpdf_error, &errs_);
        } else {
            pdf_ = state.spare.release();
            HPDF_NewDoc(pdf_);
        }
        if (!pdf_) return fail("cannot create a PDF document");
        // Compression applies to objects created after this call, so it comes first.
        HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
        // The untagged file (measuring only) is libharu's: its info strings are UTF-8 through
        // its encoder (written as UTF-16BE). A tagged file's hold their bytes (text_object).
        if (!tagged_) {
            if (fresh) HPDF_UseUTFEncodings(pdf_);
            HPDF_SetCurrentEncoder(pdf_, "UTF-8");
        }
        if (!ok()) return fail("cannot set up the PDF document");
        set_info(HPDF_INFO_TITLE, in_.title);
        set_info(HPDF_INFO_AUTHOR, in_.author);
        set_info(HPDF_INFO_SUBJECT, in_.subject);
        set_info(HPDF_INFO_CREATOR, "closeplan");
        set_language(in_.lang);
        if (!ok()) return fail("cannot set the document title, author, subject or language");
        for (const auto& p : in_.pages) {
            if (!paint_page(p)) return {};
        }
        if (!navigation()) return {};
        if (tagged_ && !tagging()) return {};
        if (tagged_) {
            std::string out = write_pdf_file(pdf_, tree_, file_id_);
            if (out.empty() || !ok()) return fail("cannot write the PDF");
            return out;
        }
        // Untagged (measuring only): the file as libharu writes it.
        if (HPDF_SaveToStream(pdf_) != HPDF_OK || !ok()) return fail("cannot write the PDF");
        std::string out(HPDF_GetStreamSize(pdf_), '\0');
        auto size = static_cast<HPDF_UINT32>(out.size());
        HPDF_ReadFromStream(pdf_, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
        if (errs_.error_no == HPDF_STREAM_EOF) clear();  // reported even when all bytes were read
        if (!ok()) return fail("cannot read back the PDF");
        out.resize(size);
        return out;
    }

private:
    bool ok() const { return errs_.error_no == 0; }
    void clear() {
        HPDF_ResetError(pdf_);
        errs_ = {};
    }

    std::string fail(const std::string& what) {
        // Some libharu calls record an error without calling the handler.
        if (errs_.error_no == 0 && pdf_) {
            errs_.error_no = HPDF_GetError(pdf_);
            errs_.detail_no = HPDF_GetErrorDetail(pdf_);
        }
        diags_.error("O504", what + " (libharu error " + hex(errs_.error_no) + ", detail " +
                                 std::to_string(errs_.detail_no) + ")",
                     {}, {hint_for(errs_.error_no)});
        return {};
    }

    bool fail_page(const std::string& what) {
        fail(what);
        return false;
    }

    void set_info(HPDF_InfoType type, const std::string& value) {
        if (value.empty()) return;
        const auto shortened = fitting_text_string(value, "the document's title, author or subject");
        const std::string& text = shortened ? *shortened : value;
        if (!tagged_) {
            HPDF_SetInfoAttr(pdf_, type, text.c_str());
            return;
        }
        // libharu makes the entry (and the dictionary) where it would; the value is then replaced in place.
        HPDF_SetInfoAttr(pdf_, type, "");
        static constexpr std::array<std::pair<HPDF_InfoType, const char*>, 4> keys = {
            {{HPDF_INFO_TITLE, "Title"}, {HPDF_INFO_AUTHOR, "Author"}, {HPDF_INFO_SUBJECT, "Subject"}, {HPDF_INFO_CREATOR, "Creator"}}};
        for (const auto& [t, key] : keys)
            if (t == type && pdf_->info) HPDF_Dict_Add(pdf_->info, key, text_object(text));
    }

    // A text string (info, bookmark title, annotation description). A tagged file is
    // written by write_pdf_file, which writes a string without an encoder as its bytes:
    // the string holds the text string's bytes already, and libharu's UTF-8 encoder, whose
    // tables cost more to set up than a page to paint, is never set up. The untagged file
    // (measuring only) is libharu's, through that encoder, as before.
    HPDF_String text_object(const std::string& utf8) {
        if (tagged_) return text_string_object(pdf_->mmgr, utf8);
        return HPDF_String_New(pdf_->mmgr, utf8.c_str(), HPDF_GetEncoder(pdf_, "UTF-8"));
    }

    // Info and bookmark strings past the PDF's limit are cut, visibly (an ellipsis) and with a warning.
    std::optional<std::string> fitting_text_string(const std::string& value, const std::string& what) {
        auto shortened = shortened_text_string(value);
        if (shortened)
            diags_.warning("O535", what + " is " + std::to_string(value.size()) + " bytes; the PDF keeps its first " +
                                       std::to_string(shortened->size() - 3) + " (a PDF string holds at most 32,767 bytes)",
                           {}, {"shorten the text in the plan; the page itself shows it whole"});
        return shortened;
    }

    // The catalog's /Lang tells screen readers and text extraction the language
    // (PDF/UA asks for it). libharu 2.3 has no call for it; its documented
    // document record (hpdf_doc.h) gives the catalog dictionary. A BCP 47 tag
    // is ASCII letters, digits and hyphens; anything else is left out.
    void set_language(const std::string& tag) {
        const bool valid = !tag.empty() && tag.size() <= 35 && std::all_of(tag.begin(), tag.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        });
        if (!valid) return;
        HPDF_Dict_Add(pdf_->catalog, "Lang", HPDF_String_New(pdf_->mmgr, tag.c_str(), nullptr));
    }

    // A missing bold or italic file falls back to the regular face.
    std::size_t file_index(font_face face) const {
        const auto i = static_cast<std::size_t>(face);
        return i < in_.fonts.files.size() && !in_.fonts.files[i].empty() ? i : 0;
    }

    static std::string face_key(const layout::chain_face& f) { return f.file + '#' + std::to_string(f.index); }

    // The face of chain entry `e` a run in `face` is painted with (its regular
    // face when that style's file cannot be read), as layout::glyph_runs chose it.
    static const layout::chain_face& chain_face_of(const layout::chain_entry& e, font_face face) {
        const auto& styled = e.faces[static_cast<std::size_t>(face)];
        return layout::load_face(styled) ? styled : e.faces[0];
    }

    // Runs the chain paints, each glyph's text worked out once (collect_usage)
    // for both the subset's codes and the painting.
    struct shaped_run {
        std::vector<layout::glyph_run> runs;
        std::vector<std::vector<std::u32string>> texts;  // per run, per glyph: texts_of
    };

    // What the document shows of each embedded face, read once before the first
    // one is embedded: the code points of runs painted glyph by glyph (the
    // family's own text, left to right) and the glyphs the chain's runs were
    // shaped into, with the text each stands for.
    struct face_usage {
        std::vector<bool> used;  ///< by code point, up to the highest seen (grown on demand, not 0x110000 bits per face)
        std::vector<char32_t> code_points;
        std::set<std::pair<std::uint32_t, std::u32string>> glyphs;
    };

    void collect_usage() {
        if (collected_) return;
        collected_ = true;
        const auto& choice = in_.fonts;
        const bool rtl_base = layout::right_to_left_language(choice.lang);
        for (const auto& p : in_.pages)
            for (const auto& it : p.items) {
                const auto* run = std::get_if<layout::text_run>(&it.value);
                if (!run || run->text.empty()) continue;
                if (choice.chain && layout::needs_glyph_runs(*choice.chain, run->text)) {
                    auto& shaped = shaped_[run];
                    layout::glyph_runs(*choice.chain, run->face, run->text, choice.lang, rtl_base, shaped.runs);
                    shaped.texts.resize(shaped.runs.size());
                    for (std::size_t k = 0; k < shaped.runs.size(); ++k) {
                        const auto& r = shaped.runs[k];
                        texts_of(r, run->text, shaped.texts[k]);
                        auto& use = usage_[face_key(chain_face_of(choice.chain->entry(r.entry), run->face))];
                        for (std::size_t i = 0; i < r.glyphs.size(); ++i) use.glyphs.emplace(r.glyphs[i].glyph, shaped.texts[k][i]);
                    }
                    continue;
                }
                auto& use = usage_[face_key({choice.files[file_index(run->face)], 0})];
                for (std::size_t pos = 0; pos < run->text.size();) {
                    const char32_t cp = layout::next_code_point(run->text, pos);
                    if (cp >= use.used.size()) use.used.resize(std::max<std::size_t>(cp + 1, 2 * use.used.size()), false);
                    if (!use.used[cp]) {
                        use.used[cp] = true;
                        use.code_points.push_back(cp);
                    }
                }
            }
        for (auto& [key, use] : usage_) std::sort(use.code_points.begin(), use.code_points.end());
    }

    // What each glyph stands for, so that text extraction, which reads glyphs
    // in the order they sit on the line, reads the cluster in logical order: the
    // cluster's characters are dealt out to its glyphs in reading order, one
    // each, the last glyph taking what is left (a Devanagari vowel sign drawn
    // before its consonant stands for the consonant, the consonant for the sign).
    static void texts_of(const layout::glyph_run& r, std::string_view text, std::vector<std::u32string>& out) {
        out.assign(r.glyphs.size(), {});
        // The clusters' starts, sorted, and each cluster's glyphs in reading order
        // (members[first[c]] up to members[first[c + 1]]): reused, not allocated per run.
        thread_local std::vector<std::uint32_t> starts;
        thread_local std::vector<std::size_t> cluster_of, first, members;
        starts.clear();
        for (const auto& g : r.glyphs) starts.push_back(g.cluster);
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        cluster_of.resize(r.glyphs.size());
        first.assign(starts.size() + 1, 0);
        for (std::size_t i = 0; i < r.glyphs.size(); ++i) {
            const auto at = std::lower_bound(starts.begin(), starts.end(), r.glyphs[i].cluster) - starts.begin();
            cluster_of[i] = static_cast<std::size_t>(at);
            ++first[cluster_of[i] + 1];
        }
        for (std::size_t c = 0; c < starts.size(); ++c) first[c + 1] += first[c];
        members.resize(r.glyphs.size());
        thread_local std::vector<std::size_t> filled;
        filled.assign(first.begin(), first.end() - 1);
        for (std::size_t k = 0; k < r.glyphs.size(); ++k) {
            const std::size_t i = r.rtl ? r.glyphs.size() - 1 - k : k;  // reading order
            members[filled[cluster_of[i]]++] = i;
        }
        for (std::size_t c = 0; c < starts.size(); ++c) {
            const std::size_t end = c + 1 < starts.size() ? starts[c + 1] : r.end;
            const std::size_t count = first[c + 1] - first[c];
            std::size_t m = 0;
            for (std::size_t pos = starts[c]; pos < end && pos < text.size(); ++m) {
                const char32_t cp = layout::next_code_point(text, pos);
                out[members[first[c] + std::min(m, count - 1)]].push_back(cp);
            }
        }
    }

    // An embedded face: a Type0 font over the subset of it the document shows.
    const embedded_font* embedded(const layout::chain_face& face) {
        collect_usage();
        const std::string key = face_key(face);
        auto& slot = embedded_[key];
        if (!slot.dict) {
            const auto& use = usage_[key];
            auto subset = font_subset::make(face, use.code_points, use.glyphs);
            if (!subset) return nullptr;
            slot.subset = std::make_unique<font_subset>(std::move(*subset));
            slot.dict = embed_type0_font(pdf_, *slot.subset, subset_tag(*slot.subset));
        }
        return slot.dict && ok() ? &slot : nullptr;
    }

    // A standard font is named, not embedded; an embedded family is a Type0
    // font per file, over a subset of it.
    const painted_font* font(font_face face) {
        auto& slot = fonts_[static_cast<std::size_t>(face)];
        if (slot.dict) return &slot;
        const auto& choice = in_.fonts;
        if (!choice.embedded) {
            slot.dict = new_standard_font(pdf_, base14_name(choice.family, face));
        } else {
            if (choice.files.empty()) return nullptr;
            const embedded_font* e = embedded({choice.files[file_index(face)], 0});
            if (!e) return nullptr;
            slot = {e->dict, e->subset.get()};
        }
        return slot.dict && ok() ? &slot : nullptr;
    }

    // The name under which the page's resources hold the font (libharu adds it on first use).
    const char* resource_name(HPDF_Font dict) {
        for (const auto& [d, name] : page_font_names_)
            if (d == dict) return name;
        const char* name = HPDF_Page_GetLocalFontName(page_, dict);
        if (name) page_font_names_.emplace_back(dict, name);
        return name;
    }

    bool paint_page(const layout::page& p) {
        page_ = HPDF_AddPage(pdf_);
        if (page_) {
            HPDF_Page_SetWidth(page_, static_cast<HPDF_REAL>(p.width));
            HPDF_Page_SetHeight(page_, static_cast<HPDF_REAL>(p.height));
        }
        ++page_number_;
        if (!page_ || !ok()) return fail_page("cannot add page " + std::to_string(page_number_));
        pages_.push_back(page_);
        page_font_names_.clear();
        page_box_ = {p.width, p.height};
        page_links_ = 0;
        if (tagged_) tree_.begin_page(page_);
        open_ = {};
        content_stream content;
        for (const auto& it : p.items) {
            mark(content, it);
            if (const auto* t = std::get_if<layout::text_run>(&it.value)) {
                if (!text(content, *t)) return false;
            } else if (const auto* r = std::get_if<layout::rule>(&it.value)) {
                line(content, *r);
            } else if (const auto* b = std::get_if<layout::box>(&it.value)) {
                rect(content, *b);
            } else if (const auto* im = std::get_if<layout::image>(&it.value)) {
                picture(content, *im);
            } else if (const auto* l = std::get_if<layout::link_area>(&it.value)) {
                link(*l, it.tag);
            }
            // Some libharu calls (a number out of its range) record an error without calling the handler.
            if (ok() && HPDF_GetError(pdf_) != HPDF_OK) {
                errs_.error_no = HPDF_GetError(pdf_);
                errs_.detail_no = HPDF_GetErrorDetail(pdf_);
            }
            if (!ok()) return fail_page("cannot draw on page " + std::to_string(page_number_));
        }
        if (open_.kind != mark_kind::none) content.end_marked();
        auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
        if (standard_.pdfa) id_input_ += content.finish();
        if (!write_deflated(attr->contents, content.finish()) || !ok())
            return fail_page("cannot finish page " + std::to_string(page_number_));
        attr->stream = attr->contents->stream;  // the page's stream was freed with the contents' old one
        return true;
    }

    bool font_failure() {
        diags_.error("O504", "cannot load the font for the text on page " + std::to_string(page_number_), {},
                     {hint_for(HPDF_TTF_INVALID_FOMAT)});
        return false;
    }

    // Text in the fallback chain: each run of glyphs in its face's Type0 font,
    // left to right as the bidirectional algorithm ordered them.
    // A line holding right-to-left text is painted in reading order: the runs
    // by where their text starts, a right-to-left run's glyphs last first, each
    // at the place the visual order gives it (pdf_content.hpp says why). Each
    // glyph's text was worked out once, in collect_usage.
    bool shaped_text(content_stream& content, const layout::text_run& t, const shaped_run& shaped) {
        const auto& runs = shaped.runs;
        content.fill_color(t.fill);
        thread_local std::vector<std::pair<std::size_t, double>> order;  // run, its left edge
        order.clear();
        double x = t.x;
        bool any_rtl = false;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            order.emplace_back(i, x);
            for (const auto& g : runs[i].glyphs) x += g.advance * t.size / 1000.0;
            any_rtl = any_rtl || runs[i].rtl;
        }
        if (any_rtl)
            std::stable_sort(order.begin(), order.end(),
                             [&](const auto& a, const auto& b) { return runs[a.first].begin < runs[b.first].begin; });
        std::vector<content_stream::placed_glyph> placed;
        for (const auto& [index, left] : order) {
            const auto& r = runs[index];
            const auto& texts = shaped.texts[index];
            const auto& face = chain_face_of(in_.fonts.chain->entry(r.entry), t.face);
            const embedded_font* e = embedded(face);
            const char* name = e ? resource_name(e->dict) : nullptr;
            if (!name) return font_failure();
            placed.clear();
            for (std::size_t i = 0; i < r.glyphs.size(); ++i) {
                const auto& g = r.glyphs[i];
                placed.push_back({e->subset->code_of_glyph(g.glyph, texts[i]), g.width, g.advance, g.x_offset, g.y_offset});
            }
            if (r.rtl)
                content.show_placed_glyphs_right_to_left(name, t.size, left, t.y, placed);
            else
                content.show_placed_glyphs(name, t.size, left, t.y, placed);
        }
        return true;
    }

    bool text(content_stream& content, const layout::text_run& t) {
        if (t.text.empty()) return true;
        if (in_.fonts.embedded) {
            collect_usage();
            if (const auto it = shaped_.find(&t); it != shaped_.end()) return shaped_text(content, t, it->second);
        }
        const painted_font* f = font(t.face);
        const char* name = f ? resource_name(f->dict) : nullptr;
        if (!name) return font_failure();
        content.fill_color(t.fill);
        if (f->subset) {
            std::u16string glyphs;
            for (std::size_t pos = 0; pos < t.text.size();)
                glyphs.push_back(static_cast<char16_t>(f->subset->glyph_of(layout::next_code_point(t.text, pos))));
            content.show_glyphs(name, t.size, t.x, t.y, glyphs);
        } else {
            // ASCII is its own WinAnsi bytes (most runs): shown as it is, without a converted copy.
            const bool ascii = std::all_of(t.text.begin(), t.text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
            std::string converted;
            if (!ascii) converted = layout::to_winansi(t.text);
            content.show_text(name, t.size, t.x, t.y, ascii ? std::string_view(t.text) : std::string_view(converted));
        }
        return true;
    }

    static void line(content_stream& content, const layout::rule& r) {
        content.line_width(r.width);
        content.stroke_color(r.stroke);
        content.dashed(r.dashed);
        content.move_to(r.x1, r.y1);
        content.line_to(r.x2, r.y2);
        content.stroke();
    }

    static void rect(content_stream& content, const layout::box& b) {
        if (!b.fill && !b.stroke) return;
        if (b.fill) content.fill_color(*b.fill);
        if (b.stroke) {
            content.stroke_color(*b.stroke);
            content.line_width(b.stroke_width);
            content.dashed(false);
        }
        const double x = b.x, y = b.y, w = b.width, h = b.height;
        const double r = std::min(b.radius, std::min(w, h) / 2);
        if (r <= 0) {
            content.rectangle(x, y, w, h);
        } else {
            content.begin_local(x, y);
            const double k = r * 0.5523;  // Bezier approximation of a quarter circle
            // A side the corners take whole (a dot, a pill's ends) is no segment at all: a
            // zero-length line would only add bytes to the stream and to its deflating.
            // Shorter than the stream's 1/1000 point, a side would be written as a point anyway.
            const bool across = w - 2 * r >= 0.0005, up = h - 2 * r >= 0.0005;
            content.move_to(x + r, y);
            if (across) content.line_to(x + w - r, y);
            content.curve_to(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
            if (up) content.line_to(x + w, y + h - r);
            content.curve_to(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
            if (across) content.line_to(x + r, y + h);
            content.curve_to(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
            if (up) content.line_to(x, y + r);
            content.curve_to(x, y + r - k, x + r - k, y, x + r, y);
            content.close_path();
        }
        if (b.fill && b.stroke) content.fill_and_stroke();
        else if (b.fill) content.fill();
        else content.stroke();
        if (r > 0) content.end_local();
    }

    void picture(content_stream& content, const layout::image& im) {
        auto [it, inserted] = images_.try_emplace(im.path, nullptr);
        if (inserted) {
            std::string problem;
            if (auto checked = check_image_file(im.path, problem)) {
                const auto* data = reinterpret_cast<const HPDF_BYTE*>(checked->bytes.data());
                const auto size = static_cast<HPDF_UINT>(checked->bytes.size());
                it->second = checked->format == image_format::png ? HPDF_LoadPngImageFromMem(pdf_, data, size)
                                                                  : HPDF_LoadJpegImageFromMem(pdf_, data, size);
                // libharu would deflate the decoded pixels at zlib's default level when saving.
                if (it->second && checked->format == image_format::png) {
                    HPDF_Dict mask = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(it->second, "SMask", HPDF_OCLASS_DICT));
                    if (ok() && !(recompress_stream(it->second) && recompress_stream(mask))) it->second = nullptr;
                }
                if (!ok() || !it->second) {
                    problem = "libharu could not load it (error " + hex(errs_.error_no) + ")";
                    it->second = nullptr;
                    clear();
                }
            }
            if (!it->second) {
                diags_.warning("O512", "logo \"" + im.path + "\" left out: " + problem, {},
                               {"use a PNG or RGB JPEG under 5 MB and 2048x2048 pixels; the PDF is made without it"});
            }
        }
        if (it->second) {
            if (const char* name = HPDF_Page_GetXObjectName(page_, it->second))
                content.image(name, im.x, im.y, im.width, im.height);
        }
    }

    // Every painted item is marked content: of its structure element (text and
    // images, and a Figure's rules and boxes; one sequence for neighbouring items of
    // one element), or an artifact (other rules and boxes, page furniture). Link
    // areas paint nothing.
    void mark(content_stream& content, const layout::item& it) {
        if (!tagged_) return;
        if (std::holds_alternative<layout::link_area>(it.value)) return;
        const bool is_text = std::holds_alternative<layout::text_run>(it.value);
        const bool decoration = std::holds_alternative<layout::rule>(it.value) || std::holds_alternative<layout::box>(it.value);
        if (is_text && std::get<layout::text_run>(it.value).text.empty()) return;
        // A Figure's drawing is its content (the layout tags it); elsewhere rules and boxes decorate.
        const bool in_figure = it.tag.depth > 0 && it.tag.path[it.tag.depth - 1].role == layout::tag_role::figure;
        open_mark want;
        want.text = is_text && !in_figure;  // a Figure's sequence holds text and paths: it lies outside text objects
        if ((decoration && !in_figure) || it.tag.artifact()) {
            want.kind = decoration ? mark_kind::artifact : mark_kind::pagination;
        } else {
            want.kind = mark_kind::element;
            want.element = tree_.element_for(it.tag);
            if (is_text) {
                const std::string& lang = languages_.language_of(std::get<layout::text_run>(it.value).text);
                if (!lang.empty()) want.element = tree_.span_for(want.element, lang);
            }
        }
        if (want.kind == open_.kind && want.element == open_.element && want.text == open_.text &&
            (!want.text || content.in_text()))
            return;
        if (open_.kind != mark_kind::none) content.end_marked();
        open_ = want;
        if (want.kind == mark_kind::element)
            content.begin_marked(tree_.type(want.element), tree_.mark(want.element), want.text);
        else
            content.begin_artifact(want.kind == mark_kind::pagination, want.text);
    }

    void link(const layout::link_area& l, const layout::struct_tag& tag) {
        if (!allowed_url(l.url)) {
            diags_.warning("O501", "link to a refused URL left out of the PDF", {},
                           {"only http://, https:// and mailto: links are written"});
            return;
        }
        // The clickable area is the part of the link on the page: libharu takes
        // no number past +-32,767 and a reader nothing off the page.
        const double left = std::max(0.0, l.x), right = std::min(page_box_[0], l.x + l.width);
        const double bottom = std::max(0.0, l.y), top = std::min(page_box_[1], l.y + l.height);
        if (right <= left || top <= bottom) return;
        if (page_links_ == max_links_per_page) {
            diags_.warning("O535",
                           "page " + std::to_string(page_number_) + " has more than " +
                               std::to_string(max_links_per_page) + " links; the rest are shown as text without a link",
                           {}, {"a PDF page holds at most " + std::to_string(max_links_per_page) + " annotations"});
        }
        if (page_links_++ >= max_links_per_page) return;
        HPDF_Rect area{static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(bottom), static_cast<HPDF_REAL>(right),
                       static_cast<HPDF_REAL>(top)};
        const std::string uri = percent_encode(l.url);
        if (uri.size() > content_stream::max_string_bytes) {
            // libharu refuses a string over 65,535 bytes and the PDF format one over 32,767.
            diags_.warning("O535",
                           "a link of " + std::to_string(uri.size()) + " bytes is longer than a PDF link can hold; its text is shown without the link",
                           {}, {"shorten the URL in the plan to under " + std::to_string(content_stream::max_string_bytes) + " bytes"});
            return;
        }
        HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(page_, area, uri.c_str());
        // Without an explicit border, Acrobat draws the PDF default: a black frame.
        if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
        // The Link its text opened (a link area follows its text).
        if (annot && tagged_) tag_annotation(annot, page_, link_element(tag, true), uri);
    }

    // Contents links and bookmarks come after every page exists: they point forward.
    bool navigation() {
        for (const auto& j : in_.jumps) {
            const HPDF_Destination target = destination(j.target_page, j.target_top);
            if (!target || j.page >= pages_.size()) continue;
            HPDF_Rect area{static_cast<HPDF_REAL>(j.x), static_cast<HPDF_REAL>(j.y),
                           static_cast<HPDF_REAL>(j.x + j.width), static_cast<HPDF_REAL>(j.y + j.height)};
            HPDF_Annotation annot = HPDF_Page_CreateLinkAnnot(pages_[j.page], area, target);
            if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
            if (annot && tagged_) tag_annotation(annot, pages_[j.page], link_element(j.tag, false), title_at(j.target_page, j.target_top));
        }
        if (!in_.outline.empty()) {
            // Titles are text strings, like the info strings (text_object).
            for (const auto& e : in_.outline) {
                const auto shortened = fitting_text_string(e.title, "a bookmark title");
                const HPDF_Outline entry = HPDF_CreateOutline(pdf_, nullptr, "", nullptr);
                if (entry) HPDF_Dict_Add(entry, "Title", text_object(shortened ? *shortened : e.title));
                const HPDF_Destination target = destination(e.page, e.top);
                if (entry && target) HPDF_Outline_SetDestination(entry, target);
            }
            HPDF_SetPageMode(pdf_, HPDF_PAGE_MODE_USE_OUTLINE);
        }
        return ok() || fail_page("cannot write the bookmarks and contents links");
    }

    // A link annotation belongs to the Link element of its text (PDF/UA: every
    // annotation in the structure, with a description in /Contents).
    // While painting, the link's element is on the open path; afterwards it is looked up.
    std::size_t link_element(const layout::struct_tag& tag, bool painting) {
        if (tag.depth == 0 || tag.path[tag.depth - 1].role != layout::tag_role::link) return tree_.new_link();
        if (painting) return tree_.element_for(tag);
        const auto found = tree_.find(tag.path[tag.depth - 1]);
        return found ? *found : tree_.new_link();
    }

    void tag_annotation(HPDF_Annotation annot, HPDF_Page page, std::size_t element, const std::string& what) {
        tree_.add_annotation(element, annot, page);
        if (standard_.pdfa) HPDF_Dict_AddNumber(annot, "F", 4);  // printed with the page, as PDF/A asks
        if (!what.empty()) {
            // ASCII (a URL) as it is; other text as a text string.
            const bool ascii = std::all_of(what.begin(), what.end(), [](char c) { return c > 0x1F && c < 0x7F; });
            const auto shortened = shortened_text_string(what);
            const std::string& text = shortened ? *shortened : what;
            HPDF_Dict_Add(annot, "Contents", ascii ? HPDF_String_New(pdf_->mmgr, text.c_str(), nullptr) : text_object(text));
        }
    }

    // The bookmark title of the place a contents link jumps to.
    std::string title_at(std::size_t page, double top) const {
        for (const auto& e : in_.outline)
            if (e.page == page && e.top == top) return e.title;
        return {};
    }

    // The structure tree, the metadata and what tells readers the file is tagged.
    bool tagging() {
        const char* producer = HPDF_GetInfoAttr(pdf_, HPDF_INFO_PRODUCER);
        const pdf_metadata meta{in_.title, in_.author,  in_.subject, in_.lang, "closeplan", producer ? producer : "",
                                standard_};
        const std::string xmp = xmp_packet(meta);
        if (!tree_.prepare(pdf_) || !write_document_metadata(pdf_, xmp) || !ok())
            return fail_page("cannot write the document structure");
        if (standard_.pdfa) {
            const std::string& icc = srgb_profile();
            if (icc.empty()) {
                diags_.error("O550", "PDF/A needs an sRGB output intent, but /usr/share/color/icc/sRGB.icc is missing or not an RGB ICC profile",
                             {}, {"install Debian's icc-profiles-free, or leave a-2b/a-2u out of --pdf-standard"});
                return false;
            }
            if (!write_output_intent(pdf_, icc) || !ok()) return fail_page("cannot write the PDF/A output intent");
            // PDF/A asks for a file identifier: a digest of what the pages show and say.
            file_id_ = write_file_id(pdf_, id_input_ + xmp);
        }
        return ok() || fail_page("cannot write the document structure");
    }

    HPDF_Destination destination(std::size_t page, double top) {
        if (page >= pages_.size()) return nullptr;
        const HPDF_Destination d = HPDF_Page_CreateDestination(pages_[page]);
        if (d) HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(top));
        return d;
    }

    const layout::paged_document& in_;
    diagnostic_sink& diags_;
    pdf_standard standard_;
    bool tagged_ = true;    ///< false only when a bench measures what tagging costs
    std::string id_input_;  ///< PDF/A: the pages' content, digested into the file's /ID
    std::string file_id_;   ///< PDF/A: that /ID in hex, for the structure update's trailer
    hpdf_errors& errs_ = this_thread_pdf().errs;
    HPDF_Doc pdf_ = nullptr;
    HPDF_Page page_ = nullptr;
    std::vector<HPDF_Page> pages_;
    std::array<painted_font, 4> fonts_{};                ///< per face
    std::map<std::string, embedded_font> embedded_;      ///< per face (file#index), this document
    bool collected_ = false;
    std::map<std::string, face_usage> usage_;            ///< per face (file#index), what the document shows
    std::unordered_map<const layout::text_run*, shaped_run> shaped_;
    std::vector<std::pair<HPDF_Font, const char*>> page_font_names_;  ///< the current page's resource names
    std::map<std::string, HPDF_Image> images_;
    int page_number_ = 0;
    std::array<double, 2> page_box_{};  ///< the current page's width and height
    std::size_t page_links_ = 0;        ///< link annotations on the current page
    structure_tree tree_;
    span_languages languages_;  ///< which text is in another language than the document's
    enum class mark_kind { none, element, artifact, pagination };
    struct open_mark {
        mark_kind kind = mark_kind::none;
        std::size_t element = 0;
        bool text = false;
    } open_;  ///< the marked-content sequence open on the current page
    // A page's annotations are one array: PDF 1.4 readers take at most 8,191 elements (ISO 32000-1, Annex C).
    static constexpr std::size_t max_links_per_page = 8191;
};

}  // namespace

std::string render_pdf(const layout::paged_document& doc, diagnostic_sink& diags, const pdf_standard& standard,
                       pdf_tagging tagging) {
    return painter(doc, diags, standard, tagging == pdf_tagging::on).run();
}

}  // namespace closeplan::render
