// SPDX-License-Identifier: MIT
#include "sheet/yaml_edit.hpp"

#include <algorithm>
#include <vector>

#include "load/control_chars.hpp"
#include "load/load_document.hpp"
#include "sheet/tree_write.hpp"
#include "sheet/yaml_scalars.hpp"

namespace closeplan::sheet {

namespace {

using load::raw_member;
using load::raw_node;

/// Thrown inside this file only: the style at hand cannot be edited safely.
struct cannot_edit {
    std::string why;
};

struct splice {
    std::size_t at = 0;
    std::size_t length = 0;
    std::string text;
    std::size_t order = 0;  ///< inserts at one place keep the order they were made in
};

class text_editor {
public:
    explicit text_editor(std::string_view text) : text_(text) {
        bom_ = text_.starts_with("\xEF\xBB\xBF");
        const auto first_break = text_.find('\n');
        crlf_ = first_break != std::string_view::npos && first_break > 0 && text_[first_break - 1] == '\r';
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < text_.size(); ++i)
            if (text_[i] == '\n') line_starts_.push_back(i + 1);
    }

    [[nodiscard]] std::size_t offset(const source_location& where) const {
        if (where.line < 1 || static_cast<std::size_t>(where.line) > line_starts_.size() || where.column < 1)
            throw cannot_edit{"a value without a position"};
        const auto line = static_cast<std::size_t>(where.line - 1);
        const auto at = line_starts_[line] + static_cast<std::size_t>(where.column - 1) + (line == 0 && bom_ ? 3 : 0);
        if (at > text_.size()) throw cannot_edit{"a value past the end of the file"};
        return at;
    }
    [[nodiscard]] std::size_t line_start(std::size_t at) const {
        const auto nl = at == 0 ? std::string_view::npos : text_.rfind('\n', at - 1);
        return nl == std::string_view::npos ? 0 : nl + 1;
    }
    /// The offset just past the line holding `at` (after its '\n'), or the end of the text.
    [[nodiscard]] std::size_t next_line(std::size_t at) const {
        const auto nl = text_.find('\n', at);
        return nl == std::string_view::npos ? text_.size() : nl + 1;
    }
    [[nodiscard]] std::string_view text() const { return text_; }

    void replace(std::size_t at, std::size_t length, std::string with) {
        splices_.push_back({at, length, std::move(with), splices_.size()});
    }
    /// Inserts whole lines at a line start (adding the line end the file's last line may lack).
    void insert_lines(std::size_t at, std::string lines) {
        if (at == text_.size() && !text_.empty() && text_.back() != '\n') lines.insert(0, "\n");
        replace(at, 0, std::move(lines));
    }

    [[nodiscard]] std::string result() const {
        auto ordered = splices_;
        std::sort(ordered.begin(), ordered.end(),
                  [](const splice& a, const splice& b) { return a.at != b.at ? a.at < b.at : a.order < b.order; });
        for (std::size_t i = 1; i < ordered.size(); ++i)
            if (ordered[i - 1].at + ordered[i - 1].length > ordered[i].at)
                throw cannot_edit{"two edits of the same value"};
        std::string out;
        std::size_t from = 0;
        for (const auto& s : ordered) {
            out.append(text_.substr(from, s.at - from));
            // New lines end as the file's lines do (a Windows editor's CRLF stays CRLF).
            for (const char c : s.text) {
                if (c == '\n' && crlf_) out += '\r';
                out += c;
            }
            from = s.at + s.length;
        }
        out.append(text_.substr(from));
        return out;
    }

private:
    std::string_view text_;
    bool bom_ = false;
    bool crlf_ = false;
    std::vector<std::size_t> line_starts_;
    std::vector<splice> splices_;
};

/// Where a scalar written on one line ends; its quote character (0 when plain).
struct scalar_span {
    std::size_t begin = 0, end = 0;
    char quote = 0;
};

scalar_span span_of(const text_editor& ed, const raw_node& node) {
    if (!node.is_scalar()) throw cannot_edit{"a value that is not a single value"};
    const auto text = ed.text();
    const auto begin = ed.offset(node.where);
    if (begin >= text.size()) throw cannot_edit{"a value past the end of the file"};
    const char first = text[begin];
    if (first == '"' || first == '\'') {
        for (std::size_t i = begin + 1; i < text.size(); ++i) {
            const char c = text[i];
            if (c == '\n') break;
            if (first == '"' && c == '\\') {
                ++i;
                continue;
            }
            if (c == first) {
                if (first == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                    ++i;
                    continue;
                }
                return {begin, i + 1, first};
            }
        }
        throw cannot_edit{"a quoted value that goes on over several lines"};
    }
    if (first == '|' || first == '>') throw cannot_edit{"a block value (| or >)"};
    if (first == '!' || first == '&' || first == '*') throw cannot_edit{"a value with a tag, anchor or alias"};
    if (text.substr(begin, node.text.size()) != node.text || node.text.find('\n') != std::string::npos)
        throw cannot_edit{"a plain value that goes on over several lines"};
    return {begin, begin + node.text.size(), 0};
}

/// The end of a one-line value a new key may follow: a scalar, or a `[ ]` list on its line.
std::size_t end_of_short_value(const text_editor& ed, const raw_node& node) {
    if (node.is_scalar()) return span_of(ed, node).end;
    if (node.is_sequence()) {
        const auto begin = ed.offset(node.where);
        const auto text = ed.text();
        if (begin < text.size() && text[begin] == '[') {
            const auto close = text.find_first_of("]\n\"'", begin);
            if (close != std::string_view::npos && text[close] == ']') return close + 1;
        }
    }
    throw cannot_edit{"a key after a value that spans several lines"};
}

bool is_flow_mapping(const text_editor& ed, const raw_node& item) {
    const auto at = ed.offset(item.where);
    return at < ed.text().size() && ed.text()[at] == '{';
}

/// The indentation (spaces) of a key in a block mapping, checked to be spaces only before it.
std::string indent_of_key(const text_editor& ed, const raw_member& member) {
    const auto at = ed.offset(member.key_where);
    const auto start = ed.line_start(at);
    const auto before = ed.text().substr(start, at - start);
    // The first key of a list item sits after its dash: `  - id: x` indents the others by 4.
    for (const char c : before)
        if (c != ' ' && c != '-') throw cannot_edit{"a key with something other than spaces before it"};
    return std::string(before.size(), ' ');
}

std::string rendered(const set_value& v, char original_quote, bool in_flow) {
    if (v.style == value_style::raw) return v.value;
    if (v.style == value_style::word && plain_safe(v.value, in_flow)) {
        if (original_quote != 0) return original_quote + v.value + original_quote;
        return v.value;
    }
    if (original_quote == '\'' && printable(v.value, "")) {
        std::string out = "'";
        for (const char c : v.value) out += c == '\'' ? std::string("''") : std::string(1, c);
        return out + "'";
    }
    if (original_quote == '"') return double_quoted(v.value);
    return yaml_value(v.value, in_flow);
}

/// Replaces a block scalar (`notes: |`) with the new text as a literal block at the same indentation.
void replace_block_scalar(text_editor& ed, const raw_member& member, const std::string& value) {
    const auto text = ed.text();
    const auto begin = ed.offset(member.value.where);
    const auto key_indent = ed.offset(member.key_where) - ed.line_start(ed.offset(member.key_where));
    // The block's lines: after the indicator's line, as long as they are blank or indented deeper than the key.
    std::size_t end = ed.next_line(begin);
    std::size_t content_end = end;
    std::size_t indent = 0;
    for (std::size_t line = end; line < text.size();) {
        const auto next = ed.next_line(line);
        const auto body = text.substr(line, next - line);
        const auto first = body.find_first_not_of(' ');
        const bool blank = first == std::string_view::npos || body[first] == '\n' || body[first] == '\r';
        if (!blank && first <= key_indent) break;
        if (!blank) {
            if (indent == 0) indent = first;
            content_end = next;
        }
        line = next;
    }
    if (indent == 0) indent = key_indent + 2;
    if (!value.empty() && value.front() == ' ') throw cannot_edit{"notes that start with a space in a block value"};
    // A control character (a NUL from a broken sheet, say) cannot stand in a
    // literal block: the value goes double-quoted with escapes instead.
    std::string block = printable(value, "\n\t") ? "|\n" : double_quoted(value) + "\n";
    std::size_t from = 0;
    while (block.front() == '|' && from <= value.size()) {
        const auto nl = value.find('\n', from);
        const auto piece = value.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
        if (!piece.empty()) block += std::string(indent, ' ') + piece;
        block += '\n';
        if (nl == std::string::npos) break;
        from = nl + 1;
    }
    if (content_end == text.size() && !text.empty() && text.back() != '\n') block.pop_back();
    ed.replace(begin, content_end - begin, std::move(block));
}

/// Sets an existing member's value, or adds the member after its anchor.
void set_in(text_editor& ed, const raw_node& item, const set_value& v) {
    const bool flow = is_flow_mapping(ed, item);
    for (const auto& member : item.members) {
        if (member.key != v.key) continue;
        const auto& node = member.value;
        if (node.is_null()) {
            // `key:` with nothing after it, or `key: null`: the value goes after the colon.
            const auto key_at = ed.offset(member.key_where);
            const auto colon = ed.text().find(':', key_at + member.key.size());
            if (colon == std::string_view::npos || ed.text().substr(key_at, member.key.size()) != member.key)
                throw cannot_edit{"an empty value whose key is quoted"};
            const auto after = ed.text().find_first_not_of(' ', colon + 1);
            const auto rest = after == std::string_view::npos ? std::string_view() : ed.text().substr(after);
            const auto written = rest.starts_with("null") || rest.starts_with("Null") || rest.starts_with("NULL") ? 4
                                 : rest.starts_with("~")                                                        ? 1
                                                                                                                : 0;
            if (written > 0) ed.replace(after, written, rendered(v, 0, flow));
            else ed.replace(colon + 1, 0, " " + rendered(v, 0, flow));
            return;
        }
        const auto at = ed.offset(node.where);
        if (node.is_scalar() && at < ed.text().size() && (ed.text()[at] == '|' || ed.text()[at] == '>') && !flow) {
            replace_block_scalar(ed, member, v.value);
            return;
        }
        const auto span = span_of(ed, node);
        ed.replace(span.begin, span.end - span.begin, rendered(v, span.quote, flow));
        return;
    }
    const raw_member* anchor = nullptr;
    for (const auto& name : v.after) {
        for (const auto& member : item.members)
            if (member.key == name) anchor = &member;
        if (anchor != nullptr) break;
    }
    if (anchor == nullptr) {
        for (const auto& member : item.members)
            if (member.key == "id") anchor = &member;
    }
    if (anchor == nullptr) throw cannot_edit{"a milestone without an id to place a new key after"};
    const auto end = end_of_short_value(ed, anchor->value);
    if (flow) {
        ed.replace(end, 0, ", " + v.key + ": " + rendered(v, 0, true));
        return;
    }
    if (ed.text().substr(ed.offset(anchor->key_where), end - ed.offset(anchor->key_where)).find('\n') !=
        std::string_view::npos)
        throw cannot_edit{"a key whose value starts on the next line"};
    ed.insert_lines(ed.next_line(end), indent_of_key(ed, *anchor) + v.key + ": " + rendered(v, 0, false) + "\n");
}

/// Adds a date at the end of the milestone's `history`, in its style; a new `history: [date]` when missing.
void append_history(text_editor& ed, const raw_node& item, const std::string& date) {
    const auto* history = item.find("history");
    if (history == nullptr || history->is_null()) {
        if (history != nullptr) throw cannot_edit{"an empty history"};
        set_in(ed, item, {"history", "[" + date + "]", value_style::raw, {"baseline", "due"}});
        return;
    }
    if (!history->is_sequence()) throw cannot_edit{"a history that is not a list"};
    const auto text = ed.text();
    const auto at = ed.offset(history->where);
    if (at < text.size() && text[at] == '[') {
        if (history->items.empty()) {
            const auto close = text.find(']', at);
            if (close == std::string_view::npos) throw cannot_edit{"an unclosed history list"};
            ed.replace(at + 1, close - at - 1, date);
        } else {
            ed.replace(span_of(ed, history->items.back()).end, 0, ", " + date);
        }
        return;
    }
    if (history->items.empty()) throw cannot_edit{"an empty history"};
    const auto& last = history->items.back();
    const auto last_at = ed.offset(last.where);
    const auto start = ed.line_start(last_at);
    const auto prefix = text.substr(start, last_at - start);
    if (prefix.find_first_not_of(" -") != std::string_view::npos || prefix.find('-') == std::string_view::npos)
        throw cannot_edit{"a history list written in an unusual way"};
    ed.insert_lines(ed.next_line(span_of(ed, last).end), std::string(prefix) + date + "\n");
}

/// The offsets where a block list item starts (its line) and where the lines that belong to it end.
struct item_lines {
    std::size_t begin = 0, end = 0;
    std::string dash_prefix;  ///< the text before the item's first key: `  - `
};

item_lines lines_of(const text_editor& ed, const raw_node& item) {
    const auto text = ed.text();
    const auto at = ed.offset(item.where);
    const auto start = ed.line_start(at);
    const auto prefix = text.substr(start, at - start);
    const auto dash = prefix.find('-');
    if (dash == std::string_view::npos || prefix.find_first_not_of(" -") != std::string_view::npos ||
        prefix.find('-', dash + 1) != std::string_view::npos)
        throw cannot_edit{"a milestone that does not start on its own `- ` line"};
    // The item's lines: blank lines, comments, and lines indented deeper than its dash.
    std::size_t end = ed.next_line(at);
    std::size_t content_end = end;
    for (std::size_t line = end; line < text.size();) {
        const auto next = ed.next_line(line);
        const auto body = text.substr(line, next - line);
        const auto first = body.find_first_not_of(' ');
        const bool blank = first == std::string_view::npos || body[first] == '\n' || body[first] == '\r';
        const bool comment = !blank && body[first] == '#';
        if (!blank && !comment && first <= dash) break;
        if (!blank && !comment) content_end = next;
        line = next;
    }
    return {start, content_end, std::string(prefix)};
}

/// A new milestone written like the last one: `- { ... }` on one line, or a block mapping.
void add_milestones(text_editor& ed, const raw_node& milestones, const std::vector<std::vector<set_value>>& added) {
    if (added.empty()) return;
    if (!milestones.is_sequence() || milestones.items.empty()) throw cannot_edit{"a plan with no milestones to follow"};
    const auto& last = milestones.items.back();
    if (!last.is_mapping() || last.members.empty()) throw cannot_edit{"a milestone that is not a mapping"};
    const auto lines = lines_of(ed, last);
    const bool flow = is_flow_mapping(ed, last);
    std::string out;
    for (const auto& step : added) {
        if (flow) {
            const auto text = ed.text();
            const auto brace = ed.offset(last.where);
            const bool spaced = brace + 1 < text.size() && text[brace + 1] == ' ';
            out += lines.dash_prefix + (spaced ? "{ " : "{");
            for (std::size_t i = 0; i < step.size(); ++i)
                out += (i > 0 ? ", " : "") + step[i].key + ": " + rendered(step[i], 0, true);
            out += spaced ? " }\n" : "}\n";
        } else {
            const auto indent = std::string(lines.dash_prefix.size(), ' ');
            for (std::size_t i = 0; i < step.size(); ++i)
                out += (i == 0 ? lines.dash_prefix : indent) + step[i].key + ": " + rendered(step[i], 0, false) + "\n";
        }
    }
    ed.insert_lines(lines.end, std::move(out));
}

void remove_milestones(text_editor& ed, const raw_node& milestones, const std::vector<std::size_t>& removed) {
    for (const auto index : removed) {
        if (index >= milestones.items.size()) throw cannot_edit{"a milestone that is not in the file"};
        const auto lines = lines_of(ed, milestones.items[index]);
        ed.replace(lines.begin, lines.end - lines.begin, "");
    }
}

/// A scalar's text without one final line break: a literal block (`notes: |`)
/// reads back with the line break YAML's clipping keeps, which a sheet's cell
/// never has, so that break is not a difference.
std::string_view without_final_break(std::string_view text) {
    return text.ends_with('\n') ? text.substr(0, text.size() - 1) : text;
}

/// Whether `read` (loaded back) is `expected` as the loader gives text: a
/// control character as U+FFFD (load/control_chars.hpp), a final line break aside.
bool reads_as(std::string_view read, std::string_view expected) {
    if (without_final_break(read) == without_final_break(expected)) return true;
    std::string shown(expected);
    return load::replace_control_characters(shown).count > 0 && without_final_break(read) == without_final_break(shown);
}

/// Whether the tree read back holds the values expected (kinds, texts, keys in order), wherever they stand.
bool same_values(const raw_node& read, const raw_node& expected) {
    if (read.type != expected.type || !reads_as(read.text, expected.text) ||
        read.items.size() != expected.items.size() || read.members.size() != expected.members.size())
        return false;
    for (std::size_t i = 0; i < read.items.size(); ++i)
        if (!same_values(read.items[i], expected.items[i])) return false;
    for (std::size_t i = 0; i < read.members.size(); ++i)
        if (!reads_as(read.members[i].key, expected.members[i].key) ||
            !same_values(read.members[i].value, expected.members[i].value))
            return false;
    return true;
}

/// The edit works on lines and positions; a file written in a way it did not
/// foresee (a quoted value whose lines run back to the left margin, which
/// libyaml accepts) could come out as other YAML or none. So the edited text
/// is read back and must hold exactly the patched tree; if not, the caller
/// rewrites the tree instead.
void check_reads_back(const std::string& edited, const raw_node& root, const plan_patch& patch) {
    diagnostic_sink ignored;
    const auto reread = load::load_document(edited, "plan.yaml", load::input_syntax::yaml, ignored);
    if (!reread || !same_values(*reread, patched_tree(root, patch)))
        throw cannot_edit{"a layout whose edit did not read back as the edited plan"};
}

}  // namespace

text_edit_result edit_yaml_text(std::string_view text, const load::raw_node& root, const plan_patch& patch) {
    try {
        const auto* milestones = root.find("milestones");
        if (milestones == nullptr || !milestones->is_sequence()) return {std::nullopt, "the plan has no milestones list"};
        text_editor ed(text);
        if (!milestones->items.empty() && ed.text()[ed.offset(milestones->where)] == '[')
            return {std::nullopt, "the milestones are one `[ ]` list"};
        for (const auto& edit : patch.edits) {
            if (edit.index >= milestones->items.size()) throw cannot_edit{"a milestone that is not in the file"};
            const auto& item = milestones->items[edit.index];
            if (!item.is_mapping()) throw cannot_edit{"a milestone that is not a mapping"};
            for (const auto& value : edit.values) set_in(ed, item, value);
            if (edit.history_append) append_history(ed, item, *edit.history_append);
        }
        add_milestones(ed, *milestones, patch.added);
        remove_milestones(ed, *milestones, patch.removed);
        auto edited = ed.result();
        check_reads_back(edited, root, patch);
        return {std::move(edited), {}};
    } catch (const cannot_edit& reason) {
        return {std::nullopt, reason.why};
    }
}

}  // namespace closeplan::sheet
