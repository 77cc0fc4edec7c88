// SPDX-License-Identifier: MIT
// The one owner of kainjow/mustache: compiles, checks and renders templates.
#include "render/template_engine.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

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

// Fragments (the page CSS, each section's HTML) are most of a page's bytes.
// Handed to kainjow as they are, each would be copied into its data, copied
// again with every enclosing object and pushed through its line buffer. Each
// goes in instead as a short placeholder, mark + index + mark, and the
// fragments are spliced into kainjow's output in one pass. kainjow drops a
// line holding a section tag and only blanks (' ' and '\t'), so a fragment
// that is empty or blank keeps its own text and the same lines are dropped.
constexpr char placeholder_mark = '\x01';

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

class data_builder {
public:
    explicit data_builder(bool use_placeholders) : use_placeholders_(use_placeholders) {}

    mst::data convert(const template_value& v) {
        switch (v.type) {
            case template_value::kind::text:
                if (v.value.find(placeholder_mark) != std::string::npos) mark_in_text_ = true;
                return mst::data{v.value};
            case template_value::kind::fragment:
                if (!use_placeholders_ || is_blank(v.value)) return mst::data{v.value};
                fragments_.push_back(&v.value);
                return mst::data{placeholder(fragments_.size() - 1)};
            case template_value::kind::flag:
                return mst::data{v.on ? mst::data::type::bool_true : mst::data::type::bool_false};
            case template_value::kind::list: {
                // kainjow's push_back copies the item's whole tree; the list
                // object is ours and not const, so its vector takes moves.
                mst::data list{mst::data::type::list};
                auto& items = const_cast<mst::basic_list<std::string>&>(list.list_value());
                items.reserve(v.items.size());
                for (const auto& item : v.items) items.push_back(convert(item));
                return list;
            }
            case template_value::kind::object: {
                // operator[] and a move, not set(): set() copies the whole member tree.
                mst::data object{mst::data::type::object};
                for (const auto& [name, member] : v.members) object[name] = convert(member);
                return object;
            }
        }
        return mst::data{mst::data::type::bool_false};
    }

    /// Puts the values of `v`, in order, into the value nodes `leaves` lists
    /// (see collect_leaves) of a tree convert() made from a context of the
    /// same shape (see shape_of): no look-up, no node allocated or freed.
    void refill(const template_value& v, mst::data* const*& next) {
        switch (v.type) {
            case template_value::kind::text:
                if (v.value.find(placeholder_mark) != std::string::npos) mark_in_text_ = true;
                set_string(**next++, v.value);
                return;
            case template_value::kind::fragment:
                if (!use_placeholders_ || is_blank(v.value)) {
                    set_string(**next++, v.value);
                    return;
                }
                fragments_.push_back(&v.value);
                set_string(**next++, placeholder(fragments_.size() - 1));
                return;
            case template_value::kind::flag:
                **next++ = mst::data{v.on ? mst::data::type::bool_true : mst::data::type::bool_false};
                return;
            case template_value::kind::list:
                for (const auto& item : v.items) refill(item, next);
                return;
            case template_value::kind::object:
                for (const auto& [name, member] : v.members) refill(member, next);
                return;
        }
    }

    /// A text value holds the mark: placeholders could not be told from it.
    [[nodiscard]] bool mark_in_text() const { return mark_in_text_; }

    /// `rendered` with every placeholder replaced by its fragment.
    [[nodiscard]] std::string splice(const std::string& rendered) const {
        if (fragments_.empty()) return rendered;
        std::size_t size = rendered.size();
        for (const auto* f : fragments_) size += f->size();
        std::string out;
        out.reserve(size);
        std::size_t pos = 0;
        while (true) {
            const auto open = rendered.find(placeholder_mark, pos);
            if (open == std::string::npos) break;
            const auto close = rendered.find(placeholder_mark, open + 1);
            out.append(rendered, pos, open - pos);
            std::size_t index = 0;
            for (auto i = open + 1; i < close; ++i) index = index * 10 + static_cast<std::size_t>(rendered[i] - '0');
            out += *fragments_[index];
            pos = close + 1;
        }
        out.append(rendered, pos);
        return out;
    }

private:
    // The string is kainjow's own and not const: assigning keeps its buffer.
    static void set_string(mst::data& data, const std::string& value) {
        const_cast<std::string&>(data.string_value()).assign(value);
    }

    static std::string placeholder(std::size_t index) {
        return placeholder_mark + std::to_string(index) + placeholder_mark;
    }

    bool use_placeholders_;
    bool mark_in_text_ = false;
    std::vector<const std::string*> fragments_;
};

// The kinds, names and list lengths of a context, written unambiguously
// (every count and name length as a fixed-size number before what it
// counts): two contexts with the same shape give kainjow data trees that
// differ only in their strings and flags.
void append_size(std::string& out, std::size_t n) {
    out.append(reinterpret_cast<const char*>(&n), sizeof n);
}

void shape_of(const template_value& v, std::string& out) {
    out += static_cast<char>('0' + static_cast<int>(v.type));
    if (v.type == template_value::kind::list) {
        // The members every item has (what the checker reads), then the items.
        append_size(out, v.members.size());
        for (const auto& [name, member] : v.members) {
            append_size(out, name.size());
            out += name;
            shape_of(member, out);
        }
        append_size(out, v.items.size());
        for (const auto& item : v.items) shape_of(item, out);
    } else if (v.type == template_value::kind::object) {
        append_size(out, v.members.size());
        for (const auto& [name, member] : v.members) {
            append_size(out, name.size());
            out += name;
            shape_of(member, out);
        }
    }
}

// Whether `v` has the shape `shape` (written by shape_of), read from `at`
// on: the same walk as shape_of, comparing instead of writing, so a context
// whose shape is known costs no shape string.
bool read_size(std::string_view shape, std::size_t& at, std::size_t expected) {
    std::size_t n = 0;
    if (shape.size() - at < sizeof n) return false;
    std::memcpy(&n, shape.data() + at, sizeof n);
    at += sizeof n;
    return n == expected;
}

bool members_match(const template_value& v, std::string_view shape, std::size_t& at);

bool matches_shape(const template_value& v, std::string_view shape, std::size_t& at) {
    if (at >= shape.size() || shape[at] != static_cast<char>('0' + static_cast<int>(v.type))) return false;
    ++at;
    if (v.type == template_value::kind::list) {
        if (!members_match(v, shape, at) || !read_size(shape, at, v.items.size())) return false;
        for (const auto& item : v.items)
            if (!matches_shape(item, shape, at)) return false;
    } else if (v.type == template_value::kind::object) {
        return members_match(v, shape, at);
    }
    return true;
}

bool members_match(const template_value& v, std::string_view shape, std::size_t& at) {
    if (!read_size(shape, at, v.members.size())) return false;
    for (const auto& [name, member] : v.members) {
        if (!read_size(shape, at, name.size()) || shape.compare(at, name.size(), name) != 0) return false;
        at += name.size();
        if (!matches_shape(member, shape, at)) return false;
    }
    return true;
}

bool has_shape(const template_value& v, std::string_view shape) {
    std::size_t at = 0;
    return matches_shape(v, shape, at) && at == shape.size();
}

// A page's context has the same shape for every plan of a batch, and making
// and freeing kainjow's data tree (a hash map per object, a heap string per
// value) cost more than rendering it. Each thread keeps the trees of the last
// few shapes it rendered and only changes their values; kainjow's render
// reads the data and never writes it.
struct data_slot {
    std::string shape;
    mst::data data;
    /// Its value nodes in the order refill() visits a context: they live in
    /// kainjow's hash map nodes and list buffers, which never move.
    std::vector<mst::data*> leaves;
};

void collect_leaves(mst::data& data, const template_value& v, std::vector<mst::data*>& out) {
    switch (v.type) {
        case template_value::kind::text:
        case template_value::kind::fragment:
        case template_value::kind::flag:
            out.push_back(&data);
            return;
        case template_value::kind::list: {
            auto& items = const_cast<mst::basic_list<std::string>&>(data.list_value());
            for (std::size_t i = 0; i < v.items.size(); ++i) collect_leaves(items[i], v.items[i], out);
            return;
        }
        case template_value::kind::object:
            for (const auto& [name, member] : v.members) collect_leaves(data[name], member, out);
            return;
    }
}

// Behind pointers: kainjow's data has no noexcept move, so a growing vector
// would copy the trees and leave `leaves` pointing into the freed ones.
std::vector<std::unique_ptr<data_slot>>& data_slots() {
    thread_local std::vector<std::unique_ptr<data_slot>> slots;
    return slots;
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
    bool has_partials = false;  ///< uses {{>name}}: checked afresh every time (its files may change)
    bool has_mark = false;      ///< holds the placeholder mark
    /// Context shapes (shape_of) this template passed the check with. The
    /// checker reads only the context's names and kinds, so a context of the
    /// same shape passes again and needs no second check.
    std::vector<std::string> checked_shapes;
};
using compiled_ptr = std::shared_ptr<compiled_template>;

// The cache is keyed by the template's whole text, compared in place: building
// a key string would copy the text on every render.
struct template_identity {
    template_format format;
    std::string_view origin;
    std::string_view text;
    auto operator<=>(const template_identity&) const = default;
};

struct cache_key {
    template_format format;
    std::string origin;
    std::string text;
    [[nodiscard]] template_identity identity() const { return {format, origin, text}; }
};

struct cache_order {
    using is_transparent = void;
    static template_identity id(const cache_key& k) { return k.identity(); }
    static template_identity id(const template_identity& k) { return k; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
        return id(a) < id(b);
    }
};

using template_cache = std::map<cache_key, compiled_ptr, cache_order>;

// Parsing is most of a render (the page CSS alone is 11 KB), and batch and
// library callers render the same few templates thousands of times. Each
// thread keeps its own parsed copies because kainjow's render writes into the
// object (its error state); keyed by the whole text, so an edited user
// template is parsed afresh. Templates that do not parse are not kept: their
// error is reported again on every use.
template_cache& thread_cache() {
    thread_local template_cache cache;
    return cache;
}

compiled_ptr compiled_for(const resource_text& source, template_format format, diagnostic_sink& diags) {
    auto& cache = thread_cache();
    const template_identity identity{format, source.origin, source.text};
    if (const auto found = cache.find(identity); found != cache.end()) return found->second;
    auto entry = std::make_shared<compiled_template>(compiled_template{mst::mustache{source.text}, {}, false, false, {}});
    if (!entry->tree.is_valid()) {
        report_syntax(source, entry->tree.error_message(), diags);
        return nullptr;
    }
    entry->tree.set_custom_escape(escaper(format));
    entry->tags = detail::scan_template_tags(source.text);
    entry->has_partials = std::any_of(entry->tags.begin(), entry->tags.end(), [](const detail::template_tag& t) {
        return t.type == detail::template_tag::kind::partial;
    });
    entry->has_mark = source.text.find(placeholder_mark) != std::string::npos;
    // Many --template-dir folders in one long-lived process must not grow it without end.
    if (cache.size() >= 64) cache.clear();
    cache.emplace(cache_key{format, source.origin, source.text}, entry);
    return entry;
}

// A failing partial leaves its error in the parent's tree: parse it again next time.
void forget(const resource_text& source, template_format format) {
    auto& cache = thread_cache();
    if (const auto found = cache.find(template_identity{format, source.origin, source.text}); found != cache.end())
        cache.erase(found);
}

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
    // A template with partials gets them as context members: neither its
    // check nor its data tree is kept. A context of a shape this thread has
    // rendered before finds its data tree by comparing the shape in place;
    // only a new shape is written out.
    auto& slots = data_slots();
    data_slot* slot = nullptr;
    std::string shape;
    const std::string* known_shape = &shape;
    if (!root->has_partials) {
        for (auto& candidate : slots)
            if (has_shape(context, candidate->shape)) {
                slot = candidate.get();
                known_shape = &slot->shape;
                break;
            }
        if (!slot) {
            shape.reserve(2048);
            shape_of(context, shape);
        }
    }
    auto& checked = root->checked_shapes;
    std::optional<detail::partial_texts> partials;
    if (!known_shape->empty() && std::find(checked.begin(), checked.end(), *known_shape) != checked.end()) {
        partials.emplace();
    } else {
        partials = check_all(source, *root, format, context, templates, diags);
        if (!partials) return std::nullopt;
        if (!known_shape->empty()) {
            if (checked.size() >= 8) checked.clear();
            checked.push_back(*known_shape);
        }
    }

    // Placeholders only when nothing but placeholders can put the mark in
    // kainjow's output: not the template, a partial or a text value.
    bool use_placeholders = !root->has_mark;
    for (const auto& [name, text] : *partials)
        if (text.find(placeholder_mark) != std::string::npos) use_placeholders = false;
    mst::data fresh;
    const auto fill = [&](data_builder& builder) -> mst::data& {
        if (slot) {
            mst::data* const* next = slot->leaves.data();
            builder.refill(context, next);
            return slot->data;
        }
        fresh = builder.convert(context);
        return fresh;
    };
    data_builder builder(use_placeholders);
    mst::data* data = &fill(builder);
    if (builder.mark_in_text()) {
        builder = data_builder(false);
        data = &fill(builder);
    }
    // The checker made sure no partial name is also a variable name.
    for (const auto& [name, text] : *partials) (*data)[name] = mst::data{text};

    // Room for the template's own text and the values: kainjow hands the
    // output over in dozens of pieces, and growing by doubling copied it again.
    std::string rendered;
    rendered.reserve(2 * source.text.size() + 1024);
    root->tree.render(*data, [&rendered](const std::string& piece) { rendered += piece; });
    if (!root->tree.is_valid()) {
        const auto e = describe_parse_error(root->tree.error_message());
        forget(source, format);
        diags.error("T402", "template failed while rendering: " + e.message, {source.origin, 0, 0, {}}, e.hints);
        return std::nullopt;
    }
    if (!slot && !shape.empty()) {
        // Many templates or styles in one long-lived process must not grow it without end.
        if (slots.size() >= 8) slots.clear();
        auto& kept = *slots.emplace_back(std::make_unique<data_slot>(data_slot{std::move(shape), std::move(fresh), {}}));
        collect_leaves(kept.data, context, kept.leaves);
    }
    std::string out = builder.splice(rendered);
    return out;
}

}  // namespace closeplan::render
