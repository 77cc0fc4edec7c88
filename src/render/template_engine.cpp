// SPDX-License-Identifier: MIT
// The one owner of kainjow/mustache: compiles, checks and renders templates.
#include "render/template_engine.hpp"

#include <kainjow/mustache.hpp>

#include <cctype>
#include <map>
#include <memory>

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

void report_syntax(const resource_text& source, const std::string& raw, diagnostic_sink& diags) {
    const auto e = describe_parse_error(raw);
    diags.error("T402", e.message, locate_offset(source.text, e.offset, source.origin), e.hints);
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

// A template kainjow accepted, ready to render in its format, with its tags.
struct compiled_template {
    mst::mustache tree;
    std::vector<detail::template_tag> tags;
};
using compiled_ptr = std::shared_ptr<compiled_template>;

std::string cache_key(const resource_text& source, template_format format) {
    std::string key(template_extension(format));
    key += '\n' + source.origin + '\n' + source.text;
    return key;
}

// Parsing is most of a render (the page CSS alone is 11 KB), and batch and
// library callers render the same few templates thousands of times. Each
// thread keeps its own parsed copies because kainjow's render writes into the
// object (its error state); keyed by the whole text, so an edited user
// template is parsed afresh. Templates that do not parse are not kept: their
// error is reported again on every use.
std::map<std::string, compiled_ptr, std::less<>>& thread_cache() {
    thread_local std::map<std::string, compiled_ptr, std::less<>> cache;
    return cache;
}

compiled_ptr compiled_for(const resource_text& source, template_format format, diagnostic_sink& diags) {
    auto& cache = thread_cache();
    auto key = cache_key(source, format);
    if (const auto found = cache.find(key); found != cache.end()) return found->second;
    auto entry = std::make_shared<compiled_template>(compiled_template{mst::mustache{source.text}, {}});
    if (!entry->tree.is_valid()) {
        report_syntax(source, entry->tree.error_message(), diags);
        return nullptr;
    }
    entry->tree.set_custom_escape(escaper(format));
    entry->tags = detail::scan_template_tags(source.text);
    // Many --template-dir folders in one long-lived process must not grow it without end.
    if (cache.size() >= 64) cache.clear();
    cache.emplace(std::move(key), entry);
    return entry;
}

// A failing partial leaves its error in the parent's tree: parse it again next time.
void forget(const resource_text& source, template_format format) { thread_cache().erase(cache_key(source, format)); }

std::optional<detail::partial_texts> check_all(const resource_text& source, const compiled_template& root,
                                               template_format format, const template_value& context,
                                               const template_set& templates, diagnostic_sink& diags) {
    const detail::parse_tags parse = [format, &diags](const resource_text& partial) -> detail::template_tags {
        auto entry = compiled_for(partial, format, diags);
        return entry ? detail::template_tags(entry, &entry->tags) : nullptr;
    };
    return detail::check_tags(source, root.tags, format, context, templates, parse, diags);
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
    const auto root = compiled_for(source, format, diags);
    return root && check_all(source, *root, format, context, templates, diags).has_value();
}

std::optional<std::string> render_template(const resource_text& source, template_format format,
                                           const template_value& context, const template_set& templates,
                                           diagnostic_sink& diags) {
    const auto root = compiled_for(source, format, diags);
    if (!root) return std::nullopt;
    const auto partials = check_all(source, *root, format, context, templates, diags);
    if (!partials) return std::nullopt;

    mst::data data = to_data(context);
    // The checker made sure no partial name is also a variable name.
    for (const auto& [name, text] : *partials) data.set(name, mst::data{text});

    std::string out = root->tree.render(data);
    if (!root->tree.is_valid()) {
        const auto e = describe_parse_error(root->tree.error_message());
        forget(source, format);
        diags.error("T402", "template failed while rendering: " + e.message, {source.origin, 0, 0, {}}, e.hints);
        return std::nullopt;
    }
    return out;
}

}  // namespace closeplan::render
