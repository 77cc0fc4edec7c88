// SPDX-License-Identifier: MIT
// Escaping untrusted text for each output format, and the URL rules for links.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace closeplan::render {

/// HTML text and double-quoted attribute values: & < > " ' become entities.
std::string escape_html(std::string_view text);

/// escape_html(text) appended to `out`, with no string in between.
void append_escaped_html(std::string& out, std::string_view text);

/// A value for a double-quoted HTML attribute: escape_html, plus control
/// characters and newlines become spaces (attribute values stay one line).
std::string escape_html_attribute(std::string_view text);

/// Text in Markdown prose (GFM). Backslash-escapes every character that could
/// start inline syntax (\ ` * _ [ ] < > # | ~ & and the : of "scheme:" / the .
/// of "www." that GFM autolinks) and block markers at the start of a line
/// ("-", "+", "=", "1." "1)"), so data can never form a link, HTML, emphasis,
/// a table or a heading. GFM still turns a bare e-mail address into a mailto
/// link; mailto is an allowed scheme, so that is left alone.
std::string escape_markdown(std::string_view text);

/// Text in one GFM table cell (or any single-line position): escape_markdown,
/// with newlines and tabs turned into spaces.
std::string escape_markdown_cell(std::string_view text);

/// Appends escape_markdown_cell(text) (`single_line`) or escape_markdown(text)
/// to `out`: text with nothing to escape, most of it, goes in with one append.
void append_escaped_markdown(std::string& out, std::string_view text, bool single_line);

/// Escapes block markers at the start of every line of already escaped or
/// generated Markdown inline text (a "-" or "1." that begins a line after a
/// break). Text already starting with a backslash is left alone.
std::string escape_markdown_line_starts(std::string_view markdown);

/// True for the link targets closeplan ever writes: absolute http:// and
/// https:// URLs and mailto:, with no control characters.
bool is_allowed_url(std::string_view url);

/// The value of an href attribute for `url` (already attribute-escaped), or
/// nullopt when the URL is not allowed. Spaces, quotes, < > ` and \ are
/// percent-encoded.
std::optional<std::string> html_href(std::string_view url);

/// A Markdown link destination for `url`, or nullopt when the URL is not
/// allowed: ( ) < > | \ spaces and quotes are percent-encoded so the
/// destination ends where it should, even inside a table cell.
std::optional<std::string> markdown_link_destination(std::string_view url);

/// A Markdown code span for `code` (single line): the backtick fence is longer
/// than any backtick run inside; in a table cell pipes are escaped as GFM wants.
std::string markdown_code_span(std::string_view code, bool in_table_cell);

/// The fence for a fenced code block holding `code`: at least three backticks,
/// and more than the longest backtick run inside.
std::string markdown_code_fence(std::string_view code);

/// A token safe to use in an HTML class or id: [a-z0-9_-], others become "-".
std::string css_identifier(std::string_view text);
/// css_identifier(text) appended to `out`.
void append_css_identifier(std::string& out, std::string_view text);

/// A style value inside a CSS rule: keeps only characters that appear in
/// colours, lengths and font stacks, so nothing can end the rule or the
/// <style> element.
std::string escape_css_value(std::string_view text);

}  // namespace closeplan::render
