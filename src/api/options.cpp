// SPDX-License-Identifier: MIT
// The public enums' names, read from the tables that own them: the output
// formats (render/registry.cpp), the sections (view/section_table.cpp), paper
// and fit (render/paper.cpp) and the PDF standards (render/pdf_standard.cpp).
// Each enum is an index into its table; tests/unit/api/api_options_test.cpp
// checks that every table and its enum agree.
#include "closeplan/options.hpp"

#include <algorithm>
#include <span>

#include "render/paper.hpp"
#include "render/pdf_standard.hpp"
#include "render/render.hpp"
#include "view/section_table.hpp"

namespace closeplan {
inline namespace v0 {

namespace {

template <class Names>
std::string_view at(const Names& names, std::size_t index) {
    return index < names.size() ? std::string_view(names[index]) : std::string_view();
}

template <class Enum, class Names>
std::optional<Enum> find(const Names& names, std::string_view name) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (!name.empty() && std::string_view(names[i]) == name) return static_cast<Enum>(i);
    return std::nullopt;
}

std::vector<std::string_view> format_names() {
    std::vector<std::string_view> names;
    for (const auto& f : render::output_formats()) names.push_back(f.name);
    return names;
}

std::vector<std::string_view> standard_names() {
    std::vector<std::string_view> names;
    for (const auto& v : render::pdf_standard_values()) names.push_back(v.name);
    return names;
}

const std::vector<std::string>& section_keys() { return view::section_keys(); }

}  // namespace

std::string_view name_of(format value) {
    static const auto names = format_names();
    return at(names, static_cast<std::size_t>(value));
}
std::string_view name_of(paper value) { return at(render::paper_names(), static_cast<std::size_t>(value)); }
std::string_view name_of(fit value) { return at(render::fit_names(), static_cast<std::size_t>(value)); }
std::string_view name_of(section value) { return at(section_keys(), static_cast<std::size_t>(value)); }
std::string_view name_of(pdf_standard value) {
    static const auto names = standard_names();
    return at(names, static_cast<std::size_t>(value));
}

template <>
std::optional<format> value_named<format>(std::string_view name) {
    static const auto names = format_names();
    return find<format>(names, name);
}
template <>
std::optional<paper> value_named<paper>(std::string_view name) {
    return find<paper>(render::paper_names(), name);
}
template <>
std::optional<fit> value_named<fit>(std::string_view name) {
    return find<fit>(render::fit_names(), name);
}
template <>
std::optional<section> value_named<section>(std::string_view name) {
    return find<section>(section_keys(), name);
}
template <>
std::optional<pdf_standard> value_named<pdf_standard>(std::string_view name) {
    static const auto names = standard_names();
    return find<pdf_standard>(names, name);
}

std::vector<std::string> output_formats() {
    std::vector<std::string> names;
    for (const auto& f : render::output_formats()) names.push_back(f.name);
    return names;
}

std::vector<std::string> section_names() { return section_keys(); }

std::vector<std::string> paper_names() {
    const auto names = render::paper_names();
    return {names.begin(), names.end()};
}

}  // namespace v0
}  // namespace closeplan
