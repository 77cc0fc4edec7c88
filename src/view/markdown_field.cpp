// SPDX-License-Identifier: MIT
// The one file that talks to cmark-gfm: parse a Markdown field and convert its tree into view blocks.
#include "view/markdown_field.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace closeplan::view {

namespace {

// Deeper nesting is flattened into the innermost kept level: the text stays,
// and no writer ever has to recurse 10,000 levels (cmark itself is iterative).
constexpr int max_block_depth = 16;
constexpr int max_inline_depth = 16;
constexpr std::size_t max_shown_url = 60;

struct parser_free {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct node_free {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct iter_free {
    void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
using node_ptr = std::unique_ptr<cmark_node, node_free>;

std::mutex& parse_mutex() {
    static std::mutex m;
    return m;
}

node_ptr parse_tree(const std::string& text) {
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    // cmark-gfm adds the extensions' special characters to process-global
    // tables while parsing; two parses at once silently lose markup.
    std::lock_guard lock(parse_mutex());
    // Never CMARK_OPT_UNSAFE: raw HTML is dropped below anyway, and this keeps
    // cmark's own safe defaults as a second line.
    std::unique_ptr<cmark_parser, parser_free> parser(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8));
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), text.data(), text.size());
    return node_ptr(cmark_parser_finish(parser.get()));
}

bool is_indent_char(char c) { return c == ' ' || c == '\t'; }

// YAML and JSON strings often carry the indentation of the file; four common
// spaces would turn a whole note into a code block.
std::string dedent(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0;;) {
        const auto end = text.find('\n', start);
        lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    std::string_view prefix;
    bool first = true;
    for (auto line : lines) {
        std::size_t n = 0;
        while (n < line.size() && is_indent_char(line[n])) ++n;
        if (n == line.size() || line.substr(n) == "\r") continue;  // blank lines do not vote
        const auto indent = line.substr(0, n);
        if (first) {
            prefix = indent;
            first = false;
        } else {
            std::size_t common = 0;
            while (common < prefix.size() && common < indent.size() && prefix[common] == indent[common]) ++common;
            prefix = prefix.substr(0, common);
        }
    }
    if (prefix.empty()) return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto line = lines[i];
        if (line.substr(0, prefix.size()) == prefix)
            line.remove_prefix(prefix.size());
        else
            while (!line.empty() && is_indent_char(line.front())) line.remove_prefix(1);
        out += line;
        if (i + 1 < lines.size()) out += '\n';
    }
    return out;
}

std::string shown_url(std::string_view url) {
    std::string out;
    for (char c : url) {
        const auto u = static_cast<unsigned char>(c);
        // Cut only before a lead byte, so the message stays valid UTF-8.
        if (out.size() >= max_shown_url && (u & 0xC0) != 0x80) {
            out += "...";
            break;
        }
        if (u < 0x20 || u == 0x7f) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    return out;
}

enum class frame_kind { document, block_container, list, item, table, table_row, paragraph, heading, cell,
                        emphasis, strong, strikethrough, link, refused_link };

struct frame {
    cmark_node* node = nullptr;
    frame_kind kind = frame_kind::block_container;
    blocks content;                    // block_container, item
    std::vector<list_item> items;      // list
    bool ordered = false;              // list
    int start = 1;                     // list
    std::optional<bool> checked;       // item
    md_table table;                    // table
    std::vector<inlines> cells;        // table_row
    bool header_row = false;           // table_row
    inlines spans;                     // paragraph, heading, cell, emphasis..., link
    int level = 1;                     // heading
    std::string url;                   // link
};

std::string_view type_string(cmark_node* n) {
    const char* s = cmark_node_get_type_string(n);
    return s ? std::string_view(s) : std::string_view();
}

std::string literal_of(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? std::string(s) : std::string();
}

align alignment_of(uint8_t a) {
    switch (a) {
        case 'l': return align::left;
        case 'c': return align::center;
        case 'r': return align::right;
        default: return align::none;
    }
}

class converter {
public:
    explicit converter(std::vector<std::string>& refused) : refused_(refused) {}

    blocks run(cmark_node* root) {
        std::unique_ptr<cmark_iter, iter_free> iter(cmark_iter_new(root));
        for (auto ev = cmark_iter_next(iter.get()); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter.get())) {
            cmark_node* n = cmark_iter_get_node(iter.get());
            if (ev == CMARK_EVENT_ENTER)
                enter(n);
            else if (ev == CMARK_EVENT_EXIT && n != root && !stack_.empty() && stack_.back().node == n)
                leave();
        }
        return stack_.empty() ? blocks{} : std::move(stack_.front().content);
    }

private:
    void push(cmark_node* n, frame_kind kind) {
        frame f;
        f.node = n;
        f.kind = kind;
        stack_.push_back(std::move(f));
    }

    void push_inline(cmark_node* n, frame_kind kind) {
        if (inline_depth_ >= max_inline_depth) return;  // children join the enclosing span
        ++inline_depth_;
        push(n, kind);
    }

    void enter(cmark_node* n) {
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_DOCUMENT: push(n, frame_kind::document); return;
            case CMARK_NODE_BLOCK_QUOTE:
                if (block_depth_ >= max_block_depth) return;
                ++block_depth_;
                push(n, frame_kind::block_container);
                return;
            case CMARK_NODE_LIST:
                if (block_depth_ >= max_block_depth) return;
                ++block_depth_;
                push(n, frame_kind::list);
                stack_.back().ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
                stack_.back().start = cmark_node_get_list_start(n);
                return;
            case CMARK_NODE_ITEM:
                if (stack_.empty() || stack_.back().kind != frame_kind::list) return;
                push(n, frame_kind::item);
                if (type_string(n) == "tasklist") stack_.back().checked = cmark_gfm_extensions_get_tasklist_item_checked(n);
                return;
            case CMARK_NODE_PARAGRAPH: push(n, frame_kind::paragraph); return;
            case CMARK_NODE_HEADING:
                push(n, frame_kind::heading);
                stack_.back().level = cmark_node_get_heading_level(n);
                return;
            case CMARK_NODE_CODE_BLOCK: {
                std::string info;
                if (const char* fence = cmark_node_get_fence_info(n)) info = fence;
                info = info.substr(0, info.find_first_of(" \t"));
                std::string code = literal_of(n);
                if (!code.empty() && code.back() == '\n') code.pop_back();
                add_block(block{code_block{std::move(info), std::move(code)}});
                return;
            }
            case CMARK_NODE_THEMATIC_BREAK: add_block(block{thematic_break{}}); return;
            case CMARK_NODE_TEXT: add_inline(inline_node{text{literal_of(n)}}); return;
            case CMARK_NODE_CODE: add_inline(inline_node{code_span{literal_of(n)}}); return;
            case CMARK_NODE_SOFTBREAK: add_inline(inline_node{soft_break{}}); return;
            case CMARK_NODE_LINEBREAK: add_inline(inline_node{line_break{}}); return;
            case CMARK_NODE_EMPH: push_inline(n, frame_kind::emphasis); return;
            case CMARK_NODE_STRONG: push_inline(n, frame_kind::strong); return;
            case CMARK_NODE_LINK:
            case CMARK_NODE_IMAGE: enter_link(n); return;
            // Raw HTML never reaches the document; not even its text.
            case CMARK_NODE_HTML_BLOCK:
            case CMARK_NODE_HTML_INLINE: return;
            default: break;
        }
        // Extension nodes have run-time type ids; their names are stable.
        const auto name = type_string(n);
        if (name == "table") {
            push(n, frame_kind::table);
            const auto columns = cmark_gfm_extensions_get_table_columns(n);
            const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
            for (uint16_t i = 0; i < columns; ++i)
                stack_.back().table.alignments.push_back(aligns ? alignment_of(aligns[i]) : align::none);
        } else if (name == "table_header" || name == "table_row") {
            if (stack_.empty() || stack_.back().kind != frame_kind::table) return;
            push(n, frame_kind::table_row);
            stack_.back().header_row = name == "table_header";
        } else if (name == "table_cell") {
            if (stack_.empty() || stack_.back().kind != frame_kind::table_row) return;
            push(n, frame_kind::cell);
        } else if (name == "strikethrough") {
            push_inline(n, frame_kind::strikethrough);
        }
        // Anything else (footnotes are not enabled) is transparent: its children still count.
    }

    void enter_link(cmark_node* n) {
        // An image inside a link (a linked badge) would nest links; the outer link wins.
        for (const auto& f : stack_)
            if (f.kind == frame_kind::link) return;
        const char* raw = cmark_node_get_url(n);
        std::string url = raw ? raw : "";
        if (is_safe_url(url)) {
            push_inline(n, frame_kind::link);
            if (!stack_.empty() && stack_.back().node == n) stack_.back().url = std::move(url);
        } else {
            refused_.push_back(std::move(url));
            push_inline(n, frame_kind::refused_link);
        }
    }

    void leave() {
        frame f = std::move(stack_.back());
        stack_.pop_back();
        switch (f.kind) {
            case frame_kind::document: return;  // run() keeps the root frame
            case frame_kind::block_container:
                --block_depth_;
                add_block(block{block_quote{std::move(f.content)}});
                return;
            case frame_kind::list:
                --block_depth_;
                if (f.ordered)
                    add_block(block{ordered_list{f.start, std::move(f.items)}});
                else
                    add_block(block{bullet_list{std::move(f.items)}});
                return;
            case frame_kind::item: stack_.back().items.push_back(list_item{f.checked, std::move(f.content)}); return;
            case frame_kind::table: add_block(block{std::move(f.table)}); return;
            case frame_kind::table_row: {
                auto& table = stack_.back().table;
                f.cells.resize(table.alignments.size());
                if (f.header_row)
                    table.header = std::move(f.cells);
                else
                    table.rows.push_back(std::move(f.cells));
                return;
            }
            case frame_kind::paragraph:
                // A paragraph that held only raw HTML is gone entirely.
                if (!f.spans.empty()) add_block(block{paragraph{std::move(f.spans)}});
                return;
            case frame_kind::heading: add_block(block{heading{f.level, std::move(f.spans)}}); return;
            case frame_kind::cell: stack_.back().cells.push_back(std::move(f.spans)); return;
            case frame_kind::emphasis: leave_inline(inline_node{emphasis{std::move(f.spans)}}); return;
            case frame_kind::strong: leave_inline(inline_node{strong{std::move(f.spans)}}); return;
            case frame_kind::strikethrough: leave_inline(inline_node{strikethrough{std::move(f.spans)}}); return;
            case frame_kind::link:
                if (f.spans.empty()) f.spans.push_back(inline_node{text{f.url}});
                leave_inline(inline_node{link{std::move(f.url), std::move(f.spans)}});
                return;
            case frame_kind::refused_link:
                --inline_depth_;
                for (auto& span : f.spans) add_inline(std::move(span));
                return;
        }
    }

    void leave_inline(inline_node node) {
        --inline_depth_;
        add_inline(std::move(node));
    }

    void add_block(block b) {
        if (stack_.empty()) return;
        auto& top = stack_.back();
        if (top.kind == frame_kind::document || top.kind == frame_kind::block_container ||
            top.kind == frame_kind::item) {
            top.content.push_back(std::move(b));
        } else if (top.kind == frame_kind::list) {
            if (top.items.empty()) top.items.emplace_back();
            top.items.back().content.push_back(std::move(b));
        }
    }

    void add_inline(inline_node node) {
        if (stack_.empty()) return;
        auto& top = stack_.back();
        switch (top.kind) {
            case frame_kind::paragraph:
            case frame_kind::heading:
            case frame_kind::cell:
            case frame_kind::emphasis:
            case frame_kind::strong:
            case frame_kind::strikethrough:
            case frame_kind::link:
            case frame_kind::refused_link: append_inline(top.spans, std::move(node)); return;
            case frame_kind::document:
            case frame_kind::block_container:
            case frame_kind::list:
            case frame_kind::item:
            case frame_kind::table:
            case frame_kind::table_row: return;
        }
    }

    std::vector<frame> stack_;
    int block_depth_ = 0;
    int inline_depth_ = 0;
    std::vector<std::string>& refused_;
};

}  // namespace

blocks parse_markdown_field(std::string_view markdown, const source_location& where, diagnostic_sink& diags) {
    const auto tree = parse_tree(dedent(markdown));
    if (!tree) return {};
    std::vector<std::string> refused;
    auto result = converter(refused).run(tree.get());
    if (!refused.empty()) {
        std::string message = "link to \"" + shown_url(refused.front()) + "\" is not allowed; its text is kept";
        if (refused.size() > 1) message += " (and " + std::to_string(refused.size() - 1) + " more in this field)";
        diags.warning("V250", std::move(message), where,
                      {"links may only point to absolute http://, https:// or mailto: addresses"});
    }
    return result;
}

}  // namespace closeplan::view
