// SPDX-License-Identifier: MIT
// Per-deal overlays (overlays.hpp).
#include "batch/overlays.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

#include "batch/deal_plan.hpp"
#include "model/dates.hpp"

namespace closeplan::batch {

namespace fs = std::filesystem;
using load::raw_member;
using load::raw_node;

// ---- the folder -------------------------------------------------------------

std::optional<overlay_folder> overlay_folder::open(const std::string& dir, diagnostic_sink& diags) {
    overlay_folder out;
    out.dir_ = dir;
    std::error_code ec;
    std::vector<std::pair<std::string, std::string>> files;  // id, path
    fs::directory_iterator it(dir, ec);
    if (ec || !fs::is_directory(dir, ec)) {
        diags.error("B733", "cannot read the overlays folder \"" + dir + "\": " +
                                (ec ? ec.message() : std::string("it is not a folder")),
                    {dir, 0, 0, {}}, {"--overlays names a folder holding <deal id>.yaml files"});
        return std::nullopt;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const auto& path = it->path();
        const auto ext = path.extension().string();
        if (ext != ".yaml" && ext != ".yml" && ext != ".json") continue;
        if (!it->is_regular_file(ec)) continue;
        files.emplace_back(path.stem().string(), path.string());
    }
    std::sort(files.begin(), files.end());
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (i > 0 && files[i].first == files[i - 1].first) {
            diags.error("B731", "two overlays for deal \"" + files[i].first + "\": " + files[i - 1].second + " and " +
                                    files[i].second,
                        {files[i].second, 0, 0, {}}, {"keep one file per deal id"});
            continue;
        }
        out.ids_.push_back(files[i].first);
        out.paths_.push_back(files[i].second);
    }
    if (diags.has_errors()) return std::nullopt;
    out.used_ = std::make_unique<std::atomic<bool>[]>(out.ids_.size());
    return out;
}

const std::string* overlay_folder::find(std::string_view deal_id) const {
    if (deal_id.empty()) return nullptr;
    const auto it = std::lower_bound(ids_.begin(), ids_.end(), deal_id);
    if (it == ids_.end() || *it != deal_id) return nullptr;
    const auto i = static_cast<std::size_t>(it - ids_.begin());
    used_[i].store(true, std::memory_order_relaxed);
    return &paths_[i];
}

void overlay_folder::report_unused(diagnostic_sink& diags) const {
    std::size_t unused = 0;
    for (std::size_t i = 0; i < ids_.size(); ++i) {
        if (used_[i].load(std::memory_order_relaxed)) continue;
        if (++unused <= 20)
            diags.warning("B732", "overlay for deal \"" + ids_[i] + "\", which is not in the export",
                          {paths_[i], 0, 0, {}},
                          {"the file name must be the deal id as the export writes it; remove overlays of closed or deleted deals"});
    }
    if (unused > 20)
        diags.warning("B732", "and " + std::to_string(unused - 20) + " more overlays for deals not in the export",
                      {dir_, 0, 0, {}});
}

// ---- the export's plan as a tree --------------------------------------------

namespace {

/// Builds nodes that all sit at the export's row, each with its own JSON Pointer.
class tree_writer {
public:
    explicit tree_writer(const source_location& where) : where_(where) {}

    // Sized up front: a member is some 270 bytes of strings and vectors, and a
    // plan's tree has a few hundred, so growing by doubling would move most twice.
    raw_node map(std::string pointer, std::size_t members = 12) const {
        auto n = node(raw_node::kind::mapping, std::move(pointer));
        n.members.reserve(members);
        return n;
    }
    raw_node list(std::string pointer, std::size_t items = 0) const {
        auto n = node(raw_node::kind::sequence, std::move(pointer));
        n.items.reserve(items);
        return n;
    }

    void text(raw_node& parent, std::string_view key, const std::string& value) const {
        if (value.empty()) return;
        auto n = node(raw_node::kind::scalar, load::pointer_to(parent.where.pointer, key));
        n.text = value;
        n.quoted = true;
        add(parent, key, std::move(n));
    }
    void date(raw_node& parent, std::string_view key, const std::optional<model::date>& value) const {
        if (value) text(parent, key, model::format_iso_date(*value));
    }
    void texts(raw_node& parent, std::string_view key, const std::vector<std::string>& values) const {
        if (values.empty()) return;
        auto l = list(load::pointer_to(parent.where.pointer, key), values.size());
        for (const auto& v : values) {
            auto item = node(raw_node::kind::scalar, load::pointer_to(l.where.pointer, l.items.size()));
            item.text = v;
            item.quoted = true;
            l.items.push_back(std::move(item));
        }
        add(parent, key, std::move(l));
    }
    void add(raw_node& parent, std::string_view key, raw_node value) const {
        // Built in place. The key's pointer stays empty: the validator's
        // at_key() gives a key without one its value's (validate/fields.hpp),
        // the same place, with no copy of the pointer a node.
        raw_member& m = parent.members.emplace_back();
        m.key = key;
        m.key_where = where_;
        m.value = std::move(value);
    }
    /// A new mapping item at the end of `l`.
    raw_node& item(raw_node& l) const {
        l.items.push_back(map(load::pointer_to(l.where.pointer, l.items.size())));
        return l.items.back();
    }

private:
    // The pointer is moved in: a plan's tree has a few hundred nodes, most with
    // a pointer too long for the short-string buffer.
    raw_node node(raw_node::kind kind, std::string pointer) const {
        raw_node n;
        n.type = kind;
        n.where = where_;
        n.where.pointer = std::move(pointer);
        return n;
    }
    source_location where_;
};

void write_signatory(const tree_writer& w, raw_node& parent, std::string_view key,
                     const std::optional<model::signatory>& s) {
    if (!s) return;
    if (!s->stakeholder_id.empty() && !s->signed_on) {
        w.text(parent, key, s->stakeholder_id);
        return;
    }
    auto m = w.map(load::pointer_to(parent.where.pointer, key));
    if (!s->stakeholder_id.empty()) w.text(m, "stakeholder", s->stakeholder_id);
    else {
        w.text(m, "name", s->name);
        w.text(m, "title", s->title);
    }
    w.date(m, "date", s->signed_on);
    w.add(parent, key, std::move(m));
}

}  // namespace

raw_node plan_tree(const model::plan& plan, const source_location& where) {
    const tree_writer w(where);
    auto root = w.map("", 24);
    w.text(root, "closeplan", std::to_string(plan.format_version));
    root.members.back().value.quoted = false;

    auto deal = w.map("/deal");
    w.text(deal, "id", plan.deal.id);
    w.text(deal, "name", plan.deal.name);
    w.text(deal, "buyer", plan.deal.buyer.name);
    w.text(deal, "seller", plan.deal.seller.name);
    w.text(deal, "amount", plan.deal.amount);
    w.text(deal, "currency", plan.deal.currency);
    w.text(deal, "stage", plan.deal.stage);
    w.add(root, "deal", std::move(deal));

    w.date(root, "as_of", plan.as_of);
    w.date(root, "target_close", plan.target_close);
    w.date(root, "target_close_baseline", plan.target_close_baseline);
    w.date(root, "go_live", plan.go_live);
    w.text(root, "outcome", plan.outcome);
    w.texts(root, "success_criteria", plan.success_criteria);
    w.texts(root, "decision_criteria", plan.decision_criteria);

    if (!plan.stakeholders.empty()) {
        auto people = w.list("/stakeholders", plan.stakeholders.size());
        for (const auto& s : plan.stakeholders) {
            auto& p = w.item(people);
            w.text(p, "id", s.id);
            w.text(p, "name", s.name);
            w.text(p, "title", s.title);
            w.text(p, "side", std::string(model::to_string(s.party_side)));
            if (s.role_kind) w.text(p, "role", std::string(model::to_string(*s.role_kind)));
            if (s.influence) w.text(p, "influence", std::string(model::to_string(*s.influence)));
            w.text(p, "email", s.email);
            w.texts(p, "cares_about", s.cares_about);
        }
        w.add(root, "stakeholders", std::move(people));
    }
    if (!plan.milestones.empty()) {
        auto steps = w.list("/milestones", plan.milestones.size());
        for (const auto& m : plan.milestones) {
            auto& s = w.item(steps);
            w.text(s, "id", m.id);
            w.text(s, "title", m.title);
            w.text(s, "owner", std::string(model::to_string(m.owner)));
            w.text(s, "assignee", m.assignee);
            w.text(s, "workstream", m.workstream);
            w.date(s, "due", m.due);
            w.date(s, "baseline", m.baseline);
            w.text(s, "status", std::string(model::to_string(m.state)));
            w.date(s, "completed", m.completed);
            w.texts(s, "depends_on", m.depends_on);
            w.text(s, "gate", m.gate);
            w.text(s, "notes", m.notes);
        }
        w.add(root, "milestones", std::move(steps));
    }
    if (!plan.resources.empty()) {
        auto list = w.list("/resources", plan.resources.size());
        for (const auto& r : plan.resources) {
            auto& item = w.item(list);
            w.text(item, "id", r.id);
            w.text(item, "title", r.title);
            w.text(item, "kind", std::string(model::to_string(r.kind)));
            w.text(item, "url", r.url);
            w.text(item, "path", r.path);
            w.texts(item, "for", r.for_ids);
        }
        w.add(root, "resources", std::move(list));
    }
    if (!plan.risks.empty()) {
        auto list = w.list("/risks", plan.risks.size());
        for (const auto& r : plan.risks) {
            auto& item = w.item(list);
            w.text(item, "title", r.title);
            w.text(item, "severity", std::string(model::to_string(r.severity_level)));
            if (r.owner) w.text(item, "owner", std::string(model::to_string(*r.owner)));
            w.text(item, "assignee", r.assignee);
            w.text(item, "mitigation", r.mitigation);
            w.text(item, "milestone", r.milestone_id);
        }
        w.add(root, "risks", std::move(list));
    }
    w.text(root, "notes", plan.notes);
    if (plan.signatures.buyer || plan.signatures.seller) {
        auto sign = w.map("/sign_off");
        write_signatory(w, sign, "buyer", plan.signatures.buyer);
        write_signatory(w, sign, "seller", plan.signatures.seller);
        w.add(root, "sign_off", std::move(sign));
    }
    w.text(root, "locale", plan.locale);
    return root;
}

// ---- the merge --------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 3> lists_with_ids{"stakeholders", "milestones", "resources"};
constexpr std::array<std::string_view, 4> merged_mappings{"deal", "sign_off", "scope", "implementation"};

raw_member* member_of(raw_node& map, std::string_view key) {
    for (auto& m : map.members)
        if (m.key == key) return &m;
    return nullptr;
}

const raw_node* id_of(const raw_node& item) { return item.is_mapping() ? item.find("id") : nullptr; }

void merge_by_id(raw_node& base, const raw_node& over) {
    for (const auto& item : over.items) {
        const auto* id = id_of(item);
        auto same = id && id->is_scalar() ? std::find_if(base.items.begin(), base.items.end(), [&](const raw_node& b) {
                                                 const auto* bid = id_of(b);
                                                 return bid && bid->text == id->text;
                                             })
                                           : base.items.end();
        if (same != base.items.end()) *same = item;
        else base.items.push_back(item);
    }
}

}  // namespace

void merge_overlay(raw_node& base, const raw_node& overlay, diagnostic_sink& diags) {
    for (const auto& m : overlay.members) {
        if (m.key == "closeplan") continue;  // a copied plan file's version line changes nothing
        if (m.key == "as_of" || m.key == "value_map") {
            diags.error("B730", "`" + m.key + "` cannot be set by an overlay", m.key_where,
                        {m.key == "as_of" ? "the batch run's --as-of dates every plan"
                                          : "give the value map to the batch run with --value-map"});
            continue;
        }
        auto* b = member_of(base, m.key);
        if (!b) {
            base.members.push_back(m);
            continue;
        }
        const bool id_list = std::find(lists_with_ids.begin(), lists_with_ids.end(), m.key) != lists_with_ids.end();
        const bool merged_map =
            std::find(merged_mappings.begin(), merged_mappings.end(), m.key) != merged_mappings.end();
        if (m.value.is_sequence() && b->value.is_sequence()) {
            if (id_list) merge_by_id(b->value, m.value);
            else b->value.items.insert(b->value.items.end(), m.value.items.begin(), m.value.items.end());
        } else if (merged_map && m.value.is_mapping() && b->value.is_mapping()) {
            for (const auto& inner : m.value.members) {
                if (auto* same = member_of(b->value, inner.key)) *same = inner;
                else b->value.members.push_back(inner);
            }
        } else {
            *b = m;
        }
    }
}

bool apply_overlay(model::plan& plan, std::string_view text, const std::string& path, const std::string& folder,
                   const std::string& export_file, int line, std::vector<row_error>& errors) {
    const overlay_source overlay{text, path, folder};
    return complete_plan(plan, {}, &overlay, export_file, line, errors);
}

}  // namespace closeplan::batch
