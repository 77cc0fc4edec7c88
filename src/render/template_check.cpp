// SPDX-License-Identifier: MIT
// Checking every tag of a Mustache template against the names its context provides.
#include "render/template_check.hpp"

#include <algorithm>
#include <cctype>

namespace closeplan::render::detail {
namespace {

using members_map = std::map<std::string, template_value, std::less<>>;
using kind = template_value::kind;

std::string trim(std::string_view s) {
    // Same rule as kainjow's trim(), so names match what it looks up.
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    return std::string(s.substr(b, e - b));
}

bool parse_set_delimiter(const std::string& contents, std::string& begin, std::string& end) {
    if (contents.size() < 5 || contents.back() != '=') return false;
    const std::string inner = trim(std::string_view(contents).substr(1, contents.size() - 2));
    const auto space = inner.find(' ');
    if (space == std::string::npos) return false;
    const auto next = inner.find_first_not_of(' ', space + 1);
    if (next == std::string::npos) return false;
    begin = inner.substr(0, space);
    end = inner.substr(next);
    return true;
}

std::string_view kind_name(kind k) {
    switch (k) {
        case kind::text: return "text";
        case kind::fragment: return "pre-rendered output";
        case kind::flag: return "a flag";
        case kind::list: return "a list";
        case kind::object: return "a group of values";
    }
    return "";
}

// Frames of the section stack: the members visible at that depth (nullptr
// for a flag or inverted section, which add no names).
using frames = std::vector<const members_map*>;

const template_value* find_path(const members_map& scope, std::string_view name) {
    const members_map* current = &scope;
    const template_value* found = nullptr;
    std::size_t start = 0;
    while (true) {
        const auto dot = name.find('.', start);
        const std::string_view part = name.substr(start, dot == std::string_view::npos ? dot : dot - start);
        if (current == nullptr) return nullptr;
        const auto it = current->find(part);
        if (it == current->end()) return nullptr;
        found = &it->second;
        if (dot == std::string_view::npos) return found;
        current = found->type == kind::object ? &found->members : nullptr;
        start = dot + 1;
    }
}

const template_value* resolve(std::string_view name, const frames& stack) {
    // kainjow tries the whole dotted path in each scope, innermost first.
    for (auto it = stack.rbegin(); it != stack.rend(); ++it)
        if (*it != nullptr)
            if (const auto* v = find_path(**it, name)) return v;
    return nullptr;
}

void collect_names(const members_map& scope, const std::string& prefix, int depth, std::vector<std::string>& out) {
    for (const auto& [name, value] : scope) {
        out.push_back(prefix + name);
        if (value.type == kind::object && depth < 3) collect_names(value.members, prefix + name + ".", depth + 1, out);
    }
}

std::vector<std::string> visible_names(const frames& stack) {
    std::vector<std::string> names;
    for (const auto* frame : stack)
        if (frame != nullptr) collect_names(*frame, "", 0, names);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

bool valid_partial_name(std::string_view name) {
    return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

class checker {
public:
    checker(template_format format, const template_set& templates, const parse_tags& parse, diagnostic_sink& diags)
        : format_(format), templates_(templates), parse_(parse), diags_(diags) {}

    bool check(const resource_text& source, const std::vector<template_tag>& tags, frames& stack) {
        const bool ok_before = ok_;
        const std::size_t base_depth = stack.size();
        for (const auto& tag : tags) check_tag(source, tag, stack);
        stack.resize(base_depth);
        return ok_ && ok_before;
    }

    [[nodiscard]] bool ok() const { return ok_; }
    partial_texts take_partials() { return std::move(partials_); }

private:
    void fail(const resource_text& source, const template_tag& tag, std::string message, std::vector<std::string> hints) {
        ok_ = false;
        diags_.error("T405", std::move(message), locate_offset(source.text, tag.offset, source.origin), std::move(hints));
    }

    std::vector<std::string> unknown_hints(std::string_view name, const frames& stack) const {
        const auto names = visible_names(stack);
        if (auto near = closest_name(name, names)) return {"did you mean `" + *near + "`?"};
        std::string list;
        for (std::size_t i = 0; i < names.size() && i < 16; ++i) list += (i ? ", " : "") + names[i];
        if (names.size() > 16) list += ", …";
        return {"names available here: " + list};
    }

    void check_tag(const resource_text& source, const template_tag& tag, frames& stack) {
        using tk = template_tag::kind;
        switch (tag.type) {
            case tk::comment:
            case tk::set_delimiter:
                return;
            case tk::section_end:
                if (stack.size() > 1) stack.pop_back();
                return;
            case tk::partial:
                check_partial(source, tag, stack);
                return;
            case tk::variable:
            case tk::unescaped:
                check_variable(source, tag, stack);
                return;
            case tk::section:
            case tk::inverted:
                check_section(source, tag, stack);
                return;
        }
    }

    void check_variable(const resource_text& source, const template_tag& tag, const frames& stack) {
        const bool raw = tag.type == template_tag::kind::unescaped;
        const auto* v = resolve(tag.name, stack);
        if (v == nullptr) {
            fail(source, tag, "unknown template variable `" + tag.name + "`", unknown_hints(tag.name, stack));
            return;
        }
        if (v->type == kind::text && raw) {
            fail(source, tag, "`" + tag.name + "` is text and must be escaped",
                 {"write {{" + tag.name + "}}: only output closeplan rendered itself goes in triple braces"});
        } else if (v->type == kind::fragment && !raw) {
            fail(source, tag, "`" + tag.name + "` is already rendered and would be escaped twice",
                 {"write {{{" + tag.name + "}}}"});
        } else if (v->type != kind::text && v->type != kind::fragment) {
            fail(source, tag, "`" + tag.name + "` is " + std::string(kind_name(v->type)) + ", not a value to print",
                 {"use it as a section: {{#" + tag.name + "}}…{{/" + tag.name + "}}"});
        }
    }

    void check_section(const resource_text& source, const template_tag& tag, frames& stack) {
        const auto* v = resolve(tag.name, stack);
        if (v == nullptr) {
            fail(source, tag, "unknown template section `" + tag.name + "`", unknown_hints(tag.name, stack));
            stack.push_back(nullptr);
            return;
        }
        if (v->type == kind::text || v->type == kind::fragment) {
            fail(source, tag, "`" + tag.name + "` is " + std::string(kind_name(v->type)) + ", not a list or a flag",
                 {"print it with {{" + tag.name + "}}, or test a has.* flag"});
            stack.push_back(nullptr);
            return;
        }
        const bool enters = tag.type == template_tag::kind::section && v->type != kind::flag;
        stack.push_back(enters ? &v->members : nullptr);
    }

    void check_partial(const resource_text& source, const template_tag& tag, frames& stack) {
        if (!valid_partial_name(tag.name)) {
            fail(source, tag, "invalid partial name `" + tag.name + "`", {"partial names use letters, digits, - and _"});
            return;
        }
        if (resolve(tag.name, stack) != nullptr) {
            fail(source, tag, "partial `" + tag.name + "` has the name of a template variable",
                 {"rename the partial file"});
            return;
        }
        const std::string file = tag.name + "." + std::string(template_extension(format_)) + ".mustache";
        if (std::find(including_.begin(), including_.end(), tag.name) != including_.end()) {
            fail(source, tag, "partial `" + tag.name + "` includes itself", {"remove the {{>" + tag.name + "}} loop"});
            return;
        }
        const auto text = templates_.find(file);
        if (!text) {
            fail(source, tag, "unknown partial `" + tag.name + "`", {"add the file " + file + " to the template folder"});
            return;
        }
        const auto tags = parse_(*text);
        if (!tags) {
            ok_ = false;
            return;
        }
        partials_.insert_or_assign(tag.name, text->text);
        including_.push_back(tag.name);
        check(*text, *tags, stack);
        including_.pop_back();
    }

    template_format format_;
    const template_set& templates_;
    const parse_tags& parse_;
    diagnostic_sink& diags_;
    partial_texts partials_;
    std::vector<std::string> including_;
    bool ok_ = true;
};

}  // namespace

std::vector<template_tag> scan_template_tags(std::string_view text) {
    std::vector<template_tag> tags;
    std::string begin = "{{";
    std::string end = "}}";
    bool brace = true;
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (text.compare(pos, begin.size(), begin) != 0) {
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        std::size_t contents_at = start + begin.size();
        const bool triple = brace && start != text.size() - 2 && contents_at < text.size() && text[contents_at] == begin[0];
        const std::string closing = triple ? std::string("}}}") : end;
        if (triple) ++contents_at;
        const std::size_t close_at = text.find(closing, contents_at);
        if (close_at == std::string_view::npos) break;  // kainjow reports this as a syntax error
        const std::string contents = trim(text.substr(contents_at, close_at - contents_at));
        pos = close_at + closing.size();

        template_tag tag;
        tag.offset = start;
        if (!contents.empty() && contents[0] == '=') {
            std::string new_begin;
            std::string new_end;
            if (!parse_set_delimiter(contents, new_begin, new_end)) break;
            begin = new_begin;
            end = new_end;
            brace = begin == "{{" && end == "}}";
            tag.type = template_tag::kind::set_delimiter;
        } else if (triple) {
            tag.type = template_tag::kind::unescaped;
            tag.name = contents;
        } else if (contents.empty()) {
            tag.type = template_tag::kind::variable;
        } else {
            using tk = template_tag::kind;
            switch (contents[0]) {
                case '#': tag.type = tk::section; break;
                case '^': tag.type = tk::inverted; break;
                case '/': tag.type = tk::section_end; break;
                case '>': tag.type = tk::partial; break;
                case '&': tag.type = tk::unescaped; break;
                case '!': tag.type = tk::comment; break;
                default: tag.type = tk::variable; break;
            }
            tag.name = tag.type == tk::variable ? contents : trim(std::string_view(contents).substr(1));
        }
        tags.push_back(std::move(tag));
    }
    return tags;
}

std::optional<partial_texts> check_tags(const resource_text& source, const std::vector<template_tag>& tags,
                                        template_format format, const template_value& context,
                                        const template_set& templates, const parse_tags& parse,
                                        diagnostic_sink& diags) {
    checker c(format, templates, parse, diags);
    frames stack{&context.members};
    if (!c.check(source, tags, stack)) return std::nullopt;
    return c.take_partials();
}

std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& candidates) {
    // Optimal string alignment distance: a swapped pair of letters counts once.
    const auto distance = [](std::string_view a, std::string_view b) {
        std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
        for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
        for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
        for (std::size_t i = 1; i <= a.size(); ++i)
            for (std::size_t j = 1; j <= b.size(); ++j) {
                const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        return d[a.size()][b.size()];
    };
    // Short words are close to everything: only suggest when most of the word survives.
    const std::size_t limit = std::min(std::max<std::size_t>(2, word.size() / 3), word.size() > 0 ? word.size() - 1 : 0);
    std::optional<std::string> best;
    std::size_t best_distance = limit + 1;
    for (const auto& candidate : candidates) {
        const std::size_t dist = distance(word, candidate);
        if (dist < best_distance) {
            best_distance = dist;
            best = candidate;
        }
    }
    return best;
}

}  // namespace closeplan::render::detail

namespace closeplan::render {

source_location locate_offset(std::string_view text, std::size_t offset, const std::string& file) {
    offset = std::min(offset, text.size());
    source_location where;
    where.file = file;
    where.line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++where.line;
            line_start = i + 1;
        }
    where.column = static_cast<int>(offset - line_start) + 1;
    return where;
}

}  // namespace closeplan::render
