// SPDX-License-Identifier: MIT
// The one owner of kainjow/mustache: compiles, checks and renders templates.
#include "render/template_engine.hpp"

#include <kainjow/mustache.hpp>

#include <cctype>

#include "render/escape.hpp"
#include "render/template_check.hpp"

namespace closeplan::render {
namespace {

namespace mst = kainjow::mustache;

// kainjow reports 'Unclosed section "x" at 6': a message and a byte offset.
struct parse_error {
    std::string message;
    std::size_t offset = 0;
    std::vector<std::string> hints;
};

parse_error describe_parse_error(const std::string& raw) {
    parse_error e;
    std::string message = raw;
    const auto at = raw.rfind(" at ");
    if (at != std::string::npos && at + 4 < raw.size() &&
        std::isdigit(static_cast<unsigned char>(raw[at + 4]))) {
        e.offset = static_cast<std::size_t>(std::stoull(raw.substr(at + 4)));
        message = raw.substr(0, at);
    }
    std::string name;
    if (const auto q1 = message.find('"'); q1 != std::string::npos) {
        const auto q2 = message.find('"', q1 + 1);
        if (q2 != std::string::npos) {
            name = message.substr(q1 + 1, q2 - q1 - 1);
            message = message.substr(0, q1) + "`" + name + "`" + message.substr(q2 + 1);
        }
    }
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    if (raw.starts_with("Unclosed section")) e.hints = {"close it with {{/" + name + "}} (sections close in the order they open)"};
    else if (raw.starts_with("Unopened section")) e.hints = {"remove {{/" + name + "}} or open the section with {{#" + name + "}}"};
    else if (raw.starts_with("Unclosed tag")) e.hints = {"end the tag with }} (or }}} after {{{)"};
    else if (raw.starts_with("Invalid set delimiter")) e.hints = {"write delimiter changes as {{=<% %>=}}"};
    e.message = "template syntax: " + message;
    return e;
}

bool check_syntax(const resource_text& source, diagnostic_sink& diags) {
    const mst::mustache compiled{source.text};
    if (compiled.is_valid()) return true;
    const auto e = describe_parse_error(compiled.error_message());
    diags.error("T402", e.message, locate_offset(source.text, e.offset, source.origin), e.hints);
    return false;
}

mst::data to_data(const template_value& v) {
    switch (v.type) {
        case template_value::kind::text:
        case template_value::kind::fragment:
            return mst::data{v.value};
        case template_value::kind::flag:
            return mst::data{v.on ? mst::data::type::bool_true : mst::data::type::bool_false};
        case template_value::kind::list: {
            mst::data list{mst::data::type::list};
            for (const auto& item : v.items) list.push_back(to_data(item));
            return list;
        }
        case template_value::kind::object: {
            mst::data object{mst::data::type::object};
            for (const auto& [name, member] : v.members) object.set(name, to_data(member));
            return object;
        }
    }
    return mst::data{mst::data::type::bool_false};
}

std::function<std::string(const std::string&)> escaper(template_format format) {
    switch (format) {
        case template_format::html: return [](const std::string& s) { return escape_html(s); };
        case template_format::markdown: return [](const std::string& s) { return escape_markdown_cell(s); };
        case template_format::css: return [](const std::string& s) { return escape_css_value(s); };
    }
    return [](const std::string& s) { return escape_html(s); };
}

std::optional<detail::partial_texts> check_all(const resource_text& source, template_format format,
                                               const template_value& context, const template_set& templates,
                                               diagnostic_sink& diags) {
    if (!check_syntax(source, diags)) return std::nullopt;
    const detail::syntax_check syntax = [&diags](const resource_text& partial) { return check_syntax(partial, diags); };
    return detail::check_tags(source, format, context, templates, syntax, diags);
}

}  // namespace

std::string_view template_extension(template_format format) {
    switch (format) {
        case template_format::html: return "html";
        case template_format::markdown: return "md";
        case template_format::css: return "css";
    }
    return "";
}

bool check_template(const resource_text& source, template_format format, const template_value& context,
                    const template_set& templates, diagnostic_sink& diags) {
    return check_all(source, format, context, templates, diags).has_value();
}

std::optional<std::string> render_template(const resource_text& source, template_format format,
                                           const template_value& context, const template_set& templates,
                                           diagnostic_sink& diags) {
    const auto partials = check_all(source, format, context, templates, diags);
    if (!partials) return std::nullopt;

    mst::data data = to_data(context);
    // The checker made sure no partial name is also a variable name.
    for (const auto& [name, text] : *partials) data.set(name, mst::data{text});

    // A fresh object per render: a failing partial would poison a shared one.
    mst::mustache compiled{source.text};
    compiled.set_custom_escape(escaper(format));
    std::string out = compiled.render(data);
    if (!compiled.is_valid()) {
        const auto e = describe_parse_error(compiled.error_message());
        diags.error("T402", "template failed while rendering: " + e.message, {source.origin, 0, 0, {}}, e.hints);
        return std::nullopt;
    }
    return out;
}

}  // namespace closeplan::render
