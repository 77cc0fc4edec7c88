// SPDX-License-Identifier: MIT
// The tagged PDF's logical structure (ISO 32000-1, 14.7-14.8): structure elements in
// reading order, their marked content and annotations, written as libharu objects.
#pragma once

#include <hpdf.h>

#include <cstdint>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layout/frame.hpp"

namespace closeplan::render {

struct object_stream;
class gathered_bytes;

/// The standard structure type a role is written as ("H1", "TD", "Figure").
const char* structure_type(layout::tag_role role);

/// Built while the painter paints, in the order it paints (the layout's reading
/// order), then written once every page and annotation exists. Element 0 is the
/// Document. An item's tag path is matched against the elements open from the
/// last item: the shared outer levels stay, the rest are new elements, so a
/// table running on to the next page stays one Table.
class structure_tree {
public:
    structure_tree();

    /// A new page: its ParentTree key (/StructParents) and tab order by structure.
    void begin_page(HPDF_Page page);
    /// The element an item with `tag` belongs to; untagged text is a P.
    std::size_t element_for(const layout::struct_tag& tag);
    /// The element a tag's innermost level names, if any item had it.
    [[nodiscard]] std::optional<std::size_t> find(const layout::tag_level& level) const;
    /// The Span in `lang` that text of `element` goes into: the element's last kid
    /// when that is a Span in `lang`, else a new one.
    std::size_t span_for(std::size_t element, const std::string& lang);
    /// A new Link under the Document (for an annotation no item tagged).
    std::size_t new_link();
    /// The next MCID on the current page, made a kid of `element`.
    int mark(std::size_t element);
    /// The annotation, on `page`, is a kid of `element` (an OBJR; its /StructParent).
    void add_annotation(std::size_t element, HPDF_Annotation annot, HPDF_Page page);
    /// The element's structure type: its role's, or Span for a span_for() element.
    [[nodiscard]] const char* type(std::size_t element) const {
        return nodes_[element].lang.empty() ? structure_type(nodes_[element].role) : "Span";
    }

    /// Before the file is written: the catalog's /StructTreeRoot (a placeholder) and /MarkInfo.
    bool prepare(HPDF_Doc pdf);
    /// The StructTreeRoot's object number (libharu's placeholder, which is not written).
    [[nodiscard]] std::uint32_t root_number() const;
    [[nodiscard]] std::size_t element_count() const { return nodes_.size(); }
    /// The StructTreeRoot with its ParentTree, and every element numbered from `first`
    /// (element 0, the Document, is `first`), into `out` (render/pdf_file.hpp writes the file).
    void write_objects(object_stream& out, std::uint32_t first) const;

private:
    struct kid {
        enum class kind { element, mcid, annotation } what;
        std::size_t index = 0;  ///< element index or MCID
        HPDF_Page page = nullptr;
        HPDF_Annotation annot = nullptr;
    };
    struct node {
        layout::tag_role role;
        layout::tag_level level;  ///< the tag level that made it
        std::size_t parent = 0;
        std::vector<kid> kids;
        std::shared_ptr<const std::string> alt;
        std::string lang;  ///< a Span's /Lang (only Spans have one)
    };
    /// A ParentTree entry: a page's MCIDs' elements, or one annotation's element.
    struct parent_entry {
        std::vector<std::size_t> mcid_elements;
        std::size_t annotation_element = 0;
        bool page = false;
    };

    std::size_t add_node(layout::tag_level level, std::size_t parent);
    void append_element(gathered_bytes& out, std::size_t i, std::uint32_t first, std::uint32_t root) const;

    std::vector<node> nodes_;
    std::vector<std::pair<layout::tag_level, std::size_t>> open_;  ///< the path of the last item, outermost first
    std::vector<parent_entry> parents_;  ///< index = ParentTree key
    HPDF_Page page_ = nullptr;
    HPDF_Dict root_ = nullptr;  ///< libharu's placeholder for the StructTreeRoot
    std::size_t page_key_ = 0;
};

}  // namespace closeplan::render
