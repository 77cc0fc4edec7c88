// SPDX-License-Identifier: MIT
// JSON text -> raw tree: nlohmann's SAX parser checks the syntax, a cursor over the text places each token.
#include <nlohmann/json.hpp>

#include <unordered_map>
#include <vector>

#include "load/json_errors.hpp"
#include "load/json_scan.hpp"
#include "load/load_internal.hpp"

namespace closeplan::load::detail {

namespace {

using json = nlohmann::json;

// nlohmann reports values but not where they are. Its events come in text
// order, one per token except `,` and `:`, and only for text it has already
// checked, so a cursor that skips blanks and separators lands on each event's
// token. This places every node exactly, needs no second parser, and keeps
// numbers as written (`1.50` stays "1.50").
class tree_builder final : public nlohmann::json_sax<json> {
public:
    tree_builder(std::string_view text, const std::string& file, diagnostic_sink& diags, const load_limits& limits)
        : text_(text), lines_(text), file_(file), diags_(diags), limits_(limits), max_depth_(max_depth_of(limits)) {}

    bool null() override { return scalar(raw_node::kind::null, {}, false, 4); }
    bool boolean(bool value) override { return scalar(raw_node::kind::scalar, {}, false, value ? 4 : 5); }
    bool number_integer(number_integer_t) override { return number(); }
    bool number_unsigned(number_unsigned_t) override { return number(); }
    bool number_float(number_float_t, const string_t&) override { return number(); }
    bool string(string_t& value) override {
        const auto start = next_token();
        return scalar_at(start, json_string_end(text_, start), raw_node::kind::scalar, std::move(value), true);
    }
    bool binary(binary_t&) override { return true; }  // JSON text has no binary values
    bool start_object(std::size_t) override { return open(raw_node::kind::mapping); }
    bool start_array(std::size_t) override { return open(raw_node::kind::sequence); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& name) override;
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
        error_ = json_failure{ex.what(), position};
        return false;
    }

    /// The tree, or nullopt after a syntax error or a limit (reported).
    std::optional<raw_node> finish();

private:
    struct frame {
        raw_node node;
        std::unordered_map<std::string, source_location> keys;
        std::string key;
        source_location key_where;
        bool drop_value = false;  // the value of a duplicate key: the first one wins
    };

    std::size_t next_token();
    std::string child_pointer() const;
    bool count(const source_location& where);
    bool number();
    bool scalar(raw_node::kind type, std::string text, bool quoted, std::size_t length);
    bool scalar_at(std::size_t start, std::size_t end, raw_node::kind type, std::string text, bool quoted);
    bool open(raw_node::kind type);
    bool close();
    void attach(raw_node node);

    std::string_view text_;
    line_index lines_;
    const std::string& file_;
    diagnostic_sink& diags_;
    const load_limits& limits_;
    std::size_t max_depth_;
    std::size_t cursor_ = 0;  // end of the last token that had an event
    std::size_t nodes_ = 0;
    bool stopped_ = false;  // a limit was hit and reported
    std::vector<frame> stack_;
    std::optional<raw_node> root_;
    std::optional<json_failure> error_;
};

std::size_t tree_builder::next_token() {
    while (cursor_ < text_.size()) {
        const char c = text_[cursor_];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
        ++cursor_;
    }
    return cursor_;
}

std::string tree_builder::child_pointer() const {
    if (stack_.empty()) return {};
    const auto& top = stack_.back();
    if (top.node.is_sequence()) return pointer_to(top.node.where.pointer, top.node.items.size());
    return pointer_to(top.node.where.pointer, top.key);
}

bool tree_builder::count(const source_location& where) {
    if (++nodes_ <= limits_.max_nodes) return true;
    report_too_many_nodes(diags_, limits_, where, expansion::none);
    stopped_ = true;
    return false;
}

bool tree_builder::number() {
    const auto start = next_token();
    const auto end = json_number_end(text_, start);
    const auto stop = end == no_token ? start : end;
    return scalar_at(start, stop, raw_node::kind::scalar, std::string(text_.substr(start, stop - start)), false);
}

bool tree_builder::scalar(raw_node::kind type, std::string text, bool quoted, std::size_t length) {
    const auto start = next_token();
    if (type == raw_node::kind::scalar && text.empty()) text = text_.substr(start, length);
    return scalar_at(start, start + length, type, std::move(text), quoted);
}

bool tree_builder::scalar_at(std::size_t start, std::size_t end, raw_node::kind type, std::string text,
                             bool quoted) {
    cursor_ = end == no_token ? text_.size() : end;
    raw_node node;
    node.type = type;
    node.text = std::move(text);
    node.quoted = quoted;
    node.where = location_at(lines_, file_, start, child_pointer());
    if (!count(node.where)) return false;
    attach(std::move(node));
    return true;
}

bool tree_builder::open(raw_node::kind type) {
    const auto start = next_token();
    cursor_ = start + 1;
    frame f;
    f.node.type = type;
    f.node.where = location_at(lines_, file_, start, child_pointer());
    if (!count(f.node.where)) return false;
    if (stack_.size() + 1 > max_depth_) {
        report_too_deep(diags_, limits_, f.node.where);
        stopped_ = true;
        return false;
    }
    stack_.push_back(std::move(f));
    return true;
}

bool tree_builder::close() {
    cursor_ = next_token() + 1;
    raw_node node = std::move(stack_.back().node);
    stack_.pop_back();
    attach(std::move(node));
    return true;
}

bool tree_builder::key(string_t& name) {
    const auto start = next_token();
    cursor_ = json_string_end(text_, start);
    if (cursor_ == no_token) cursor_ = text_.size();
    auto& top = stack_.back();
    auto where = location_at(lines_, file_, start, pointer_to(top.node.where.pointer, name));
    if (const auto first = top.keys.find(name); first != top.keys.end()) {
        report_duplicate_key(diags_, name, first->second, std::move(where));
        top.drop_value = true;
        return true;
    }
    top.keys.emplace(name, where);
    top.key = std::move(name);
    top.key_where = std::move(where);
    top.drop_value = false;
    return true;
}

void tree_builder::attach(raw_node node) {
    if (stack_.empty()) {
        root_ = std::move(node);
        return;
    }
    auto& top = stack_.back();
    if (top.node.is_sequence()) {
        top.node.items.push_back(std::move(node));
    } else if (!top.drop_value) {
        top.node.members.push_back({top.key, top.key_where, std::move(node)});
    }
}

std::optional<raw_node> tree_builder::finish() {
    if (stopped_) return std::nullopt;
    if (error_) {
        report_json_failure(*error_, text_, cursor_, !stack_.empty(), file_, diags_);
        return std::nullopt;
    }
    return std::move(root_);
}

}  // namespace

std::optional<raw_node> load_json(std::string_view text, const std::string& file, diagnostic_sink& diags,
                                  const load_limits& limits) {
    const auto patched = without_huge_numbers(text);
    const std::string_view parsed = patched ? std::string_view(*patched) : text;
    tree_builder builder(text, file, diags, limits);
    try {
        json::sax_parse(parsed.data(), parsed.data() + parsed.size(), &builder);
    } catch (const std::exception& e) {
        // The SAX parser reports through parse_error; only the environment (memory) throws.
        diags.error("L103", std::string("cannot parse JSON: ") + e.what(), {file, 0, 0, {}});
        return std::nullopt;
    }
    return builder.finish();
}

}  // namespace closeplan::load::detail
