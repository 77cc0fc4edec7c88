// SPDX-License-Identifier: MIT
#include "render/pdf_structure.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "render/pdf_objects.hpp"

namespace closeplan::render {

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

void structure_tree::write_kids(HPDF_MMgr mm, HPDF_Dict d, const node& n, HPDF_Page home,
                                const std::vector<HPDF_Dict>& dicts) {
    HPDF_Array kids = HPDF_Array_New(mm);
    HPDF_Dict_Add(d, "K", kids);
    for (const auto& k : n.kids) {
        if (k.what == kid::kind::element) {
            HPDF_Array_Add(kids, dicts[k.index]);
        } else if (k.what == kid::kind::mcid && k.page == home) {
            HPDF_Array_AddNumber(kids, static_cast<HPDF_INT32>(k.index));
        } else if (k.what == kid::kind::mcid) {
            HPDF_Dict mcr = HPDF_Dict_New(mm);
            HPDF_Array_Add(kids, mcr);
            HPDF_Dict_AddName(mcr, "Type", "MCR");
            HPDF_Dict_Add(mcr, "Pg", k.page);
            HPDF_Dict_AddNumber(mcr, "MCID", static_cast<HPDF_INT32>(k.index));
        } else {
            HPDF_Dict objr = HPDF_Dict_New(mm);
            HPDF_Array_Add(kids, objr);
            HPDF_Dict_AddName(objr, "Type", "OBJR");
            HPDF_Dict_Add(objr, "Obj", k.annot);
            HPDF_Dict_Add(objr, "Pg", k.page);
        }
    }
}

bool structure_tree::write(HPDF_Doc pdf) const {
    HPDF_MMgr mm = pdf->mmgr;
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    HPDF_Dict root = new_indirect_dict(pdf);
    if (!root) return false;
    std::vector<HPDF_Dict> dicts(nodes_.size());
    for (auto& d : dicts) {
        d = new_indirect_dict(pdf);
        if (!d) return false;
    }
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
        const node& n = nodes_[i];
        HPDF_Dict d = dicts[i];
        // /Type /StructElem is optional (ISO 32000-1, table 323): left out, as a
        // tree of hundreds of elements is most of a tagged file's growth.
        HPDF_Dict_AddName(d, "S", i == 0 ? "Document" : structure_type(n.role));
        HPDF_Dict_Add(d, "P", i == 0 ? root : dicts[n.parent]);
        // The element's page is its first marked content's; MCIDs elsewhere say theirs (an MCR).
        HPDF_Page home = nullptr;
        for (const auto& k : n.kids)
            if (k.page) {
                home = k.page;
                break;
            }
        if (home) HPDF_Dict_Add(d, "Pg", home);
        // One marked-content kid on the element's page is the number itself, no array.
        if (n.kids.size() == 1 && n.kids[0].what == kid::kind::mcid && n.kids[0].page == home) {
            HPDF_Dict_AddNumber(d, "K", static_cast<HPDF_INT32>(n.kids[0].index));
        } else {
            write_kids(mm, d, n, home, dicts);
        }
        if (n.alt && !n.alt->empty()) {
            const auto shortened = shortened_text_string(*n.alt);
            HPDF_Dict_Add(d, "Alt", HPDF_String_New(mm, shortened ? shortened->c_str() : n.alt->c_str(), utf8));
        }
        if (n.role == tag_role::th && i != 0) {
            // A header in THead heads its column; one in a body row names its row.
            const bool in_head = nodes_[n.parent].parent != 0 && nodes_[nodes_[n.parent].parent].role == tag_role::thead;
            HPDF_Dict a = HPDF_Dict_New(mm);
            HPDF_Dict_Add(d, "A", a);
            HPDF_Dict_AddName(a, "O", "Table");
            HPDF_Dict_AddName(a, "Scope", in_head ? "Column" : "Row");
        }
    }
    // The ParentTree: a number tree with every key in one /Nums array, in key order.
    HPDF_Dict tree = HPDF_Dict_New(mm);
    HPDF_Array nums = HPDF_Array_New(mm);
    HPDF_Dict_Add(tree, "Nums", nums);
    for (std::size_t key = 0; key < parents_.size(); ++key) {
        const auto& e = parents_[key];
        HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(key));
        if (e.page) {
            HPDF_Array elements = HPDF_Array_New(mm);
            HPDF_Array_Add(nums, elements);
            for (const std::size_t el : e.mcid_elements) HPDF_Array_Add(elements, dicts[el]);
        } else {
            HPDF_Array_Add(nums, dicts[e.annotation_element]);
        }
    }
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    HPDF_Dict_Add(root, "K", dicts[0]);
    HPDF_Dict_Add(root, "ParentTree", tree);
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey", static_cast<HPDF_INT32>(parents_.size()));
    HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = HPDF_Dict_New(mm);
    HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    return HPDF_GetError(pdf) == HPDF_OK;
}

}  // namespace closeplan::render
