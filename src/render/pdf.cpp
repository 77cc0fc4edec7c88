// SPDX-License-Identifier: MIT
// Painting laid-out pages with libharu: fonts, text, rules, boxes, checked images, link annotations, info.
#include "render/pdf.hpp"

#include <hpdf.h>
#include <hpdf_doc.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

#include "layout/hpdf_errors.hpp"
#include "layout/winansi.hpp"
#include "render/font_subset.hpp"
#include "render/pdf_images.hpp"

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

// Setting up a libharu document (the UTF-8 encoder's tables, the standard
// fonts' metrics) costs as much as painting the page. HPDF_NewDoc empties a
// document but keeps those, so each thread keeps one for standard-font PDFs.
// Embedded fonts always get a new one: libharu names their subsets
// (HPDFAA+, HPDFAB+) in load order over the document's whole life.
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

class painter {
public:
    painter(const layout::paged_document& doc, diagnostic_sink& diags) : in_(doc), diags_(diags) {}
    ~painter() {
        if (!pdf_) return;
        if (reusable_ && ok()) {
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
        const bool fresh = in_.fonts.embedded || !state.spare;
        if (fresh) {
            pdf_ = HPDF_New(layout::record_hpdf_error, &errs_);
        } else {
            pdf_ = state.spare.release();
            HPDF_NewDoc(pdf_);
        }
        if (!pdf_) return fail("cannot create a PDF document");
        reusable_ = !in_.fonts.embedded;
        // Compression applies to objects created after this call, so it comes first.
        HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
        if (fresh) HPDF_UseUTFEncodings(pdf_);
        HPDF_SetCurrentEncoder(pdf_, "UTF-8");  // info strings are UTF-8 (written as UTF-16BE)
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
        if (!value.empty()) HPDF_SetInfoAttr(pdf_, type, value.c_str());
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

    // Embeds the part of `file` the document shows: the code points of every
    // text run painted in a face that uses this file. The full file when
    // subsetting fails (the PDF is then only larger).
    std::vector<char32_t> code_points_for(const std::string& file) const {
        std::vector<bool> used(0x110000, false);
        std::vector<char32_t> code_points;
        for (const auto& p : in_.pages)
            for (const auto& it : p.items) {
                const auto* run = std::get_if<layout::text_run>(&it.value);
                if (!run || in_.fonts.files[file_index(run->face)] != file) continue;
                for (std::size_t pos = 0; pos < run->text.size();) {
                    const char32_t cp = layout::next_code_point(run->text, pos);
                    if (cp < used.size() && !used[cp]) {
                        used[cp] = true;
                        code_points.push_back(cp);
                    }
                }
            }
        std::sort(code_points.begin(), code_points.end());
        return code_points;
    }

    const char* load_subset(const std::string& file) {
        auto subset = font_subset::make(file, code_points_for(file));
        const std::string& path = subset ? subset->path() : file;
        const char* name = HPDF_LoadTTFontFromFile(pdf_, path.c_str(), HPDF_TRUE);
        if (subset) subsets_.push_back(std::move(*subset));  // libharu reads it again when saving
        return name;
    }

    // libharu 2.3 writes the ToUnicode map of a UTF-8 font as a CID range,
    // which is not valid there (poppler: "Invalid 'begincidrange' operator").
    // With that encoder a font's codes are the Unicode code points themselves,
    // so the map is the identity over the code points the document shows.
    void replace_to_unicode(HPDF_Font font, const std::vector<char32_t>& code_points) {
        HPDF_Dict cmap = HPDF_DictStream_New(pdf_->mmgr, pdf_->xref);
        if (!cmap) return;
        cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        std::string text =
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
        std::vector<char32_t> bmp;
        for (char32_t cp : code_points)
            if (cp <= 0xFFFF && (cp < 0xD800 || cp > 0xDFFF)) bmp.push_back(cp);
        char entry[32];
        for (std::size_t i = 0; i < bmp.size(); i += 100) {  // at most 100 entries per block
            const std::size_t n = std::min<std::size_t>(100, bmp.size() - i);
            text += std::to_string(n) + " beginbfchar\n";
            for (std::size_t k = i; k < i + n; ++k) {
                std::snprintf(entry, sizeof entry, "<%04X> <%04X>\n", static_cast<unsigned>(bmp[k]), static_cast<unsigned>(bmp[k]));
                text += entry;
            }
            text += "endbfchar\n";
        }
        text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
        HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
        HPDF_Dict_Add(font, "ToUnicode", cmap);
    }

    HPDF_Font font(font_face face) {
        auto& slot = fonts_[static_cast<std::size_t>(face)];
        if (slot) return slot;
        const auto& choice = in_.fonts;
        if (!choice.embedded) {
            slot = HPDF_GetFont(pdf_, base14_name(choice.family, face), "WinAnsiEncoding");
        } else {
            if (choice.files.empty()) return nullptr;
            const auto& file = choice.files[file_index(face)];
            auto& name = loaded_[file];
            if (!name) name = load_subset(file);
            slot = name ? HPDF_GetFont(pdf_, name, "UTF-8") : nullptr;
            if (slot) replace_to_unicode(slot, code_points_for(file));
        }
        return ok() ? slot : nullptr;
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
        in_text_ = false;
        cur_fill_.reset();
        cur_font_ = nullptr;
        cur_size_ = -1;
        dashed_ = false;
        for (const auto& it : p.items) {
            const bool is_text = std::holds_alternative<layout::text_run>(it.value);
            if (!is_text && in_text_) {
                HPDF_Page_EndText(page_);
                in_text_ = false;
            }
            if (is_text) {
                if (!text(std::get<layout::text_run>(it.value))) return false;
            } else if (const auto* r = std::get_if<layout::rule>(&it.value)) {
                line(*r);
            } else if (const auto* b = std::get_if<layout::box>(&it.value)) {
                rect(*b);
            } else if (const auto* im = std::get_if<layout::image>(&it.value)) {
                picture(*im);
            } else if (const auto* l = std::get_if<layout::link_area>(&it.value)) {
                link(*l);
            }
            if (!ok()) return fail_page("cannot draw on page " + std::to_string(page_number_));
        }
        if (in_text_) HPDF_Page_EndText(page_);
        if (!ok()) return fail_page("cannot finish page " + std::to_string(page_number_));
        return true;
    }

    bool text(const layout::text_run& t) {
        if (t.text.empty()) return true;
        HPDF_Font f = font(t.face);
        if (!f) return fail_page("cannot load the font for the text on page " + std::to_string(page_number_));
        if (!in_text_) {
            HPDF_Page_BeginText(page_);
            in_text_ = true;
        }
        if (f != cur_font_ || t.size != cur_size_) {
            HPDF_Page_SetFontAndSize(page_, f, static_cast<HPDF_REAL>(t.size));
            cur_font_ = f;
            cur_size_ = t.size;
        }
        fill(t.fill);
        if (in_.fonts.embedded) {
            HPDF_Page_TextOut(page_, static_cast<HPDF_REAL>(t.x), static_cast<HPDF_REAL>(t.y), t.text.c_str());
        } else {
            const std::string bytes = layout::to_winansi(t.text);
            HPDF_Page_TextOut(page_, static_cast<HPDF_REAL>(t.x), static_cast<HPDF_REAL>(t.y), bytes.c_str());
        }
        return true;
    }

    void fill(const layout::color& c) {
        if (cur_fill_ == c) return;
        cur_fill_ = c;
        HPDF_Page_SetRGBFill(page_, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g), static_cast<HPDF_REAL>(c.b));
    }
    void stroke(const layout::color& c) {
        HPDF_Page_SetRGBStroke(page_, static_cast<HPDF_REAL>(c.r), static_cast<HPDF_REAL>(c.g),
                               static_cast<HPDF_REAL>(c.b));
    }

    void line(const layout::rule& r) {
        HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(r.width));
        stroke(r.stroke);
        if (r.dashed != dashed_) {
            static constexpr std::array<HPDF_UINT16, 2> pattern = {3, 2};
            HPDF_Page_SetDash(page_, r.dashed ? pattern.data() : nullptr, r.dashed ? 2 : 0, 0);
            dashed_ = r.dashed;
        }
        HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(r.x1), static_cast<HPDF_REAL>(r.y1));
        HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(r.x2), static_cast<HPDF_REAL>(r.y2));
        HPDF_Page_Stroke(page_);
    }

    void rect(const layout::box& b) {
        if (!b.fill && !b.stroke) return;
        if (b.fill) fill(*b.fill);
        if (b.stroke) {
            stroke(*b.stroke);
            HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(b.stroke_width));
            if (dashed_) {
                HPDF_Page_SetDash(page_, nullptr, 0, 0);
                dashed_ = false;
            }
        }
        const auto x = static_cast<HPDF_REAL>(b.x), y = static_cast<HPDF_REAL>(b.y);
        const auto w = static_cast<HPDF_REAL>(b.width), h = static_cast<HPDF_REAL>(b.height);
        const HPDF_REAL r = std::min(static_cast<HPDF_REAL>(b.radius), std::min(w, h) / 2);
        if (r <= 0) {
            HPDF_Page_Rectangle(page_, x, y, w, h);
        } else {
            const HPDF_REAL k = r * 0.5523f;  // Bezier approximation of a quarter circle
            HPDF_Page_MoveTo(page_, x + r, y);
            HPDF_Page_LineTo(page_, x + w - r, y);
            HPDF_Page_CurveTo(page_, x + w - r + k, y, x + w, y + r - k, x + w, y + r);
            HPDF_Page_LineTo(page_, x + w, y + h - r);
            HPDF_Page_CurveTo(page_, x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
            HPDF_Page_LineTo(page_, x + r, y + h);
            HPDF_Page_CurveTo(page_, x + r - k, y + h, x, y + h - r + k, x, y + h - r);
            HPDF_Page_LineTo(page_, x, y + r);
            HPDF_Page_CurveTo(page_, x, y + r - k, x + r - k, y, x + r, y);
            HPDF_Page_ClosePath(page_);
        }
        if (b.fill && b.stroke) HPDF_Page_FillStroke(page_);
        else if (b.fill) HPDF_Page_Fill(page_);
        else HPDF_Page_Stroke(page_);
    }

    void picture(const layout::image& im) {
        auto [it, inserted] = images_.try_emplace(im.path, nullptr);
        if (inserted) {
            std::string problem;
            if (auto checked = check_image_file(im.path, problem)) {
                const auto* data = reinterpret_cast<const HPDF_BYTE*>(checked->bytes.data());
                const auto size = static_cast<HPDF_UINT>(checked->bytes.size());
                it->second = checked->format == image_format::png ? HPDF_LoadPngImageFromMem(pdf_, data, size)
                                                                  : HPDF_LoadJpegImageFromMem(pdf_, data, size);
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
            HPDF_Page_DrawImage(page_, it->second, static_cast<HPDF_REAL>(im.x), static_cast<HPDF_REAL>(im.y),
                                static_cast<HPDF_REAL>(im.width), static_cast<HPDF_REAL>(im.height));
        }
    }

    void link(const layout::link_area& l) {
        if (!allowed_url(l.url)) {
            diags_.warning("O501", "link to a refused URL left out of the PDF", {},
                           {"only http://, https:// and mailto: links are written"});
            return;
        }
        HPDF_Rect area{static_cast<HPDF_REAL>(l.x), static_cast<HPDF_REAL>(l.y), static_cast<HPDF_REAL>(l.x + l.width),
                       static_cast<HPDF_REAL>(l.y + l.height)};
        const std::string uri = percent_encode(l.url);
        HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(page_, area, uri.c_str());
        // Without an explicit border, Acrobat draws the PDF default: a black frame.
        if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
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
        }
        if (!in_.outline.empty()) {
            // UTF-8 titles are written as UTF-16BE, like the info strings.
            HPDF_Encoder utf8 = HPDF_GetEncoder(pdf_, "UTF-8");
            for (const auto& e : in_.outline) {
                const HPDF_Outline entry = HPDF_CreateOutline(pdf_, nullptr, e.title.c_str(), utf8);
                const HPDF_Destination target = destination(e.page, e.top);
                if (entry && target) HPDF_Outline_SetDestination(entry, target);
            }
            HPDF_SetPageMode(pdf_, HPDF_PAGE_MODE_USE_OUTLINE);
        }
        return ok() || fail_page("cannot write the bookmarks and contents links");
    }

    HPDF_Destination destination(std::size_t page, double top) {
        if (page >= pages_.size()) return nullptr;
        const HPDF_Destination d = HPDF_Page_CreateDestination(pages_[page]);
        if (d) HPDF_Destination_SetFitH(d, static_cast<HPDF_REAL>(top));
        return d;
    }

    const layout::paged_document& in_;
    diagnostic_sink& diags_;
    hpdf_errors& errs_ = this_thread_pdf().errs;
    HPDF_Doc pdf_ = nullptr;
    HPDF_Page page_ = nullptr;
    std::vector<HPDF_Page> pages_;
    std::array<HPDF_Font, 4> fonts_{};
    std::map<std::string, const char*> loaded_;  ///< font file -> libharu font name, this document
    std::vector<font_subset> subsets_;           ///< open until the PDF is written
    std::map<std::string, HPDF_Image> images_;
    HPDF_Font cur_font_ = nullptr;
    double cur_size_ = -1;
    std::optional<layout::color> cur_fill_;
    int page_number_ = 0;
    bool reusable_ = false;
    bool in_text_ = false;
    bool dashed_ = false;
};

}  // namespace

std::string render_pdf(const layout::paged_document& doc, diagnostic_sink& diags) {
    return painter(doc, diags).run();
}

}  // namespace closeplan::render
