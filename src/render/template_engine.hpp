// SPDX-License-Identifier: MIT
// Mustache templates, compiled and checked against the names the renderer provides.
//
// Every tag a template uses is checked before rendering: a name the context
// does not have, or a name used the wrong way (plain text in triple braces,
// a pre-rendered fragment in double braces), is a located error (T405),
// because kainjow/mustache would silently render it as "".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "render/template_set.hpp"

namespace closeplan::render {

/// How a template's {{variables}} are escaped; also names its partials
/// ({{>name}} in an html template is the file name.html.mustache).
enum class template_format { html, markdown, css };

/// The file extension part of a template name: "html", "md", "css".
std::string_view template_extension(template_format format);

/// One value of a template context. Only strings, flags, lists and objects
/// exist: numbers are formatted by the renderer before they get here.
struct template_value {
    enum class kind {
        text,      ///< escaped on output: {{name}}
        fragment,  ///< output the renderer produced itself, inserted raw: {{{name}}}
        flag,      ///< {{#name}}…{{/name}} and {{^name}}…{{/name}}
        list,      ///< {{#name}}…{{/name}} once per item
        object,    ///< members reachable as name.member or inside {{#name}}
    };

    kind type = kind::object;
    std::string value;  ///< text and fragment
    bool on = false;    ///< flag
    std::vector<template_value> items;  ///< list items (each an object)
    /// object: its members; list: the members every item has (the shape
    /// templates are checked against, even when the list is empty).
    std::map<std::string, template_value, std::less<>> members;

    static template_value text(std::string s) { return {kind::text, std::move(s), false, {}, {}}; }
    static template_value fragment(std::string s) { return {kind::fragment, std::move(s), false, {}, {}}; }
    static template_value flag(bool b) { return {kind::flag, {}, b, {}, {}}; }
    static template_value object() { return {}; }
    /// A list whose items have the members of `shape` (an object).
    static template_value list(const template_value& shape) { return {kind::list, {}, false, {}, shape.members}; }

    /// Sets a member (objects) and returns *this for chaining.
    template_value& set(std::string name, template_value v) {
        members.insert_or_assign(std::move(name), std::move(v));
        return *this;
    }
};

/// Checks the syntax (T402) and every tag (T405) of `source` against the
/// names `context` provides, following {{>partials}} found in `templates`.
/// Returns false after reporting located errors.
bool check_template(const resource_text& source, template_format format, const template_value& context,
                    const template_set& templates, diagnostic_sink& diags);

/// Checks, then renders `source` with `context`. Returns nullopt after
/// reporting errors. Variables are escaped for `format`: HTML entities,
/// Markdown backslashes (single line), or CSS-safe characters only.
std::optional<std::string> render_template(const resource_text& source, template_format format,
                                           const template_value& context, const template_set& templates,
                                           diagnostic_sink& diags);

/// 1-based line and column (in bytes) of a byte offset in `text`.
source_location locate_offset(std::string_view text, std::size_t offset, const std::string& file);

}  // namespace closeplan::render
