// SPDX-License-Identifier: MIT
// Per-deal overlays (overlays.hpp).
#include "batch/overlays.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

#include "batch/deal_plan.hpp"
#include "model/dates.hpp"
#include "validate/links.hpp"
#include "validate/wording.hpp"

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

// ---- the typed merge ----------------------------------------------------------

namespace {

// How lay_overlay_typed lays each member it reads (validate::read_plan_members) over the plan.
enum class laid { skipped, replaced, appended, by_id };

std::optional<laid> how_laid(std::string_view key) {
    static constexpr std::pair<std::string_view, laid> members[] = {
        {"closeplan", laid::skipped},
        {"target_close", laid::replaced},
        {"target_close_baseline", laid::replaced},
        {"go_live", laid::replaced},
        {"outcome", laid::replaced},
        {"notes", laid::replaced},
        {"locale", laid::replaced},
        {"success_criteria", laid::appended},
        {"decision_criteria", laid::appended},
        {"risks", laid::appended},
        {"stakeholders", laid::by_id},
        {"milestones", laid::by_id},
        {"resources", laid::by_id},
    };
    for (const auto& [name, how] : members)
        if (name == key) return how;
    return std::nullopt;
}

bool trimmed(std::string_view text) { return validate::detail::trim(text).size() == text.size(); }
bool all_trimmed(const std::vector<std::string>& texts) {
    return std::all_of(texts.begin(), texts.end(),
                       [](const std::string& t) { return !t.empty() && trimmed(t); });
}
bool in_range(const std::optional<model::date>& d) { return !d || !model::range_problem(*d); }

// Whether the plan reader gives `plan` back unchanged (but for what
// read_back() changes) from the tree plan_tree writes: every text trimmed,
// no empty list item, required fields there, values the reader accepts, and
// nothing plan_tree does not write. A batch's own plans always are; any
// other goes the tree's way.
bool reads_back_unchanged(const model::plan& plan) {
    const auto& d = plan.deal;
    if (plan.format_version != 1 || d.name.empty()) return false;
    for (const auto* t : {&d.id, &d.name, &d.stage, &d.buyer.name, &d.seller.name, &plan.outcome, &plan.notes,
                          &plan.locale})
        if (!trimmed(*t)) return false;
    if (!d.amount.empty() && !validate::is_plain_decimal(d.amount)) return false;
    if (!d.currency.empty() && !validate::is_currency_code(d.currency)) return false;
    if (!plan.locale.empty() && !validate::is_language_tag(plan.locale)) return false;
    if (!in_range(plan.as_of) || !in_range(plan.target_close) || !in_range(plan.target_close_baseline) ||
        !in_range(plan.go_live))
        return false;
    if (!all_trimmed(plan.success_criteria) || !all_trimmed(plan.decision_criteria)) return false;
    for (const auto& s : plan.stakeholders)
        if (s.id.empty() || s.name.empty() || !trimmed(s.id) || !trimmed(s.name) || !trimmed(s.title) ||
            !trimmed(s.email) || !all_trimmed(s.cares_about))
            return false;
    for (const auto& m : plan.milestones) {
        if (m.id.empty() || m.title.empty() || !trimmed(m.id) || !trimmed(m.title) || !trimmed(m.assignee) ||
            !trimmed(m.workstream) || !trimmed(m.gate) || !trimmed(m.notes) || !all_trimmed(m.depends_on))
            return false;
        if (!m.due && m.state != model::status::done) return false;
        if (!in_range(m.due) || !in_range(m.baseline) || !in_range(m.completed)) return false;
    }
    for (const auto& r : plan.resources)
        if (r.title.empty() || r.url.empty() || !r.path.empty() || !trimmed(r.id) || !trimmed(r.title) ||
            validate::detail::check_link(r.url) || !all_trimmed(r.for_ids))
            return false;
    for (const auto& r : plan.risks)
        if (r.title.empty() || !trimmed(r.title) || !trimmed(r.assignee) || !trimmed(r.mitigation) ||
            !trimmed(r.milestone_id))
            return false;
    // A sign-off is written back as its stakeholder's id alone.
    for (const auto* s : {&plan.signatures.buyer, &plan.signatures.seller})
        if (*s && ((*s)->stakeholder_id.empty() || !trimmed((*s)->stakeholder_id) || (*s)->signed_on || (*s)->how))
            return false;
    // Members plan_tree does not write (a batch plan has none of them).
    return plan.commitments.empty() && plan.scope_in.empty() && plan.scope_out.empty() && !plan.implementation.kickoff &&
           !plan.implementation.cs_owner && plan.purchased.empty() && plan.competition.empty() &&
           plan.red_flags.empty() && plan.extensions.empty() && plan.environment.systems.empty() &&
           plan.environment.integrations.empty() && plan.environment.notes.empty() && !plan.contract.start &&
           d.buyer.logo.empty() && d.seller.logo.empty();
}

// An `x-` key anywhere: the plan reader keeps them all in plan.extensions.
bool has_extension_key(const raw_node& node) {
    for (const auto& m : node.members)
        if (m.key.starts_with("x-") || has_extension_key(m.value)) return true;
    return std::any_of(node.items.begin(), node.items.end(), [](const raw_node& i) { return has_extension_key(i); });
}

source_location at_row(int line, std::string pointer) { return {std::string(), line, 0, std::move(pointer)}; }

// What the plan reader makes of plan_tree's tree of `plan` (reads_back_unchanged):
// the same values, each item at the deal's row with its pointer in the tree,
// milestones without the history plan_tree does not write.
model::plan read_back(const model::plan& plan, int line) {
    model::plan out;
    out.format_version = plan.format_version;
    out.deal.id = plan.deal.id;
    out.deal.name = plan.deal.name;
    out.deal.stage = plan.deal.stage;
    out.deal.buyer.name = plan.deal.buyer.name;
    out.deal.seller.name = plan.deal.seller.name;
    out.deal.amount = plan.deal.amount;
    out.deal.currency = plan.deal.currency;
    out.as_of = plan.as_of;
    out.target_close = plan.target_close;
    out.target_close_baseline = plan.target_close_baseline;
    out.go_live = plan.go_live;
    out.outcome = plan.outcome;
    out.success_criteria = plan.success_criteria;
    out.decision_criteria = plan.decision_criteria;
    out.stakeholders = plan.stakeholders;
    for (std::size_t i = 0; i < out.stakeholders.size(); ++i)
        out.stakeholders[i].where = at_row(line, load::pointer_to("/stakeholders", i));
    out.milestones = plan.milestones;
    for (std::size_t i = 0; i < out.milestones.size(); ++i) {
        out.milestones[i].where = at_row(line, load::pointer_to("/milestones", i));
        out.milestones[i].history.clear();
    }
    out.resources = plan.resources;
    for (std::size_t i = 0; i < out.resources.size(); ++i)
        out.resources[i].where = at_row(line, load::pointer_to("/resources", i));
    out.risks = plan.risks;
    for (std::size_t i = 0; i < out.risks.size(); ++i) out.risks[i].where = at_row(line, load::pointer_to("/risks", i));
    out.notes = plan.notes;
    for (const auto* side : {&plan.signatures.buyer, &plan.signatures.seller})
        if (*side) {
            auto& slot = side == &plan.signatures.buyer ? out.signatures.buyer : out.signatures.seller;
            slot.emplace();
            slot->stakeholder_id = (*side)->stakeholder_id;  // name and title: check_plan_links
        }
    if (!plan.locale.empty()) out.locale = plan.locale;
    return out;
}

// The raw id merge_by_id compares an item by: its `id` node's text, if it has one.
std::optional<std::string_view> raw_id(const raw_node& item) {
    const auto* id = id_of(item);
    return id ? std::optional<std::string_view>(id->text) : std::nullopt;
}

// merge_by_id on typed items: `raw` holds the raw id of each of `base`'s items.
template <typename T>
void lay_by_id(std::vector<T>& base, std::vector<std::optional<std::string_view>>& raw, const raw_node& over,
               std::vector<T>& typed) {
    for (std::size_t k = 0; k < over.items.size(); ++k) {
        const auto* id = id_of(over.items[k]);
        auto same = raw.end();
        if (id && id->is_scalar())
            same = std::find_if(raw.begin(), raw.end(), [&](const auto& r) { return r && *r == id->text; });
        if (same != raw.end()) {
            base[static_cast<std::size_t>(same - raw.begin())] = std::move(typed[k]);
            *same = raw_id(over.items[k]);
        } else {
            base.push_back(std::move(typed[k]));
            raw.push_back(raw_id(over.items[k]));
        }
    }
}

template <typename T>
std::vector<std::optional<std::string_view>> raw_ids_of(const std::vector<T>& items) {
    std::vector<std::optional<std::string_view>> out;
    out.reserve(items.size());
    for (const auto& i : items) out.push_back(i.id.empty() ? std::nullopt : std::optional<std::string_view>(i.id));
    return out;
}

template <typename T>
void lay_list(std::vector<T>& base, std::vector<T>& typed, bool append) {
    if (!append) base.clear();
    base.insert(base.end(), std::make_move_iterator(typed.begin()), std::make_move_iterator(typed.end()));
}

// The field locations the plan reader notes (validate/plan_reader.cpp) for
// a Markdown member of the merged tree: the member's node and its items.
void note_locations(model::plan& out, std::string_view key, bool base_has, std::size_t base_items,
                    const raw_node* over, int line) {
    const std::string pointer = load::pointer_to("", key);
    const bool keeps_base_node = base_has && (!over || (over->is_sequence() && base_items > 0));
    if (keeps_base_node) {
        out.field_locations[pointer] = at_row(line, pointer);
        for (std::size_t i = 0; i < base_items; ++i) {
            auto item = load::pointer_to(pointer, i);
            out.field_locations[item] = at_row(line, item);
        }
    } else if (over) {
        out.field_locations[over->where.pointer] = over->where;
    }
    if (over)
        for (const auto& item : over->items) out.field_locations[item.where.pointer] = item.where;
}

}  // namespace

std::optional<model::plan> lay_overlay_typed(const model::plan& plan, const raw_node& overlay,
                                             const validate::validate_options& options, int line) {
    if (!overlay.is_mapping()) return std::nullopt;
    for (const auto& m : overlay.members)
        if (!how_laid(m.key)) return std::nullopt;
    if (has_extension_key(overlay) || !reads_back_unchanged(plan)) return std::nullopt;
    model::plan typed;
    diagnostic_sink read;
    validate::read_plan_members(overlay, options, typed, read);
    // Two items of one overlay list with one id are not a duplicate once
    // merged (the second replaces the first): ids are checked on the merged
    // plan (check_plan_links).
    for (const auto& d : read.all())
        if ((d.level == severity::error && d.code != "V205") || d.code == "V208") return std::nullopt;

    auto out = read_back(plan, line);
    auto stakeholder_ids = raw_ids_of(out.stakeholders);
    auto milestone_ids = raw_ids_of(out.milestones);
    auto resource_ids = raw_ids_of(out.resources);
    const bool base_outcome = !out.outcome.empty(), base_notes = !out.notes.empty();
    const std::size_t base_success = out.success_criteria.size(), base_decision = out.decision_criteria.size();
    for (const auto& m : overlay.members) {
        const auto& key = m.key;
        const bool sequence = m.value.is_sequence();
        if (key == "target_close") out.target_close = typed.target_close;
        else if (key == "target_close_baseline") out.target_close_baseline = typed.target_close_baseline;
        else if (key == "go_live") out.go_live = typed.go_live;
        else if (key == "outcome") out.outcome = std::move(typed.outcome);
        else if (key == "notes") out.notes = std::move(typed.notes);
        else if (key == "locale") out.locale = std::move(typed.locale);
        else if (key == "success_criteria") lay_list(out.success_criteria, typed.success_criteria, sequence);
        else if (key == "decision_criteria") lay_list(out.decision_criteria, typed.decision_criteria, sequence);
        else if (key == "risks") lay_list(out.risks, typed.risks, sequence);
        else if (key == "stakeholders") {
            if (sequence) lay_by_id(out.stakeholders, stakeholder_ids, m.value, typed.stakeholders);
            else out.stakeholders.clear(), stakeholder_ids.clear();
        } else if (key == "milestones") {
            if (sequence) lay_by_id(out.milestones, milestone_ids, m.value, typed.milestones);
            else out.milestones.clear(), milestone_ids.clear();
        } else if (key == "resources") {
            if (sequence) lay_by_id(out.resources, resource_ids, m.value, typed.resources);
            else out.resources.clear(), resource_ids.clear();
        }
    }
    note_locations(out, "outcome", base_outcome, 0, overlay.find("outcome"), line);
    note_locations(out, "notes", base_notes, 0, overlay.find("notes"), line);
    note_locations(out, "success_criteria", base_success > 0, base_success, overlay.find("success_criteria"), line);
    note_locations(out, "decision_criteria", base_decision > 0, base_decision, overlay.find("decision_criteria"),
                   line);
    if (!validate::check_plan_links(out)) return std::nullopt;
    return out;
}

bool apply_overlay(model::plan& plan, std::string_view text, const std::string& path, const std::string& folder,
                   const std::string& export_file, int line, std::vector<row_error>& errors) {
    const overlay_source overlay{text, path, folder};
    return complete_plan(plan, {}, &overlay, export_file, line, errors);
}

}  // namespace closeplan::batch
