// SPDX-License-Identifier: MIT
// Checking every tag of a Mustache template against the context's names (internal to render/).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "render/template_engine.hpp"

namespace closeplan::render::detail {

struct template_tag {
    enum class kind { variable, unescaped, section, inverted, section_end, partial, comment, set_delimiter };
    kind type = kind::variable;
    std::string name;
    std::size_t offset = 0;  ///< byte offset of the opening delimiter
};

/// The tags of a template kainjow/mustache has accepted, found the same way
/// its parser finds them (delimiter changes and {{{ }}} included).
std::vector<template_tag> scan_template_tags(std::string_view text);

/// The tags of `source` once kainjow has parsed it (possibly cached); reports
/// T402 and returns nullptr when kainjow cannot parse it.
using template_tags = std::shared_ptr<const std::vector<template_tag>>;
using parse_tags = std::function<template_tags(const resource_text& source)>;

/// The partials a template uses: name -> template text.
using partial_texts = std::map<std::string, std::string, std::less<>>;

/// Checks every tag of `source` (`tags`, as parse_tags gave them) and of the
/// partials it includes against `context`; reports each problem as T405
/// (T402 for partial syntax). Returns the partials to hand to the renderer,
/// or nullopt on any error.
std::optional<partial_texts> check_tags(const resource_text& source, const std::vector<template_tag>& tags,
                                        template_format format, const template_value& context,
                                        const template_set& templates, const parse_tags& parse,
                                        diagnostic_sink& diags);

/// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace closeplan::render::detail
