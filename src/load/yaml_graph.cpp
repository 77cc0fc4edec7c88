// SPDX-License-Identifier: MIT
// The nodes of each YAML document as libyaml's event parser reports them, without a node tree library.
#include "load/yaml_graph.hpp"

#include <yaml.h>

#include <algorithm>
#include <new>
#include <optional>
#include <unordered_map>

namespace closeplan::load::detail {

namespace {

// libyaml's marks count characters, and break lines at NEL, LS and PS as well
// as at '\n'. Positions here are bytes and '\n' lines, as closeplan reports
// them everywhere else. Events come in text order, so one forward walk over
// the text converts every mark; a mark behind the walk restarts it.
class mark_converter {
public:
    explicit mark_converter(std::string_view text) : text_(text) {}

    yaml_mark at_character(std::size_t index) {
        if (index < characters_) restart();
        while (characters_ < index && byte_ < text_.size()) step();
        return current();
    }

private:
    void restart() { characters_ = byte_ = line_start_ = 0, line_ = 0; }

    void step() {
        const auto lead = static_cast<unsigned char>(text_[byte_]);
        if (lead == '\n') {
            ++line_;
            line_start_ = byte_ + 1;
        }
        byte_ += lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;  // the loader checked the UTF-8
        byte_ = std::min(byte_, text_.size());
        ++characters_;
    }

    [[nodiscard]] yaml_mark current() const {
        return {static_cast<long>(byte_), line_, static_cast<int>(byte_ - line_start_)};
    }

    std::string_view text_;
    std::size_t characters_ = 0;
    std::size_t byte_ = 0;
    std::size_t line_start_ = 0;
    int line_ = 0;
};

// YAML forbids raw control characters and libyaml refuses them, but a plan
// with one was always loaded, the character replaced and reported (L113,
// control_chars.cpp). So each is handed to libyaml as a private-use
// character (U+F700 + its code), which parses alike, and turned back in the
// scalars. One character for one: libyaml's character counts, and so every
// position, stay those of the original text. A text that already holds one of
// those private-use characters is parsed as it is (and refused).
constexpr char32_t stand_in_base = 0xF700;

// The control character at text[i] (C0 but tab, line feed and carriage
// return; DEL; C1 but NEL, which YAML 1.1 takes as a line break), or -1.
int control_at(std::string_view text, std::size_t i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) return byte;
    if (byte == 0xC2 && i + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[i + 1]);
        if (next >= 0x80 && next <= 0x9F && next != 0x85) return next;
    }
    return -1;
}

// The code of the stand-in at text[i] (EF 9C 80 .. EF 9E 9F), or -1.
int stand_in_at(std::string_view text, std::size_t i) {
    if (i + 2 >= text.size() || static_cast<unsigned char>(text[i]) != 0xEF) return -1;
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    if (b1 < 0x9C || b1 > 0x9E || b2 < 0x80 || b2 > 0xBF) return -1;
    const int code = ((b1 & 0x0F) << 6 | (b2 & 0x3F)) - static_cast<int>(stand_in_base & 0x3FF);
    return code >= 0 && code <= 0x9F ? code : -1;
}

void append_stand_in(std::string& out, int code) {
    const char32_t c = stand_in_base + static_cast<char32_t>(code);
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
}

// The text libyaml parses: `text` itself, or a copy with stand-ins.
std::optional<std::string> with_stand_ins(std::string_view text) {
    bool any_control = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (stand_in_at(text, i) >= 0) return std::nullopt;
        any_control = any_control || control_at(text, i) >= 0;
    }
    if (!any_control) return std::nullopt;
    std::string out;
    out.reserve(text.size() + 64);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int code = control_at(text, i);
        if (code < 0) {
            out += text[i];
            continue;
        }
        append_stand_in(out, code);
        if (code >= 0x80) ++i;  // C2 xx
    }
    return out;
}

// A scalar's text with its stand-ins turned back into the control characters.
std::string without_stand_ins(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const int code = stand_in_at(value, i);
        if (code < 0) {
            out += value[i];
            continue;
        }
        if (code >= 0x80) out += static_cast<char>(0xC2);
        out += static_cast<char>(code);
        i += 2;
    }
    return out;
}

// Owns libyaml's parser and the current event, so an exception leaks neither.
class event_reader {
public:
    /// Parses `parsed` (the text or its copy with stand-ins); marks are placed in `text`.
    event_reader(std::string_view text, std::string_view parsed) : parsed_(parsed), marks_(text) {
        if (!yaml_parser_initialize(&parser_)) throw std::bad_alloc();
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(parsed.data()), parsed.size());
        yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
    }
    ~event_reader() {
        if (have_event_) yaml_event_delete(&event_);
        yaml_parser_delete(&parser_);
    }
    event_reader(const event_reader&) = delete;
    event_reader& operator=(const event_reader&) = delete;

    const yaml_event_t& next() {
        if (have_event_) yaml_event_delete(&event_);
        have_event_ = false;
        if (!yaml_parser_parse(&parser_, &event_)) fail();
        have_event_ = true;
        return event_;
    }

    yaml_mark mark(const yaml_mark_t& mark) { return marks_.at_character(mark.index); }

    [[noreturn]] void fail() {
        if (parser_.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
        const std::string problem = parser_.problem ? parser_.problem : "YAML syntax error";
        const std::string context = parser_.context ? parser_.context : "";
        if (parser_.error == YAML_READER_ERROR) {  // its offset counts bytes of the parsed text
            const auto bytes = parsed_.substr(0, std::min(parser_.problem_offset, parsed_.size()));
            const auto characters = static_cast<std::size_t>(
                std::count_if(bytes.begin(), bytes.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
            throw yaml_syntax_error(problem, context, marks_.at_character(characters), {});
        }
        const yaml_mark context_where = parser_.context ? mark(parser_.context_mark) : yaml_mark{};
        throw yaml_syntax_error(problem, context, mark(parser_.problem_mark), context_where);
    }

private:
    std::string_view parsed_;
    yaml_parser_t parser_{};
    yaml_event_t event_{};
    bool have_event_ = false;
    mark_converter marks_;
};

std::string_view text_of(const yaml_char_t* text) {
    return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

// YAML's core schema nulls; yaml-cpp read the same plain scalars as null.
bool is_null_text(std::string_view text) {
    return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

// Builds the graph: a node is created at its event with that event's mark, an
// anchor names the node created with it, an alias adds the anchored node
// again, and anchors start afresh in each document.
class graph_builder {
public:
    graph_builder(std::vector<yaml_document>& documents, yaml_event_watcher* watcher)
        : documents_(documents), watcher_(watcher) {}

    void document_start() {
        if (watcher_) watcher_->document_start();
        documents_.emplace_back();
        open_.clear();
        anchors_.clear();
    }

    void alias(const yaml_mark& mark, std::string_view name) {
        if (watcher_) watcher_->leaf(mark, {});
        const auto anchored = anchors_.find(std::string(name));
        if (anchored == anchors_.end())
            throw yaml_syntax_error("found undefined alias *" + std::string(name), "", mark, {});
        place(anchored->second);
    }

    void scalar(const yaml_mark& mark, std::string_view anchor, std::string tag, std::string_view value) {
        if (tag == "?" && is_null_text(value)) {
            if (watcher_) watcher_->leaf(mark, {});
            add(mark, anchor, yaml_graph_node::kind::null, {});
            return;
        }
        if (watcher_) watcher_->leaf(mark, value);
        add(mark, anchor, yaml_graph_node::kind::scalar, std::move(tag)).scalar = value;
    }

    void start(const yaml_mark& mark, std::string_view anchor, std::string tag, bool mapping) {
        if (watcher_) watcher_->open(mark, mapping);
        add(mark, anchor, mapping ? yaml_graph_node::kind::mapping : yaml_graph_node::kind::sequence, std::move(tag));
        open_.push_back(document().nodes.size() - 1);
    }

    void end() {
        if (watcher_) watcher_->close();
        if (!open_.empty()) open_.pop_back();
    }

private:
    yaml_document& document() { return documents_.back(); }

    yaml_graph_node& add(const yaml_mark& mark, std::string_view anchor, yaml_graph_node::kind type, std::string tag) {
        auto& nodes = document().nodes;
        const std::size_t index = nodes.size();
        auto& node = nodes.emplace_back();
        node.type = type;
        node.mark = mark;
        node.tag = std::move(tag);
        if (!anchor.empty()) anchors_[std::string(anchor)] = index;  // a later anchor of the same name wins
        place(index);
        return nodes[index];  // place() does not add nodes: the reference stays valid
    }

    // Into the open collection, or as the document's root.
    void place(std::size_t index) {
        if (open_.empty()) {
            if (document().root == yaml_document::no_node) document().root = index;
            return;
        }
        document().nodes[open_.back()].children.push_back(index);
    }

    std::vector<yaml_document>& documents_;
    yaml_event_watcher* watcher_;
    std::vector<std::size_t> open_;
    std::unordered_map<std::string, std::size_t> anchors_;
};

// yaml-cpp's spelling, which the loader reads: an untagged plain node "?", an
// untagged quoted or block scalar "!", else the tag as resolved (`!!str` is
// tag:yaml.org,2002:str).
std::string tag_of(const yaml_char_t* tag, bool plain) {
    if (tag) return std::string(text_of(tag));
    return plain ? "?" : "!";
}

}  // namespace

std::vector<yaml_document> parse_yaml_documents(std::string_view text, yaml_event_watcher* watcher) {
    std::vector<yaml_document> documents;
    graph_builder builder(documents, watcher);
    const auto stand_ins = with_stand_ins(text);
    event_reader reader(text, stand_ins ? std::string_view(*stand_ins) : text);
    for (;;) {
        const yaml_event_t& event = reader.next();
        switch (event.type) {
            case YAML_STREAM_END_EVENT:
                return documents;
            case YAML_DOCUMENT_START_EVENT:
                builder.document_start();
                break;
            case YAML_ALIAS_EVENT:
                builder.alias(reader.mark(event.start_mark), text_of(event.data.alias.anchor));
                break;
            case YAML_SCALAR_EVENT: {
                const auto& s = event.data.scalar;
                const std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
                builder.scalar(reader.mark(event.start_mark), text_of(s.anchor),
                               tag_of(s.tag, s.style == YAML_PLAIN_SCALAR_STYLE),
                               stand_ins ? std::string_view(without_stand_ins(value)) : value);
                break;
            }
            case YAML_SEQUENCE_START_EVENT:
                builder.start(reader.mark(event.start_mark), text_of(event.data.sequence_start.anchor),
                              tag_of(event.data.sequence_start.tag, true), false);
                break;
            case YAML_MAPPING_START_EVENT:
                builder.start(reader.mark(event.start_mark), text_of(event.data.mapping_start.anchor),
                              tag_of(event.data.mapping_start.tag, true), true);
                break;
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT:
                builder.end();
                break;
            default:  // stream start, document end, no event
                break;
        }
    }
}

}  // namespace closeplan::load::detail
