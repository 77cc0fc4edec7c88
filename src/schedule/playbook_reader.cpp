// SPDX-License-Identifier: MIT
// Reading a playbook file into a playbook, every problem located, all of them in one run.
#include <array>
#include <charconv>
#include <string_view>

#include "load/load_document.hpp"
#include "schedule/playbook.hpp"
#include "schedule/playbook_codes.hpp"
#include "validate/choices.hpp"
#include "validate/fields.hpp"
#include "validate/wording.hpp"

namespace closeplan::schedule {

namespace {

using load::raw_node;
using validate::detail::field_reader;
using validate::detail::need;
using validate::detail::quote;

constexpr std::string_view version_key = "closeplan-playbook";
constexpr std::array<std::string_view, 4> playbook_keys = {version_key, "name", "max_stretch", "milestones"};
constexpr std::array<std::string_view, 9> step_keys = {"id",         "title", "owner", "workstream", "days",
                                                       "depends_on", "gate",  "notes", "anchor"};
/// A step longer than this is a typo (or a year written as days); it would also
/// push dates thousands of years back.
constexpr int max_step_days = 1000;

class playbook_reader {
public:
    playbook_reader(field_reader& fields, diagnostic_sink& own_codes) : fields_(fields), own_(own_codes) {}

    bool read(const raw_node& root, playbook& book) {
        if (!root.is_mapping()) {
            own_.error("P600", "a playbook must be a mapping with `closeplan-playbook: 1`, found " +
                                   std::string(validate::detail::describe(root)),
                       root.where);
            return false;
        }
        if (!read_version(root)) return false;
        fields_.check_keys(root, playbook_keys);
        book.name = fields_.text(root, "name", need::required);
        if (const raw_node* stretch = root.find("max_stretch"))
            book.max_stretch = whole_number(*stretch, "max_stretch", 1, most_max_stretch,
                                            "1 keeps every step as late as possible; 5 (the default) lets a "
                                            "schedule spread over up to five times its length");
        const raw_node* list = fields_.member(root, "milestones", need::required,
                                              "list the playbook's steps under `milestones:`");
        if (!list || !fields_.expect_list(*list, "\"milestones\"")) return true;
        if (list->items.empty())
            own_.error("P609", "the playbook has no milestones", list->where,
                       {"add at least one step: `- { id: signature, title: Contract signed, owner: both, days: 1 }`"});
        for (const auto& item : list->items) {
            if (!fields_.expect_mapping(item, "each milestone")) continue;
            book.steps.push_back(read_step(item));
        }
        return true;
    }

private:
    bool read_version(const raw_node& root) {
        const raw_node* version = root.find(version_key);
        if (!version) {
            std::string message = "missing format version";
            if (root.find("closeplan")) message = "this is a plan file, not a playbook";
            if (root.find("closeplan-value-map")) message = "this is a value map file, not a playbook";
            own_.error("P600", message, validate::detail::at_missing(root, version_key),
                       {"a playbook starts with `closeplan-playbook: 1`"});
            return false;
        }
        if (!version->is_scalar() || validate::detail::trim(version->text) != "1") {
            own_.error("P600", "unsupported playbook format version " + quote(version->text), version->where,
                       {"this closeplan reads `closeplan-playbook: 1`"});
            return false;
        }
        return true;
    }

    playbook_step read_step(const raw_node& item) {
        playbook_step step;
        step.where = item.where;
        fields_.check_keys(item, step_keys);
        if (auto id = fields_.located(item, "id", need::required)) {
            step.id = std::move(id->text);
            step.id_where = id->where;
        }
        step.title = fields_.text(item, "title", need::required);
        if (auto owner = fields_.choose<model::side>(item, validate::detail::owner_choices(), need::required))
            step.owner = *owner;
        step.workstream = fields_.text(item, "workstream");
        step.days = read_days(item);
        for (auto& dependency : fields_.located_list(item, "depends_on")) {
            step.depends_on.push_back(std::move(dependency.text));
            step.depends_on_where.push_back(dependency.where);
        }
        step.gate = fields_.text(item, "gate");
        step.notes = fields_.text(item, "notes");
        step.anchor = read_anchor(item);
        return step;
    }

    // `anchor: start` (as soon as possible from as_of) or `anchor: close` (as late as possible).
    step_anchor read_anchor(const raw_node& item) {
        const raw_node* node = item.find("anchor");
        if (!node) return step_anchor::spread;
        const auto text = node->is_scalar() ? validate::detail::trim(node->text) : std::string_view();
        if (text == "start") return step_anchor::start;
        if (text == "close") return step_anchor::close;
        if (text == "spread") return step_anchor::spread;
        own_.error("P603", "\"anchor\" must be start, close or spread, found " +
                               (node->is_scalar() ? quote(node->text) : std::string(validate::detail::describe(*node))),
                   node->where,
                   {"`anchor: start` puts the step as soon as possible from as_of, `anchor: close` as late as "
                    "possible; without it the step spreads with the others over the time there is"});
        return step_anchor::spread;
    }

    // A whole number in [low, high] (P603 otherwise).
    int whole_number(const raw_node& node, std::string_view key, long low, long high, std::string hint) {
        const auto text = node.is_scalar() ? validate::detail::trim(node.text) : std::string_view();
        long value = 0;
        const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || failure != std::errc() || end != text.data() + text.size() || value < low || value > high) {
            own_.error("P603", "\"" + std::string(key) + "\" must be a whole number from " + std::to_string(low) + " to " +
                                   std::to_string(high) + ", found " +
                                   (node.is_scalar() ? quote(node.text) : std::string(validate::detail::describe(node))),
                       node.where, {std::move(hint)});
            return static_cast<int>(low == 1 ? default_max_stretch : low);
        }
        return static_cast<int>(value);
    }

    int read_days(const raw_node& item) {
        const raw_node* node = fields_.member(item, "days", need::required,
                                              "days is the step's length in business days, e.g. `days: 5`");
        if (!node) return 1;
        if (!node->is_scalar()) {
            own_.error("P608", "\"days\" must be a whole number of business days, found " +
                                   std::string(validate::detail::describe(*node)),
                       node->where);
            return 1;
        }
        const auto text = validate::detail::trim(node->text);
        long value = 0;
        const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (failure != std::errc() || end != text.data() + text.size()) {
            own_.error("P608", "\"days\" must be a whole number of business days, found " + quote(text),
                       node->where, {"write `days: 3` for three business days; half days are not scheduled"});
            return 1;
        }
        if (value < 1) {
            own_.error("P608", "\"days\" must be at least 1, found " + std::string(text), node->where,
                       {"a step takes at least one business day; a step due the same day as another takes `days: 1`"});
            return 1;
        }
        if (value > max_step_days) {
            own_.error("P608", "\"days\" is " + std::string(text) + ", more than " + std::to_string(max_step_days) +
                                   " business days",
                       node->where, {"days are business days (about 21 a month); split a long step in several"});
            return 1;
        }
        return static_cast<int>(value);
    }

    field_reader& fields_;
    diagnostic_sink& own_;
};

std::optional<playbook> playbook_from_tree(const std::optional<raw_node>& root, const std::string& file,
                                           diagnostic_sink& loading, diagnostic_sink& diags) {
    diags.merge(loading);
    if (!root || loading.has_errors()) return std::nullopt;

    // Field readers report plan codes into `renamed`; this reader's own P6xx
    // codes go to `problems` directly.
    diagnostic_sink renamed;
    diagnostic_sink problems;
    field_reader fields(renamed);
    playbook book;
    book.source_file = file;
    const bool is_playbook = playbook_reader(fields, problems).read(*root, book);
    detail::forward_as_playbook_codes(renamed, problems);
    // Ids, dependencies and cycles are checked even when a step had other
    // problems, so one run lists everything.
    const bool schedulable = is_playbook && prepare_playbook(book, problems);
    detail::report_in_file_order(problems, diags);
    if (!schedulable || problems.has_errors()) return std::nullopt;
    return book;
}

}  // namespace

std::optional<playbook> load_playbook_text(std::string_view text, const std::string& file, diagnostic_sink& diags) {
    diagnostic_sink loading;
    const auto root = load::load_document(text, file, load::syntax_for_path(file), loading);
    return playbook_from_tree(root, file, loading, diags);
}

std::optional<playbook> load_playbook(const std::string& path, diagnostic_sink& diags) {
    diagnostic_sink loading;
    const auto root = load::load_file(path, loading);
    return playbook_from_tree(root, path, loading, diags);
}

}  // namespace closeplan::schedule
