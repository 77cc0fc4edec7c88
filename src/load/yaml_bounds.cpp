// SPDX-License-Identifier: MIT
// A byte scan proving that a YAML text stays within the node and depth limits, so the event pass can be skipped.
#include <algorithm>
#include <optional>
#include <vector>

#include "load/load_internal.hpp"

namespace closeplan::load::detail {

namespace {

bool blank_or_break(std::string_view text, std::size_t i) {
    return i >= text.size() || text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n';
}

// Columns (bytes from the line start, as the loader counts them) where a block
// collection could begin. Wider columns are not worth tracking: such files
// take the event pass.
class column_set {
public:
    static constexpr std::size_t widest = 1024;
    bool add(std::size_t column) {
        if (column >= widest) return false;
        if (!seen_[column]) {
            seen_[column] = true;
            ++count_;
        }
        return true;
    }
    [[nodiscard]] std::size_t count() const { return count_; }

private:
    std::vector<bool> seen_ = std::vector<bool>(widest);
    std::size_t count_ = 0;
};

// libyaml (as yaml-cpp before it) opens a block collection only at a column
// deeper than the enclosing one, or at the same column for a list directly in
// a mapping (an indentless sequence). So the block collections around any node number at most
// the distinct columns where one can start, plus the columns of `- ` entries.
// One starts at a `-`, `?` or `:` indicator or at a key, and a key starts
// where a token may begin a simple key: the first non-blank of a line or the
// first non-blank after an indicator. The one exception is a `: ` where a
// node is expected (first on its line, or right after an indicator or an
// opening bracket): the parser makes it a mapping at any column, one level per
// such `:`, so those are counted too. The bound counts them all, even inside
// quoted text, so it can only be too high.
std::optional<std::size_t> block_depth_bound(std::string_view text, std::size_t budget) {
    column_set starts;
    column_set entries;
    std::size_t keyless_values = 0;
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        auto line_end = text.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = text.size();
        const auto line = text.substr(line_start, line_end - line_start);
        const auto first_non_space = line.find_first_not_of(' ');
        if (first_non_space != std::string_view::npos) {
            if (!starts.add(first_non_space) || !starts.add(line.find_first_not_of(" \t") == std::string_view::npos
                                                                 ? first_non_space
                                                                 : line.find_first_not_of(" \t")))
                return std::nullopt;
        }
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if ((c != '-' && c != '?' && c != ':') || !blank_or_break(text, line_start + i + 1)) continue;
            if (!starts.add(i) || (c == '-' && !entries.add(i))) return std::nullopt;
            if (c == ':') {
                const auto before = i == 0 ? std::string_view::npos : line.find_last_not_of(" \t", i - 1);
                if (before == std::string_view::npos || std::string_view("-?:[{,").find(line[before]) != std::string_view::npos)
                    ++keyless_values;
            }
            for (const auto* skipped : {" ", " \t"}) {
                const auto next = line.find_first_not_of(skipped, i + 1);
                if (next != std::string_view::npos && !starts.add(next)) return std::nullopt;
            }
        }
        if (starts.count() + entries.count() + keyless_values > budget) return std::nullopt;
        line_start = line_end + 1;
    }
    return starts.count() + entries.count() + keyless_values;
}

// How deeply `[` and `{` can nest. A closing bracket only counts while no
// quote, comment or tag has appeared inside brackets: those can hide a `]`
// that closes nothing, and then the count keeps every bracket open. Outside
// brackets a stray `]` changes nothing (the count stays at zero).
std::size_t flow_depth_bound(std::string_view text) {
    std::size_t open = 0;
    std::size_t deepest = 0;
    bool closers_trusted = true;
    for (const char c : text) {
        if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++open);
        } else if ((c == ']' || c == '}') && closers_trusted && open > 0) {
            --open;
        } else if ((c == '"' || c == '\'' || c == '#' || c == '!') && open > 0) {
            closers_trusted = false;
        }
    }
    return deepest;
}

bool is_key_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_key_char(char c) { return is_key_start(c) || (c >= '0' && c <= '9') || c == '-'; }

// Several documents are counted afresh each (and yaml-cpp, the parser before
// libyaml, reported an empty document for a stray `,` or `?` again and again:
// events without end, which only the event pass stopped). That cannot happen when the first thing in the file is a plain
// key at column 0 and no line starts a new document or a directive: the root
// is then a block mapping that no later line can close (nothing is left of
// column 0), so every token is taken inside it or fails it.
bool one_block_mapping(std::string_view text) {
    bool seen_key = false;
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        auto line_end = text.find('\n', line_start);
        if (line_end == std::string_view::npos) line_end = text.size();
        auto line = text.substr(line_start, line_end - line_start);
        line_start = line_end + 1;
        if (line.starts_with('%') || line.starts_with("---") || line.starts_with("...")) return false;
        if (seen_key) continue;
        if (line.ends_with('\r')) line.remove_suffix(1);
        const auto first = line.find_first_not_of(' ');
        if (first == std::string_view::npos || line[first] == '#') continue;  // blank or comment
        if (!is_key_start(line[0])) return false;
        std::size_t end = 1;
        while (end < line.size() && is_key_char(line[end])) ++end;
        if (end >= line.size() || line[end] != ':' || (end + 1 < line.size() && line[end + 1] != ' ' && line[end + 1] != '\t'))
            return false;
        seen_key = true;
    }
    return seen_key;
}

}  // namespace

bool surely_within_limits(std::string_view text, const load_limits& limits) {
    if (!one_block_mapping(text)) return false;

    // Within one document every node the parser reports is started or implied
    // by a non-blank byte (an indicator, a bracket, a scalar's first byte);
    // none yields more than two (`-` alone is a list holding a null). Four per
    // byte leaves margin.
    std::size_t non_blank = 0;
    for (const char c : text)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') ++non_blank;
    if (limits.max_nodes < 4 || non_blank > (limits.max_nodes - 4) / 4) return false;

    // In a flow collection, a `[` may hold a one-pair mapping (`[a: b]`): two levels per bracket.
    const std::size_t depth_budget = max_depth_of(limits);
    const std::size_t flow = 2 * flow_depth_bound(text);
    if (flow >= depth_budget) return false;
    const auto block = block_depth_bound(text, depth_budget - flow);
    return block && *block + flow <= depth_budget;
}

}  // namespace closeplan::load::detail
