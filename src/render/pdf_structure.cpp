// SPDX-License-Identifier: MIT
#include "render/pdf_structure.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "layout/winansi.hpp"
#include "render/pdf_file.hpp"
#include "render/pdf_objects.hpp"

namespace closeplan::render {

using namespace std::string_view_literals;

using layout::tag_role;

const char* structure_type(tag_role role) {
    switch (role) {
        case tag_role::artifact: return "Artifact";  // never an element; artifacts are marked content only
        case tag_role::h1: return "H1";
        case tag_role::h2: return "H2";
        case tag_role::h3: return "H3";
        case tag_role::h4: return "H4";
        case tag_role::p: return "P";
        case tag_role::blockquote: return "BlockQuote";
        case tag_role::l: return "L";
        case tag_role::li: return "LI";
        case tag_role::lbl: return "Lbl";
        case tag_role::lbody: return "LBody";
        case tag_role::table: return "Table";
        case tag_role::thead: return "THead";
        case tag_role::tbody: return "TBody";
        case tag_role::tr: return "TR";
        case tag_role::th: return "TH";
        case tag_role::td: return "TD";
        case tag_role::link: return "Link";
        case tag_role::figure: return "Figure";
    }
    return "P";
}

structure_tree::structure_tree() {
    nodes_.push_back({tag_role::p, {}, 0, {}, {}});  // the Document (its role is not read)
    nodes_.reserve(256);
}

std::size_t structure_tree::add_node(layout::tag_level level, std::size_t parent) {
    nodes_.push_back({level.role, level, parent, {}, {}});
    const std::size_t index = nodes_.size() - 1;
    nodes_[parent].kids.push_back({kid::kind::element, index});
    return index;
}

void structure_tree::begin_page(HPDF_Page page) {
    page_ = page;
    page_key_ = parents_.size();
    parents_.push_back({{}, 0, true});
    HPDF_Dict_AddNumber(page, "StructParents", static_cast<HPDF_INT32>(page_key_));
    HPDF_Dict_AddName(page, "Tabs", "S");  // annotations in the order of the structure
}

std::size_t structure_tree::element_for(const layout::struct_tag& tag) {
    static const layout::struct_tag untagged = [] {
        layout::struct_tag t;
        t.path[0] = {tag_role::p, 0};
        t.depth = 1;
        return t;
    }();
    const auto& t = tag.depth == 0 ? untagged : tag;
    std::size_t same = 0;
    while (same < open_.size() && same < t.depth && open_[same].first == t.path[same]) ++same;
    open_.resize(same);
    for (std::size_t i = same; i < t.depth; ++i) {
        const std::size_t parent = i == 0 ? 0 : open_[i - 1].second;
        const std::size_t made = add_node(t.path[i], parent);
        if (t.path[i].role == tag_role::figure) nodes_[made].alt = t.alt;
        open_.emplace_back(t.path[i], made);
    }
    return open_.back().second;
}

std::optional<std::size_t> structure_tree::find(const layout::tag_level& level) const {
    for (std::size_t i = 1; i < nodes_.size(); ++i)
        if (nodes_[i].level == level) return i;
    return std::nullopt;
}

std::size_t structure_tree::span_for(std::size_t element, const std::string& lang) {
    const auto& kids = nodes_[element].kids;
    if (!kids.empty() && kids.back().what == kid::kind::element && nodes_[kids.back().index].lang == lang)
        return kids.back().index;
    const std::size_t made = add_node({tag_role::p, 0}, element);  // its lang makes it a Span
    nodes_[made].lang = lang;
    return made;
}

std::size_t structure_tree::new_link() { return add_node({tag_role::link, 0}, 0); }

int structure_tree::mark(std::size_t element) {
    auto& mcids = parents_[page_key_].mcid_elements;
    const std::size_t mcid = mcids.size();
    mcids.push_back(element);
    nodes_[element].kids.push_back({kid::kind::mcid, mcid, page_});
    return static_cast<int>(mcid);
}

void structure_tree::add_annotation(std::size_t element, HPDF_Annotation annot, HPDF_Page page) {
    const std::size_t key = parents_.size();
    parents_.push_back({{}, element, false});
    HPDF_Dict_AddNumber(annot, "StructParent", static_cast<HPDF_INT32>(key));
    nodes_[element].kids.push_back({kid::kind::annotation, 0, page, annot});
}

namespace {

std::uint32_t object_number(const void* obj) { return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFFu; }

// Alternative text is read aloud: a no-break space (the layout's, between a date's
// day and month) reads as a space. Without it, a timeline's text is printable
// ASCII in most plans and stays a byte a character instead of two.
std::string spoken(const std::string& utf8) {
    std::string out;
    out.reserve(utf8.size());
    // Those spaces begin with the bytes C2 or E2: everything else is copied in runs.
    std::size_t run = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (utf8[i] != '\xC2' && utf8[i] != '\xE2') continue;
        const std::string_view rest(utf8.data() + i, utf8.size() - i);
        std::size_t length = 0;
        if (rest.starts_with("\u00A0")) length = 2;
        else if (rest.starts_with("\u202F") || rest.starts_with("\u2007")) length = 3;  // narrow and figure spaces
        if (length == 0) continue;
        out.append(utf8, run, i - run);
        out += ' ';
        i += length - 1;
        run = i + 1;
    }
    out.append(utf8, run, std::string::npos);
    return out;
}

}  // namespace

bool structure_tree::prepare(HPDF_Doc pdf) {
    // A placeholder libharu writes, which the update replaces with the StructTreeRoot.
    root_ = new_indirect_dict(pdf);
    if (!root_) return false;
    HPDF_Dict_AddName(root_, "Type", "StructTreeRoot");
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root_);
    HPDF_Dict mark_info = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    return HPDF_GetError(pdf) == HPDF_OK;
}

void structure_tree::append_element(gathered_bytes& o, std::size_t i, std::uint32_t first, std::uint32_t root) const {
    const node& n = nodes_[i];
    const auto number = [&](std::size_t element) { return first + static_cast<std::uint32_t>(element); };
    o.text("<</S/"sv);
    o.text(i == 0 ? std::string_view("Document") : std::string_view(type(i)));
    o.text("/P "sv);
    o.reference(i == 0 ? root : number(n.parent));
    // The element's page is its first marked content's; MCIDs elsewhere say theirs (an MCR).
    HPDF_Page home = nullptr;
    for (const auto& k : n.kids)
        if (k.page) {
            home = k.page;
            break;
        }
    if (home) {
        o.text("/Pg "sv);
        o.reference(object_number(home));
    }
    o.text("/K"sv);
    const bool one = n.kids.size() == 1;
    o.byte(one ? ' ' : '[');
    for (std::size_t at = 0; at < n.kids.size(); ++at) {
        const auto& k = n.kids[at];
        if (at > 0) o.byte(' ');
        if (k.what == kid::kind::element) {
            o.reference(number(k.index));
        } else if (k.what == kid::kind::mcid && k.page == home) {
            o.number(k.index);
        } else if (k.what == kid::kind::mcid) {
            o.text("<</Type/MCR/Pg "sv);
            o.reference(object_number(k.page));
            o.text("/MCID "sv);
            o.number(k.index);
            o.text(">>"sv);
        } else {
            o.text("<</Type/OBJR/Obj "sv);
            o.reference(object_number(k.annot));
            o.text("/Pg "sv);
            o.reference(object_number(k.page));
            o.text(">>"sv);
        }
    }
    if (!one) o.byte(']');
    if (n.alt && !n.alt->empty()) {
        const auto shortened = shortened_text_string(*n.alt);
        o.text("/Alt"sv);
        std::string text;
        append_text_string(text, spoken(shortened ? *shortened : *n.alt));
        o.text(text);
    }
    if (!n.lang.empty()) {
        o.text("/Lang("sv);  // a BCP 47 language subtag: ASCII letters
        o.text(n.lang);
        o.byte(')');
    }
    if (n.role == tag_role::th && i != 0) {
        // A header in THead heads its column; one in a body row names its row.
        const bool in_head = nodes_[n.parent].parent != 0 && nodes_[nodes_[n.parent].parent].role == tag_role::thead;
        o.text(in_head ? "/A<</O/Table/Scope/Column>>"sv : "/A<</O/Table/Scope/Row>>"sv);
    }
    o.text(">>"sv);
}

std::uint32_t structure_tree::root_number() const { return object_number(root_); }

void structure_tree::write_objects(object_stream& out, std::uint32_t first) const {
    const std::uint32_t root = root_number();
    out.begin(root);
    std::string& body = out.body;
    // Room for the whole tree at once: about 40 bytes an element and 8 a ParentTree entry.
    std::size_t room = 64 + 48 * nodes_.size();
    for (const auto& e : parents_) room += 8 + 8 * e.mcid_elements.size();
    for (const auto& n : nodes_) room += 8 * n.kids.size() + (n.alt ? 2 * n.alt->size() + 8 : 0);
    body.reserve(body.size() + room);
    out.header.reserve(out.header.size() + 10 * nodes_.size());
    {
        gathered_bytes o(body);
        o.text("<</Type/StructTreeRoot/K "sv);
        o.reference(first);
        o.text("/ParentTree<</Nums["sv);
        for (std::size_t key = 0; key < parents_.size(); ++key) {
            const auto& e = parents_[key];
            o.number(key);
            if (e.page) {
                o.byte('[');
                for (std::size_t at = 0; at < e.mcid_elements.size(); ++at) {
                    if (at > 0) o.byte(' ');
                    o.reference(first + static_cast<std::uint32_t>(e.mcid_elements[at]));
                }
                o.byte(']');
            } else {
                o.byte(' ');
                o.reference(first + static_cast<std::uint32_t>(e.annotation_element));
                o.byte(' ');
            }
        }
        o.text("]>>/ParentTreeNextKey "sv);
        o.number(parents_.size());
        o.text(">>\n"sv);
    }
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        out.begin(first + static_cast<std::uint32_t>(i));  // its offset: the body so far, so the bytes before are appended
        gathered_bytes o(body);
        append_element(o, i, first, root);
        o.byte('\n');
    }
}

}  // namespace closeplan::render
