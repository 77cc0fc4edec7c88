// SPDX-License-Identifier: MIT
// The YAML parse, enforcing the node and depth limits on its events while the node graph is built.
#include <new>
#include <optional>
#include <vector>

#include "load/load_internal.hpp"
#include "load/yaml_errors.hpp"
#include "load/yaml_graph.hpp"

namespace closeplan::load::detail {

namespace {

// The node graph (yaml_graph.hpp) takes over a hundred bytes per node.
// Counting the events as the graph is built stops a 4 MB list of numbers at
// the limit instead of after hundreds of megabytes, and catches deep nesting
// at the exact bracket (libyaml has no depth limit of its own; its state
// stacks grow with the nesting). Aliases are single events here; what they expand to
// is bounded later, while the raw tree is built.
struct limit_reached {
    bool too_deep = false;
    source_location where;
};

class prescan_handler final : public yaml_event_watcher {
public:
    prescan_handler(const std::string& file, const load_limits& limits)
        : file_(file), limits_(limits), max_depth_(max_depth_of(limits)) {}

    void document_start() override {
        stack_.clear();
        skipped_key_depth_ = 0;
    }

    void leaf(const yaml_mark& mark, std::string_view value) override {
        if (skipped_key_depth_ > 0) return;
        if (at_key()) {
            key_done(std::string(value));
            return;
        }
        count(mark);
        value_done();
    }

    void open(const yaml_mark& mark, bool mapping) override {
        // A list or mapping used as a key is refused later (L109); only its end matters here.
        if (at_key()) {
            ++skipped_key_depth_;
            return;
        }
        count(mark);
        if (stack_.size() + 1 > max_depth_) throw limit_reached{true, where(mark)};
        stack_.push_back({mapping, true, 0, {}});
    }

    void close() override {
        if (skipped_key_depth_ > 0) {
            if (--skipped_key_depth_ == 0) key_done("?");
            return;
        }
        stack_.pop_back();
        value_done();
    }

private:
    struct frame {
        bool mapping = false;
        bool expect_key = true;
        std::size_t index = 0;
        std::string key;
    };

    [[nodiscard]] bool at_key() const {
        return skipped_key_depth_ > 0 || (!stack_.empty() && stack_.back().mapping && stack_.back().expect_key);
    }

    [[nodiscard]] std::string pointer() const {
        std::string out;
        for (const auto& f : stack_) out = f.mapping ? pointer_to(out, f.key) : pointer_to(out, f.index);
        return out;
    }

    [[nodiscard]] source_location where(const yaml_mark& mark) const {
        return {file_, mark.line + 1, mark.column + 1, pointer()};
    }

    void count(const yaml_mark& mark) {
        if (++nodes_ > limits_.max_nodes) throw limit_reached{false, where(mark)};
    }

    // A value is done: the mapping waits for its next key, the list moves on.
    void value_done() {
        if (stack_.empty()) return;
        if (stack_.back().mapping)
            stack_.back().expect_key = true;
        else
            ++stack_.back().index;
    }

    void key_done(std::string key) {
        stack_.back().key = std::move(key);
        stack_.back().expect_key = false;
    }

    const std::string& file_;
    const load_limits& limits_;
    std::size_t max_depth_;
    std::size_t nodes_ = 0;
    std::size_t skipped_key_depth_ = 0;
    std::vector<frame> stack_;
};

// One 4 MB line `[0,0,0,...]` is millions of values on one line: refused
// before any parser sees it (yaml-cpp's scanner held every token of such a
// line; libyaml would report them one by one). Each `[`, `{` or `,` on a line starts a
// value in flow syntax, so counting them bounds that line's values cheaply.
std::optional<std::size_t> crowded_line(std::string_view text, std::size_t max_values) {
    std::size_t on_line = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            on_line = 0;
        } else if ((c == '[' || c == '{' || c == ',') && ++on_line > max_values) {
            return i;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::vector<yaml_document>> parse_yaml_within_limits(std::string_view text, const std::string& file,
                                                                   diagnostic_sink& diags, const load_limits& limits) {
    if (const auto at = crowded_line(text, limits.max_nodes)) {
        report_too_many_nodes(diags, limits, location_at(line_index(text), file, *at), expansion::none);
        return std::nullopt;
    }
    // Plans are a few kilobytes: there counting events cannot find a limit.
    std::optional<prescan_handler> counter;
    if (!surely_within_limits(text, limits)) counter.emplace(file, limits);
    try {
        return parse_yaml_documents(text, counter ? &*counter : nullptr);
    } catch (const limit_reached& stop) {
        if (stop.too_deep)
            report_too_deep(diags, limits, stop.where);
        else
            report_too_many_nodes(diags, limits, stop.where, expansion::none);
    } catch (const yaml_syntax_error& e) {
        report_yaml_failure(e, text, file, diags);
    } catch (const std::bad_alloc&) {
        report_yaml_failure(yaml_syntax_error("out of memory while parsing", "", {}, {}), text, file, diags);
    }
    return std::nullopt;
}

}  // namespace closeplan::load::detail
