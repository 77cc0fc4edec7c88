// SPDX-License-Identifier: MIT
// Reads closeplan's Markdown back with cmark-gfm (as GitHub would) so tests can assert what it means.
#pragma once

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <string>
#include <vector>

namespace closeplan::render::testing {

/// What a Markdown text means once parsed: the pieces the tests look at.
struct gfm_reading {
    int html_nodes = 0;                   ///< raw HTML blocks and inlines (must stay 0)
    std::vector<std::string> link_urls;   ///< every link and image target
    std::vector<std::string> headings;    ///< text of every heading, in order
    std::vector<std::string> paragraphs;  ///< text of top-level paragraphs (soft breaks as "\n")
    std::vector<std::vector<std::string>> table_rows;  ///< cell texts of every table row
    std::vector<std::string> code;        ///< literal of code spans and blocks
    int tasks_checked = 0;
    int tasks_open = 0;
};

inline std::string node_text(cmark_node* node) {
    std::string out;
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
        switch (cmark_node_get_type(c)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE: out += cmark_node_get_literal(c); break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK: out += '\n'; break;
            default: out += node_text(c); break;
        }
    }
    return out;
}

inline gfm_reading read_gfm(const std::string& markdown) {
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    cmark_node* doc = cmark_parser_finish(parser);

    gfm_reading r;
    cmark_iter* it = cmark_iter_new(doc);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(it);
        const auto type = cmark_node_get_type(n);
        const std::string type_name = cmark_node_get_type_string(n);
        if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) ++r.html_nodes;
        if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) r.link_urls.emplace_back(cmark_node_get_url(n));
        if (type == CMARK_NODE_HEADING) r.headings.push_back(node_text(n));
        if (type == CMARK_NODE_PARAGRAPH && cmark_node_get_type(cmark_node_parent(n)) == CMARK_NODE_DOCUMENT)
            r.paragraphs.push_back(node_text(n));
        if (type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK) r.code.emplace_back(cmark_node_get_literal(n));
        if (type_name == "table_row") {
            r.table_rows.emplace_back();
            for (cmark_node* cell = cmark_node_first_child(n); cell; cell = cmark_node_next(cell))
                r.table_rows.back().push_back(node_text(cell));
        }
        if (type_name == "tasklist") (cmark_gfm_extensions_get_tasklist_item_checked(n) ? r.tasks_checked : r.tasks_open)++;
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    cmark_parser_free(parser);
    return r;
}

}  // namespace closeplan::render::testing
