// SPDX-License-Identifier: MIT
// Pieces shared by the YAML and JSON loaders (private to src/load).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "load/load_document.hpp"
#include "load/raw_tree.hpp"
#include "load/yaml_graph.hpp"

namespace closeplan::load::detail {

/// Maps byte offsets to 1-based line and byte column. Lines end at '\n', so
/// LF and CRLF files count alike (a lone CR does not end a line, as editors show).
class line_index {
public:
    explicit line_index(std::string_view text);
    /// {line, column}; an offset past the end is the position just after the last byte.
    [[nodiscard]] std::pair<int, int> position(std::size_t offset) const;

private:
    std::vector<std::size_t> starts_;
    std::size_t size_ = 0;
};

/// Location at a byte offset of `text` in `file`.
source_location location_at(const line_index& lines, const std::string& file, std::size_t offset,
                            std::string pointer = {});

/// JSON Pointer of a member or item below `base` (RFC 6901: `~` is `~0`, `/` is `~1`).

/// Text for a message: in double quotes, control characters escaped, long text shortened.
std::string quote(std::string_view text);

/// Collections nested deeper than this are refused whatever the limits say:
/// raw_node is built and freed recursively.
inline constexpr std::size_t hard_max_depth = 256;

[[nodiscard]] inline std::size_t max_depth_of(const load_limits& limits) {
    return limits.max_depth < hard_max_depth ? limits.max_depth : hard_max_depth;
}

/// L105; `size` is nullopt when only "more than the limit" is known (a pipe).
void report_too_large(diagnostic_sink& diags, const std::string& file, const load_limits& limits,
                      std::optional<std::size_t> size);
void report_duplicate_key(diagnostic_sink& diags, std::string_view key, const source_location& first,
                          source_location second);
/// Whether the node limit was passed by the text itself or by expanding YAML aliases.
enum class expansion { none, aliases };
void report_too_many_nodes(diagnostic_sink& diags, const load_limits& limits, source_location where,
                           expansion cause);
void report_too_deep(diagnostic_sink& diags, const load_limits& limits, source_location where);

/// Size, encoding and NUL checks that come before any parsing. `text` still
/// holds its byte-order mark, if any. False when the file must not be parsed.
bool check_text(std::string_view text, const std::string& file, diagnostic_sink& diags,
                const load_limits& limits);

/// Parses every YAML document of `text` into node graphs in one pass,
/// enforcing limits.max_nodes (without alias expansion) and limits.max_depth
/// on the events as they come (unless surely_within_limits proves them), and
/// reporting syntax errors. Nullopt when the text must not be loaded.
std::optional<std::vector<yaml_document>> parse_yaml_within_limits(std::string_view text, const std::string& file,
                                                                   diagnostic_sink& diags, const load_limits& limits);

/// True when a byte scan proves that `text` has at most limits.max_nodes
/// values and limits.max_depth levels, so counting the events cannot stop
/// it. False means "not proven", not "too large".
bool surely_within_limits(std::string_view text, const load_limits& limits);

/// Parsers proper; `text` has passed check_text and has no byte-order mark.
std::optional<raw_node> load_yaml(std::string_view text, const std::string& file, diagnostic_sink& diags,
                                  const load_limits& limits);
std::optional<raw_node> load_json(std::string_view text, const std::string& file, diagnostic_sink& diags,
                                  const load_limits& limits);

/// Replaces C0/C1 control characters (not tab, line feed or CRLF) in every
/// scalar and key with U+FFFD, one warning (L113) per value.
void replace_control_characters(raw_node& root, diagnostic_sink& diags);

}  // namespace closeplan::load::detail
